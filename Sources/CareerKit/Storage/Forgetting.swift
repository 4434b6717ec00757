import Foundation

/// Everything careerpath keeps about one person, found so that `forget` can delete it and say
/// what went: their recorded sessions, their session files (finished or not) and the plans
/// `talk` wrote for them, and the lines of the line-editing history that name them.
public struct Forgetting: Sendable {
    /// The person's name as recorded (else as given).
    public var name: String
    /// Where the history keeps them, when it does: their id's key, and the key of sessions
    /// recorded earlier by their name alone.
    public var personKeys: [String]
    public var recordedSessions: Int
    /// Session files, unfinished ones included.
    public var sessionFiles: [String]
    /// Plans `talk` wrote for those sessions into careerpath's plans folder.
    public var planFiles: [String]
    /// Plans those sessions name outside careerpath's plans folder (`talk --out`): left in
    /// place, and said, as forget deletes only what is inside careerpath's own folders.
    public var plansElsewhere: [String]
    /// Lock files a talk of those sessions left (one that crashed).
    public var lockFiles: [String]
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
    /// Finds only what careerpath made: regular files (never a link) in its sessions folder
    /// named from a session id, and in its plans folder named from a session id and a plan
    /// format. A tampered session file can point forget at nothing else.
    ///
    /// - Parameters:
    ///   - plans: careerpath's plans folder; plans a session names elsewhere are left.
    ///   - lineHistories: the line-editing history files to clean (missing ones are left out).
    ///
    /// - Throws: `CareerError.unknownPerson` when neither has them; `CareerError.usage` when
    ///   the name is more than one person's (listing them); `CareerError.busy` when one of
    ///   their sessions is open in a talk.
    public static func find(
        _ reference: String, history: (any HistoryStorage)?, sessions: SessionStore, plans: String, lineHistories: [String]
    ) throws -> Forgetting {
        var person: HistoryStore.RecordedPerson?
        var records: [(name: String, id: String?, session: String?)] = []
        var namesakes = false
        if let history {
            do {
                person = try history.person(for: reference)
                records = try history.people(personKeys: person!.keys)
                namesakes = try history.candidates(for: person!.name).count > 1
            } catch CareerError.unknownPerson {
                person = nil
            }
        }
        let wanted = reference.lowercased()
        let ids = Set(records.compactMap { $0.id?.lowercased() })
        let names = Set(records.map { $0.name.lowercased() }.filter { !$0.isEmpty })
        let recorded = Set(records.compactMap(\.session))
        var matched: [(path: String, record: SessionStore.Identity)] = []
        for (path, record) in sessions.identities() where isOwnFile(path, in: sessions.directory, extensions: ["json"]) {
            let id = record.person.id?.lowercased()
            let name = record.person.name.lowercased()
            let isThem: Bool
            if person != nil {
                // The recorded person: their id, or one of their sessions; or their name, on a
                // session without an id or when they were recorded without one, unless
                // another recorded person without an id has that name too.
                let sameName = names.contains(name) || name == wanted
                isThem = id.map { ids.contains($0) } == true || recorded.contains(record.id)
                    || (!namesakes && sameName && (id == nil || ids.isEmpty))
            } else {
                isThem = id == wanted || name == wanted
            }
            if isThem { matched.append((path, record)) }
        }
        if person == nil {
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
        // A talk still open would save its session again after forget: it is stopped first.
        for file in sessionFiles {
            if let holder = SessionLock.holder(session: file) {
                throw CareerError.busy(
                    "a session about \(PrintableText.quoted(reference)) is open in a talk (\(holder)): \(PrintableText.escaped(file)); "
                        + "finish or stop that talk first, then forget")
            }
        }
        // Only the plans talk named after the session, in careerpath's plans folder, and only
        // regular files: a session file must not be able to point forget at anything else.
        let extensions = planExtensions
        var planFiles: [String] = []
        var plansElsewhere: [String] = []
        for match in matched {
            for file in match.record.planFiles ?? [] {
                let name = PathName.last(of: file)
                guard isSessionID(match.record.id), extensions.contains(where: { name == match.record.id + "." + $0 }) else { continue }
                if isOwnFile(file, in: plans, extensions: extensions) {
                    planFiles.append(file)
                } else if isRegularFile(file) {
                    plansElsewhere.append(file)
                }
            }
        }
        let lockFiles = sessionFiles.map { String($0.dropLast(".json".count)) + SessionStore.lockSuffix }.filter(isRegularFile)
        let shownName = person?.name ?? records.last?.name ?? matched.first?.record.person.name ?? reference
        var terms = Set([reference])
        for record in records {
            if !record.name.isEmpty { terms.insert(record.name) }
            if let id = record.id { terms.insert(id) }
        }
        for match in matched {
            terms.insert(match.record.person.name)
            if let id = match.record.person.id { terms.insert(id) }
        }
        let sortedTerms = terms.sorted()
        return Forgetting(
            name: shownName, personKeys: person?.keys ?? [], recordedSessions: records.count, sessionFiles: sessionFiles,
            planFiles: Array(Set(planFiles)).sorted(), plansElsewhere: Array(Set(plansElsewhere)).sorted(), lockFiles: lockFiles,
            lineHistories: lineHistories.filter { FileManager.default.fileExists(atPath: $0) },
            historyLines: lineHistories.reduce(0) { $0 + LineHistory.lines(in: $1, naming: sortedTerms).count }, terms: sortedTerms)
    }

    /// The extensions of the plans `talk` writes (its Markdown, JSON and HTML formats).
    static let planExtensions = ["md", "json", "html"]

    /// The form of a session id careerpath makes: letters, digits, `-` and `_`, not empty, not
    /// starting with `-`, short enough for a file name.
    static func isSessionID(_ id: String) -> Bool {
        !id.hasPrefix("-") && SessionStore.isValidID(id)
    }

    /// Whether a file is one careerpath made in `folder`: directly inside it (the folder
    /// itself found through any link, the file never), a regular file, named from a session
    /// id and one of `extensions`.
    static func isOwnFile(_ path: String, in folder: String, extensions: [String]) -> Bool {
        let name = PathName.last(of: path)
        guard let dot = name.lastIndex(of: "."), extensions.contains(String(name[name.index(after: dot)...])),
            isSessionID(String(name[..<dot])),
            let parent = resolved(PathName.parent(of: path)), let own = resolved(folder), parent == own
        else { return false }
        return isRegularFile(path)
    }

    /// A regular file, by its own name (a link is not one, whatever it points at).
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    private static func resolved(_ folder: String) -> String? {
        guard let pointer = realpath(folder.isEmpty ? "." : folder, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Deletes all of it.
    ///
    /// - Returns: what was deleted (a file already gone is left out).
    public func perform(history: (any HistoryStorage)?) throws -> Forgetting {
        var done = self
        // Each session's lock, held while it goes: a talk that started since is not saving
        // it again behind forget's back (and one starting now waits for nothing: it is refused).
        let held = try sessionFiles.map { file in
            // A link planted at a lock's name would keep the person from being forgotten: it
            // goes (unlink removes the link, never what it points at).
            let lock = SessionLock.path(forSession: file)
            var status = stat()
            if lstat(lock, &status) == 0, status.st_mode & S_IFMT == S_IFLNK { unlink(lock) }
            return try SessionLock.take(session: file)
        }
        defer { for lock in held { lock.release() } }
        if !personKeys.isEmpty, let history {
            done.recordedSessions = try history.forget(personKeys: personKeys)
        }
        // Checked again just before: a file swapped for a link since is left alone (unlink
        // never follows a link in any case).
        func remove(_ files: [String]) -> [String] {
            files.filter { Self.isRegularFile($0) && unlink($0) == 0 }
        }
        done.planFiles = remove(planFiles)
        done.sessionFiles = remove(sessionFiles)
        // Released, the locks take their files with them (those a crashed talk left too).
        done.historyLines = try lineHistories.reduce(0) { $0 + (try LineHistory.remove(in: $1, naming: terms)) }
        return done
    }
}
