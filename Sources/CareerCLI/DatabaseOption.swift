import ArgumentParser
import CareerKit
import Foundation

/// `--db PATH|URL`, shared by every command that reads or writes the history.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The history: a SQLite file, or a postgres:// URL of a shared history. (default: $CAREERPATH_DB, else db = in the config file, else history.sqlite in the careerpath data folder)",
            valueName: "path|url"))
    var path: String?

    /// Where the settings point.
    func location() throws -> HistoryLocation {
        try HistoryLocation.resolve(option: path)
    }

    /// Whether there is a history to look in (a file that exists, or a server).
    var exists: Bool {
        (try? location().exists) ?? true
    }

    /// Where a record that cannot reach the server waits.
    static var outbox: Outbox {
        Outbox(path: AppDirectories.current().data + "/outbox.jsonl")
    }

    /// Opens the history; on a server, first sends what earlier commands queued for it, and
    /// says so. `reading` opens a file read-only (a file that exists is never written, so a
    /// read-only file can be read); on a server it changes nothing.
    func open(reading: Bool = false) throws -> any HistoryStorage {
        let store = try location().open(reading: reading)
        if store is PostgresHistoryStore { Self.sendQueued(to: store) }
        return store
    }

    /// Sends the queued records for this server; says what went and what is still waiting.
    static func sendQueued(to store: any HistoryStorage) {
        let outbox = Self.outbox
        do {
            let sent = try outbox.send(to: store)
            if sent > 0 {
                Terminal.standardError.write(
                    "careerpath: sent \(sent) session\(sent == 1 ? "" : "s") kept on this laptop while \(PrintableText.escaped(store.path)) could not be reached.\n")
            }
        } catch let error as CareerError {
            let waiting = outbox.entries().filter { $0.place == store.path }.count
            Terminal.standardError.write(
                "careerpath: \(waiting) session\(waiting == 1 ? "" : "s") kept on this laptop could not be sent yet (\(error)); the next command tries again.\n")
        } catch {
            Terminal.standardError.write("careerpath: the sessions kept on this laptop could not be sent yet (\(error)).\n")
        }
    }
}

extension DatabaseOption {
    /// Records a finished conversation; when the server cannot be reached or refuses the login,
    /// keeps it on this laptop for the next command instead.
    ///
    /// - Returns: the error to report once everything else is done (the plan written), nil
    ///   when it was recorded.
    func recordOrQueue(_ entry: Outbox.Entry, store: (any HistoryStorage)? = nil) throws -> CareerError? {
        do {
            let store = try store ?? open()
            if let reviewOf = entry.reviewOf, let review = entry.review, let date = entry.reviewDate {
                _ = try store.applyReview(review, to: reviewOf, date: date)
            }
            try store.record(entry.record)
            if let preparation = entry.preparation { try store.keepPreparation(preparation) }
            return nil
        } catch let error as CareerError {
            guard let kept = Self.keptForLater(error) else { throw error }
            var queued = entry
            queued.place = try location().shown
            try Self.outbox.add(queued)
            return kept
        }
    }

    /// For an error that a later command can get past (the server out of reach, the login
    /// refused), the same error saying the session waits on this laptop; nil for any other.
    static func keptForLater(_ error: CareerError) -> CareerError? {
        let note = "; the session is kept on this laptop (\(outbox.path)) and sent by the next command that reaches the server"
        switch error {
        case .unavailable(let place, let reason): return .unavailable(place: place, reason: reason + note)
        case .refused(let place, let reason) where !reason.contains("row-level security"): return .refused(place: place, reason: reason + note)
        default: return nil
        }
    }
}
