/// The track-fit result for one person: dimension scores, the three fits, the recommendation,
/// how sure it is and why, and where the contributor and manager see things differently.
public struct Assessment: Hashable, Sendable {
    /// One dimension's scores, 0..100; nil where that rater was not asked.
    public struct DimensionScore: Hashable, Sendable {
        public var name: String
        /// From the contributor's own ratings.
        public var selfScore: Double?
        /// From the manager's observations.
        public var managerScore: Double?
        /// The two mixed with the dimension's weights, or whichever exists.
        public var combined: Double?
    }

    /// A material disagreement between contributor and manager.
    public enum Divergence: Hashable, Sendable {
        /// The two raters' scores of a dimension (0..100) are materially apart; `gap` is self
        /// minus manager, rounded from the unrounded scores.
        case dimension(String, selfScore: Double, managerScore: Double, gap: Double)
        /// The manager sees another track (`view.track`) than the answers point to.
        case track(recommended: Track, managerView: String)

        /// The dimension's name, for a dimension.
        public var dimension: String? {
            if case .dimension(let name, _, _, _) = self { return name }
            return nil
        }

        /// Self minus manager, for a dimension.
        public var gap: Double? {
            if case .dimension(_, _, _, let gap) = self { return gap }
            return nil
        }
    }

    /// One answer that moved the result, and by how much.
    public struct Reason: Hashable, Sendable {
        public var item: String
        public var role: Role
        /// The answer as given, e.g. `6` or `depth.mastery, maker.flow, focus.deep_blocks`.
        public var answer: String
        /// The track it pushed toward.
        public var toward: Track
        /// Points of lead it gave that track over the other contender, against a neutral answer.
        public var points: Double
        /// For the contributor's top three picks (item `top3`), the rating items picked, in
        /// order; nil for a rating.
        public var picks: [String]? = nil
    }

    public var dimensions: [DimensionScore]
    public var scores: [Track: Double]
    public var recommended: Track
    public var runnerUp: Track
    public var archetype: String
    public var confidence: Confidence
    /// What set the confidence, in the order the scorer found it.
    public var confidenceReasons: [ConfidenceNote]
    /// The same as sentences, as the JSON document has them.
    public var confidenceNotes: [String] { confidenceReasons.map(\.sentence) }
    public var explanation: [Reason]
    public var divergence: [Divergence]
    public var flags: [AssessmentFlag]

    public func dimension(_ name: String) -> DimensionScore? {
        dimensions.first { $0.name == name }
    }

}
