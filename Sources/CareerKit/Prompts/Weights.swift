/// The scoring model's numbers, read from weights.yaml: which questions feed which dimension,
/// how much each rater counts, how the three track fits are made, and the confidence rules.
public struct Weights: Sendable {
    public struct DimensionRule: Sendable {
        public var name: String
        /// One plain sentence on what the dimension means.
        public var meaning: String
        /// Contributor rating items (agree6) averaged into the self score.
        public var items: [String]
        /// Manager observation items (seen6) averaged into the manager score.
        public var observations: [String]
        /// The contributor's share of the combined score; the manager has the rest.
        public var selfWeight: Double
        /// Whether plans work to close a gap on it; false for preferences such as focus time.
        public var planGap: Bool
    }

    /// One input of a track fit: a dimension name or a ladder item id, with its weight.
    public struct Input: Sendable, Hashable {
        public var key: String
        public var weight: Double
    }

    /// Hybrid fit: the lower of the IC and management fits, moved by each input's distance
    /// from the middle of its scale (50) times its weight.
    public struct Hybrid: Sendable {
        /// Dimension names, ladder item ids, or `both_ladders`.
        public var inputs: [Input]
    }

    public struct Thresholds: Sendable {
        public var lowFit: Double
        public var highMargin: Double
        public var mediumMargin: Double
        public var highFloor: Double
        public var divergencePoints: Double
        public var payStatusFlag: Double
        /// Points the best fit must lead by; below it the result is undecided.
        public var undecidedMargin: Double
        /// The people-work answers (0..100) a management recommendation needs when the
        /// manager does not name management.
        public var managementSupport: Double
        public var inconsistentSpread: Double
        public var inconsistentDimensions: Int
        public var uniformDeviation: Double
        /// Standard deviation of the manager's observations below which they look uniform.
        public var uniformObservationDeviation: Double
        public var minCoverage: Double
        public var divergentDimensions: Int
        /// The share of the contributor's ratings on the scale's two middle points that makes
        /// the answers mild.
        public var mildShare: Double
        /// With mild answers, a lead below this many points is low confidence.
        public var mildMargin: Double
    }

    public struct Archetype: Sendable {
        public var name: String
        public var inputs: [Input]
    }

    public var ipsativePoints: Double
    /// In the order of `Dimension.names`.
    public var dimensions: [DimensionRule]
    public var ic: [Input]
    public var management: [Input]
    public var hybrid: Hybrid
    public var payStatusPenalty: Double
    public var thresholds: Thresholds
    /// By track (`ic`, `hybrid`, `management`), in file order.
    public var archetypes: [String: [Archetype]]
    /// How development plans are put together.
    public var planning: PlanningSettings
    /// When a manager's ratings are shown as lenient or harsh.
    public var calibration: CalibrationSettings

    public func dimension(_ name: String) -> DimensionRule? {
        dimensions.first { $0.name == name }
    }
}
