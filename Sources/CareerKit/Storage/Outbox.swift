import Foundation

/// Finished conversations that could not reach the shared history (server down, slow, or
/// the login refused), kept on this laptop until a command reaches it: one JSON document per
/// line in an owner-only file, each naming the server it is for.
public struct Outbox: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// One conversation waiting to be sent.
    public struct Entry: Codable, Sendable, Equatable {
        /// The server (its URL without a password).
        public var place: String
        public var record: HistoryRecord
        /// The session itself, when it is a preparation a one-on-one looks for.
        public var preparation: SessionRecord?
        /// A follow-up's review of an earlier plan, and the follow-up's date.
        public var reviewOf: HistoryRecord?
        public var review: [ReviewKey: SessionRecord.ReviewEntry]?
        public var reviewDate: String?

        public init(
            place: String, record: HistoryRecord, preparation: SessionRecord? = nil, reviewOf: HistoryRecord? = nil,
            review: [ReviewKey: SessionRecord.ReviewEntry]? = nil, reviewDate: String? = nil
        ) {
            self.place = place
            self.record = record
            self.preparation = preparation
            self.reviewOf = reviewOf
            self.review = review
            self.reviewDate = reviewDate
        }
    }

    /// Every entry, in the order they were queued; lines that do not read are left out.
    public func entries() -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONDecoder().decode(Entry.self, from: Data($0)) }
    }

    /// Adds one entry, durably (a talk's record must not be lost).
    public func add(_ entry: Entry) throws {
        let folder = PathName.parent(of: path)
        if !folder.isEmpty { try PrivateFile.makeDirectory(folder) }
        try locked { try rewrite(entries() + [entry]) }
    }

    /// Runs `body` holding an exclusive lock beside the file, so two commands that queue or
    /// send at once never lose each other's entries.
    private func locked<T>(_ body: () throws -> T) throws -> T {
        let descriptor = open(path + ".lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CareerError.cannotWrite(path: path + ".lock", reason: PrivateFile.describe(errno)) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
        return try body()
    }

    /// Sends the entries for `store`'s server, oldest first, and keeps the rest (and any it
    /// could not send, from the first that failed).
    /// - Returns: how many were sent.
    /// - Throws: what stopped the first entry that could not be sent.
    public func send(to store: any HistoryStorage) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return try locked { try sendLocked(to: store) }
    }

    private func sendLocked(to store: any HistoryStorage) throws -> Int {
        let all = entries()
        guard all.contains(where: { $0.place == store.path }) else { return 0 }
        var kept: [Entry] = []
        var sent = 0
        var failure: Error?
        for entry in all {
            guard entry.place == store.path, failure == nil else {
                kept.append(entry)
                continue
            }
            do {
                if let reviewOf = entry.reviewOf, let review = entry.review, let date = entry.reviewDate {
                    _ = try store.applyReview(review, to: reviewOf, date: date)
                }
                try store.record(entry.record)
                if let preparation = entry.preparation { try store.keepPreparation(preparation) }
                sent += 1
            } catch {
                failure = error
                kept.append(entry)
            }
        }
        try rewrite(kept)
        if let failure { throw failure }
        return sent
    }

    /// Removes every waiting entry about a person (for `forget`): filed under one of
    /// `personKeys` (by its key, or by its id's), or, without an id, under one of `names`, unless
    /// the person's keys are by name (a namesake without an id is someone else: only the key
    /// tells them apart).
    /// - Returns: how many went.
    public func forget(personKeys: [String], names: [String]) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        let lowered = Set(names.map { $0.lowercased() })
        let byName = !personKeys.contains { $0.hasPrefix("name:") }
        return try locked {
            let all = entries()
            let kept = all.filter { entry in
                let record = entry.record
                let filed = personKeys.contains(record.personKey) || record.personID.map { personKeys.contains("id:" + $0) } == true
                let named = byName && record.personID == nil && lowered.contains(record.personName.lowercased())
                return !filed && !named
            }
            if kept.count != all.count { try rewrite(kept) }
            return all.count - kept.count
        }
    }

    private func rewrite(_ entries: [Entry]) throws {
        if entries.isEmpty {
            unlink(path)
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = ""
        for entry in entries { text += String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n" }
        try PrivateFile.write(text, to: path, durably: true)
    }
}
