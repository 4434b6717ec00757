import ArgumentParser
import CareerKit

/// `--db PATH`, shared by every command that reads or writes the history.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The history database. (default: history.sqlite in the careerpath data folder)", valueName: "path"))
    var path: String?

    var resolved: String {
        path ?? AppDirectories.current().data + "/history.sqlite"
    }

    /// Opens the history; `reading` opens it read-only (a file that exists is never written,
    /// so a read-only file can be read).
    func open(reading: Bool = false) throws -> HistoryStore {
        try HistoryStore(path: resolved, readOnly: reading)
    }
}
