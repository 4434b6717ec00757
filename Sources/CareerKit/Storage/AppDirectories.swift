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
    /// Where the line-editing history was kept before it had a name of its own.
    var formerLineHistory: String { state + "/history" }

    /// The line-editing history's path, after moving a file kept under its former name to it
    /// (its lines first, when both exist), so that nothing stays behind where `forget` would
    /// not look.
    public func adoptingFormerLineHistory() throws -> String {
        let files = FileManager.default
        guard files.fileExists(atPath: formerLineHistory) else { return lineHistory }
        do {
            if files.fileExists(atPath: lineHistory) {
                let former = try String(contentsOfFile: formerLineHistory, encoding: .utf8)
                let current = try String(contentsOfFile: lineHistory, encoding: .utf8)
                try PrivateFile.write(former + current, to: lineHistory, durably: true)
                try files.removeItem(atPath: formerLineHistory)
            } else {
                try files.moveItem(atPath: formerLineHistory, toPath: lineHistory)
            }
        } catch let error as CareerError {
            throw error
        } catch {
            throw CareerError.cannotWrite(path: lineHistory, reason: error.localizedDescription)
        }
        return lineHistory
    }
}
