import Foundation

/// Everything careerpath keeps about one person, found so that `forget` can delete it and say
/// what went: their recorded sessions, their session files (finished or not) and the plans
/// `talk` wrote for them, and the lines of the line-editing history that name them.
public struct Forgetting: Sendable {
    /// The person's name as recorded (else as given).
    public var name: String
    /// Where the history keeps them, when it does.
    public var personKey: String?
    public var recordedSessions: Int
    /// Session files, unfinished ones included.
    public var sessionFiles: [String]
    /// Plans `talk` wrote for those sessions.
    public var planFiles: [String]
    /// The line-editing history files that hold lines naming the person (the current one, and
    /// one kept under its former name), and how many lines go.
    public var lineHistories: [String]
    public var historyLines: Int
    /// Names and ids a line of the line-editing history may name the person by.
    public var terms: [String]

    /// Finds a person by id or name in the history database (when there is one) and in the
    /// session files, so someone who only has an unfinished session is found too. Reads only
    /// who each session is about, so damage elsewhere in a session or a recorded plan never
    /// keeps a person from being forgotten.
    ///
    /// - Parameter lineHistories: the line-editing history files to clean (missing ones are
    ///   left out).
    ///
    /// - Throws: `CareerError.unknownPerson` when neither has them; `CareerError.usage` when
    ///   the name is more than one person's.
    public static func find(
        _ reference: String, history: (any HistoryStorage)?, sessions: SessionStore, lineHistories: [String]
    ) throws -> Forgetting {
        var key: String?
        var records: [(name: String, id: String?)] = []
        if let history {
            do {
                key = try history.personKey(for: reference)
                records = try history.people(personKey: key!)
            } catch CareerError.unknownPerson {
                key = nil
            }
        }
        let wanted = reference.lowercased()
        let ids = Set(records.compactMap { $0.id?.lowercased() })
        let names = Set(records.map { $0.name.lowercased() })
        var matched: [(path: String, record: SessionStore.Identity)] = []
        for (path, record) in sessions.identities() {
            let id = record.person.id?.lowercased()
            let name = record.person.name.lowercased()
            let isThem: Bool
            if key != nil {
                // The recorded person: their id; or their name, on a session without an id or
                // when they were recorded without one.
                let sameName = names.contains(name) || name == wanted
                isThem = id.map { ids.contains($0) } == true || (sameName && (id == nil || ids.isEmpty))
            } else {
                isThem = id == wanted || name == wanted
            }
            if isThem { matched.append((path, record)) }
        }
        if key == nil {
            guard !matched.isEmpty else {
                let place = history.map { " (\($0.path))" } ?? ""
                throw CareerError.unknownPerson("nobody called '\(reference)' is in the history\(place) or the unfinished sessions")
            }
            let people = Set(matched.map { $0.record.person.id?.lowercased() ?? "name:" + $0.record.person.name.lowercased() })
            if people.count > 1 {
                let ids = matched.compactMap(\.record.person.id).sorted().joined(separator: ", ")
                throw CareerError.usage("more than one person is called '\(reference)'; use their id (\(ids))")
            }
        }
        let sessionFiles = matched.map(\.path).sorted()
        // Only the plans talk named after the session, and only regular files: a session file
        // must not be able to point forget at anything else.
        let planFiles = matched.flatMap { match in
            (match.record.planFiles ?? []).filter { file in
                var status = stat()
                return (file as NSString).lastPathComponent.hasPrefix(match.record.id + ".")
                    && lstat(file, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
            }
        }.sorted()
        let shownName = records.last?.name ?? matched.first?.record.person.name ?? reference
        var terms = Set([reference])
        for record in records {
            terms.insert(record.name)
            if let id = record.id { terms.insert(id) }
        }
        for match in matched {
            terms.insert(match.record.person.name)
            if let id = match.record.person.id { terms.insert(id) }
        }
        let sortedTerms = terms.sorted()
        return Forgetting(
            name: shownName, personKey: key, recordedSessions: records.count, sessionFiles: sessionFiles, planFiles: planFiles,
            lineHistories: lineHistories.filter { FileManager.default.fileExists(atPath: $0) },
            historyLines: lineHistories.reduce(0) { $0 + LineHistory.lines(in: $1, naming: sortedTerms).count }, terms: sortedTerms)
    }

    /// Deletes all of it.
    ///
    /// - Returns: what was deleted (a file already gone is left out).
    public func perform(history: (any HistoryStorage)?) throws -> Forgetting {
        var done = self
        if let personKey, let history {
            done.recordedSessions = try history.forget(personKey: personKey)
        }
        func remove(_ files: [String]) -> [String] {
            files.filter { unlink($0) == 0 }
        }
        done.planFiles = remove(planFiles)
        done.sessionFiles = remove(sessionFiles)
        done.historyLines = try lineHistories.reduce(0) { $0 + (try LineHistory.remove(in: $1, naming: terms)) }
        return done
    }
}
