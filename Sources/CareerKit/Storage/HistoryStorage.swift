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
    /// The person a reference means: an id, or a name when only one person has it.
    func personKey(for reference: String) throws -> String
    /// The name and id each recorded session of a person was filed with, oldest first.
    func people(personKey: String) throws -> [(name: String, id: String?)]
    /// Every recorded session of a person, oldest first.
    func sessions(personKey: String) throws -> [HistoryRecord]
    /// Everyone or one person, on or after a date, oldest first (by person).
    func sessions(personKey: String?, since: String?) throws -> [HistoryRecord]
    /// Writes a follow-up's review of a recorded plan and returns the record as it now stands.
    func applyReview(_ review: [ReviewKey: SessionRecord.ReviewEntry], to record: HistoryRecord, date: String) throws
        -> HistoryRecord
    /// Deletes everything about a person and says how many sessions went.
    func forget(personKey: String) throws -> Int

    /// Keeps a finished preparation (a self-assessment or a manager's preparation) where a
    /// one-on-one on another laptop finds it. A store on this laptop has nothing to do: the
    /// session file is already where the one-on-one looks.
    func keepPreparation(_ session: SessionRecord) throws
    /// The finished preparations kept for a person dated from `earliest` to `latest`, as far
    /// as this login may see them.
    func preparations(person: String, personID: String?, earliest: String, latest: String) throws -> [SessionRecord]
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
