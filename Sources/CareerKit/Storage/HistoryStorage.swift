import Foundation

/// Where finished conversations are kept: the embedded SQLite file (`HistoryStore`, the
/// default) or an organisation's PostgreSQL server (`PostgresHistoryStore`). Commands use only
/// this, so no SQL of either kind reaches them.
public protocol HistoryStorage: AnyObject, Sendable {
    /// The file or the URL (without a password), for messages.
    var path: String { get }

    /// Records one finished conversation (replacing a record with the same id).
    func record(_ record: HistoryRecord) throws
    /// Records many in one transaction: all of them or none.
    func record(_ records: [HistoryRecord]) throws
    /// Everyone a reference may mean (see `person(for:)`), by their first session.
    func candidates(for reference: String) throws -> [HistoryStore.RecordedPerson]
    /// The name, id and session id each recorded session filed under any of the keys was
    /// recorded with. Reads nothing else, so `forget` works around damage anywhere else.
    func people(personKeys: [String]) throws -> [(name: String, id: String?, session: String?)]
    /// Everyone (nil) or the sessions filed under any of the keys, on or after a date, oldest
    /// first (by person when there are several).
    func sessions(personKeys: [String]?, since: String?) throws -> [HistoryRecord]
    /// Each person's sessions on their latest date (by key; all of them when several share
    /// it), when that date is on or after `since`: what calibration reads.
    func latestSessions(since: String?) throws -> [HistoryRecord]
    /// Writes a follow-up's review of a recorded plan and returns the record as it now stands.
    func applyReview(_ review: [ReviewKey: SessionRecord.ReviewEntry], to record: HistoryRecord, date: String) throws
        -> HistoryRecord
    /// Deletes everything filed under any of the keys, in one transaction, and says how many
    /// sessions went. Reads no value, so damage anywhere never keeps a person from going.
    func forget(personKeys: [String]) throws -> Int

    /// Keeps a finished preparation (a self-assessment or a manager's preparation) where a
    /// one-on-one on another laptop finds it. A store on this laptop has nothing to do: the
    /// session file is already where the one-on-one looks.
    func keepPreparation(_ session: SessionRecord) throws
    /// The finished preparations kept for a person dated from `earliest` to `latest`, as far
    /// as this login may see them.
    func preparations(person: String, personID: String?, earliest: String, latest: String) throws -> [SessionRecord]
}

extension HistoryStorage {
    /// Finds the person a reference means: an id, a name when only one person has it (case
    /// ignored, in every script), the key a list of namesakes shows (`name:sam lee#2`), or the
    /// id of one of their sessions.
    ///
    /// A person recorded by name alone first and later with an id is one person when the name
    /// is unambiguous: exactly one person with an id, and one without, have it.
    ///
    /// - Throws: `CareerError.unknownPerson` when nobody matches, `CareerError.usage` when
    ///   more than one person does (each listed with what tells them apart and what to type).
    public func person(for reference: String) throws -> HistoryStore.RecordedPerson {
        let people = try candidates(for: reference)
        switch people.count {
        case 1: return people[0]
        case 0:
            // On a server the login sees only its own rows: nobody else is said to exist.
            let seen = self is PostgresHistoryStore ? " that you may see" : ""
            throw CareerError.unknownPerson("nobody called '\(reference)' is in the history (\(path))\(seen)")
        default:
            throw CareerError.usage(
                "more than one person is called '\(reference)': " + people.map(\.summary).joined(separator: "; ")
                    + "; say which one by what is quoted, e.g. \(PrintableText.quoted(people[people.count - 1].reference))")
        }
    }

    /// The main key of the person a reference means (see `person(for:)`).
    public func personKey(for reference: String) throws -> String {
        try person(for: reference).keys[0]
    }

    /// Every recorded session of a person (all their keys), oldest first.
    public func sessions(of person: HistoryStore.RecordedPerson) throws -> [HistoryRecord] {
        try sessions(personKeys: person.keys, since: nil).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// Every session filed under one key, oldest first.
    public func sessions(personKey: String) throws -> [HistoryRecord] {
        try sessions(personKeys: [personKey], since: nil)
    }

    /// Sessions for export: everyone (nil) or one key, on or after a date.
    public func sessions(personKey: String?, since: String?) throws -> [HistoryRecord] {
        try sessions(personKeys: personKey.map { [$0] }, since: since)
    }

    /// Deletes everything filed under one key and says how many sessions went.
    public func forget(personKey: String) throws -> Int {
        try forget(personKeys: [personKey])
    }
}

extension HistoryStore: HistoryStorage {
    public func keepPreparation(_ session: SessionRecord) throws {}

    public func preparations(person: String, personID: String?, earliest: String, latest: String) throws -> [SessionRecord] {
        []
    }
}

extension HistoryRecord {
    /// The record with a follow-up's review applied: each activity's and check-in's new status
    /// (and the note of a dropped activity). What `applyReview` writes.
    public func reviewed(_ review: [ReviewKey: SessionRecord.ReviewEntry]) -> HistoryRecord {
        var updated = self
        for (key, entry) in review {
            switch key {
            case .item(let id):
                if let index = updated.items.firstIndex(where: { $0.itemID == id }) {
                    updated.items[index].status = entry.status
                    updated.items[index].note = entry.note
                }
            case .milestone(let position):
                if let index = updated.milestones.firstIndex(where: { $0.position == position }) {
                    updated.milestones[index].status = entry.status
                }
            }
        }
        return updated
    }
}
