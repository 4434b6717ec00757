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

}
