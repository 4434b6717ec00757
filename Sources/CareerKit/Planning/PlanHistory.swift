/// What the last plan says about the next one: activities finished or dropped are not
/// proposed again; those started or not yet started are carried forward first.
public struct PlanHistory: Sendable {
    /// Item ids done or dropped.
    public var excluded: Set<String>
    /// Item ids in progress or not started.
    public var carried: Set<String>

    public init(excluded: Set<String> = [], carried: Set<String> = []) {
        self.excluded = excluded
        self.carried = carried
    }

    /// From the latest recorded plan of a person.
    public init(record: HistoryRecord) {
        excluded = Set(record.items.filter { $0.status == "done" || $0.status == "dropped" }.map(\.itemID))
        carried = Set(record.items.filter { $0.status == "in_progress" || $0.status == "not_started" }.map(\.itemID))
    }
}
