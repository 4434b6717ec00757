import Foundation

/// Where the history is: a SQLite file on this laptop, or an organisation's PostgreSQL server.
///
/// Found, first that says: `--db`, the environment variable `CAREERPATH_DB`, the line
/// `db = ...` of the config file (`$XDG_CONFIG_HOME/careerpath/config`, else
/// `~/.config/careerpath/config`), else `history.sqlite` in the careerpath data folder.
/// A `postgres://` or `postgresql://` URL is a server; anything else is a file.
public enum HistoryLocation: Equatable, Sendable {
    case file(String)
    case server(url: String)

    public init(_ text: String) {
        let lower = text.lowercased()
        self = lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") ? .server(url: text) : .file(text)
    }

    /// The location the settings give.
    ///
    /// - Parameter option: `--db`, when given.
    /// - Throws: `CareerError.invalidData` for a config file with a line careerpath cannot read.
    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> HistoryLocation {
        if let option, !option.isEmpty { return HistoryLocation(option) }
        if let value = environment["CAREERPATH_DB"], !value.isEmpty { return HistoryLocation(expanded(value, environment)) }
        if let value = try ConfigFile.load(environment: environment)?.values["db"] { return HistoryLocation(expanded(value, environment)) }
        return .file(AppDirectories.current(environment: environment).data + "/history.sqlite")
    }

    /// `~/...` from a setting, with the home folder.
    private static func expanded(_ value: String, _ environment: [String: String]) -> String {
        guard value.hasPrefix("~/") else { return value }
        return (environment["HOME"] ?? NSHomeDirectory()) + value.dropFirst()
    }

    /// The file, or the URL without its password.
    public var shown: String {
        switch self {
        case .file(let path): path
        case .server(let url): PostgresConnection.redacted(url)
        }
    }

    public var isServer: Bool {
        if case .server = self { return true }
        return false
    }

    /// Whether there is a history to read: a file that exists, or any server.
    public var exists: Bool {
        switch self {
        case .file(let path): FileManager.default.fileExists(atPath: path)
        case .server: true
        }
    }

    /// Opens (a file: creates) the history. `reading` opens a file read-only (`HistoryStore`'s
    /// `readOnly`); a server's rights are the login's, so there it changes nothing.
    public func open(
        reading: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> any HistoryStorage {
        switch self {
        case .file(let path): try HistoryStore(path: path, readOnly: reading)
        case .server(let url): try PostgresHistoryStore(url: url, environment: environment)
        }
    }
}

/// careerpath's config file: `key = value` lines; `#` starts a comment line; blank lines are
/// left alone. The one key today is `db` (a SQLite path or a postgres:// URL).
public struct ConfigFile: Sendable, Equatable {
    public static let keys = ["db"]
    public var path: String
    public var values: [String: String]

    /// `$XDG_CONFIG_HOME/careerpath/config`, else `~/.config/careerpath/config`.
    public static func path(environment: [String: String]) -> String {
        if let value = environment["XDG_CONFIG_HOME"], value.hasPrefix("/") { return value + "/careerpath/config" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/careerpath/config"
    }

    /// The file, or nil when there is none.
    /// - Throws: `CareerError.invalidData` naming the line and column of each line it cannot read.
    public static func load(environment: [String: String]) throws -> ConfigFile? {
        let path = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws -> ConfigFile {
        let log = DiagnosticLog(path: path)
        var values: [String: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            guard let equals = line.firstIndex(of: "=") else {
                log.add("expected `key = value`; allowed keys: \(keys.joined(separator: ", "))", line: index + 1, column: indent + 1)
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) else {
                log.add("unknown setting \(PrintableText.quoted(key)); allowed: \(keys.joined(separator: ", "))", line: index + 1, column: indent + 1, item: key)
                continue
            }
            if values[key] != nil {
                log.add("\(key) is set twice", line: index + 1, column: indent + 1, item: key)
                continue
            }
            if value.isEmpty {
                log.add("\(key) has no value; allowed: a SQLite file's path or a postgres:// URL", line: index + 1, column: line.distance(from: line.startIndex, to: equals) + 2, item: key)
                continue
            }
            values[key] = value
        }
        try log.throwIfAny()
        return ConfigFile(path: path, values: values)
    }
}
