import Foundation

/// Where careerpath keeps its files, following the XDG base directory rules.
public struct AppDirectories: Sendable {
    /// Sessions and plans: `$XDG_DATA_HOME/careerpath`, else `~/.local/share/careerpath`.
    public var data: String
    /// Line-editing history: `$XDG_STATE_HOME/careerpath`, else `~/.local/state/careerpath`.
    public var state: String

    public init(data: String, state: String) {
        self.data = data
        self.state = state
    }

    /// The folders for this environment.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> AppDirectories {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        return AppDirectories(
            data: base("XDG_DATA_HOME", ".local/share") + "/careerpath",
            state: base("XDG_STATE_HOME", ".local/state") + "/careerpath")
    }

    public var sessions: String { data + "/sessions" }
    public var plans: String { data + "/plans" }
    /// The line-editing history of `talk`; not the history of sessions (`history.sqlite`).
    public var lineHistory: String { state + "/line-history" }
    /// Where the line-editing history was kept before it had a name of its own; `forget`
    /// cleans it too.
    public var formerLineHistory: String { state + "/history" }

    /// The line-editing history's path, after renaming a file kept under its former name to
    /// it when there is none yet (a link is renamed as a link). When both exist, both stay:
    /// nothing is merged, and `forget` cleans both.
    public func adoptingFormerLineHistory() -> String {
        var status = stat()
        if lstat(lineHistory, &status) != 0, lstat(formerLineHistory, &status) == 0 {
            _ = rename(formerLineHistory, lineHistory)
        }
        return lineHistory
    }
}
