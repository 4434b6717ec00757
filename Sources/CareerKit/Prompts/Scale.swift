/// A rating scale such as agree6: whole points from `min` to `max`, each with a label.
public struct Scale: Hashable, Sendable {
    /// The most points a scale may have: each needs its own label on one screen.
    public static let maximumPoints = 11

    public var id: String
    public var min: Int
    public var max: Int
    /// One label per point, lowest first.
    public var labels: [Int: String]
    /// When set, `n/a` is also an answer, with this label (e.g. `no chance to observe yet`).
    public var notObserved: String?

    public init(id: String, min: Int, max: Int, labels: [Int: String], notObserved: String? = nil) {
        self.id = id
        self.min = min
        self.max = max
        self.labels = labels
        self.notObserved = notObserved
    }

    public var points: ClosedRange<Int> { min...max }

    /// The points as choices, so a scale answer can be typed as its label.
    public var choices: [Choice] {
        points.map { Choice(value: String($0), label: labels[$0] ?? String($0)) }
    }
}
