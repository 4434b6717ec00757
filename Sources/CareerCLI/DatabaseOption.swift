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

    func open() throws -> HistoryStore {
        try HistoryStore(path: resolved)
    }
}
