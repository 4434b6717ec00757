import Foundation

/// A development plan: where the person is headed, what to do, when, at what cost.
public struct DevelopmentPlan: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var category: Catalog.Category
        public var id: String
        public var title: String
        public var summary: String
        /// In the budget currency.
        public var cost: Double
        public var hours: Double
        /// Typical weeks from start to finish.
        public var weeks: Int
        public var start: Date
        public var due: Date
        /// The dimensions it builds.
        public var builds: [String]
        /// Why it was chosen, in a few words.
        public var reason: String
        public var issuer: String?
    }

    public struct Milestone: Hashable, Sendable {
        public var due: Date
        public var title: String
        public var description: String
    }

    /// One dimension's distance from what the target level expects.
    public struct Gap: Hashable, Sendable {
        public var dimension: String
        /// What the target level expects, 0..100.
        public var expected: Double
        /// The combined score now, 0..100.
        public var current: Double
        /// expected minus current; positive is a gap to close.
        public var gap: Double
    }

    public var currentLevel: String
    public var targetLevel: String
    /// The level of equal rank on the other track, when there is one.
    public var equivalentLevel: String?
    /// True when the plan grows the person where they are rather than toward a promotion.
    public var growthInPlace: Bool
    public var startDate: Date
    public var endDate: Date
    public var horizonMonths: Int
    /// Development hours a month the plan's items take (special-project time apart).
    public var hoursPerMonth: Double
    /// What the manager can free each month.
    public var hoursCapacityPerMonth: Double
    /// Percent of plan hours: on the job, social, formal. Sums to 100.
    public var allocation: (onTheJob: Int, social: Int, formal: Int)
    public var specialProjectPercent: Int
    public var budgetAmount: Double
    public var currency: String
    public var committed: Double
    public var items: [Item]
    public var milestones: [Milestone]
    public var gaps: [Gap]
    /// Things the person should know about how the plan was made (defaults used, limits hit).
    public var notes: [String]

    public static func == (a: DevelopmentPlan, b: DevelopmentPlan) -> Bool {
        a.currentLevel == b.currentLevel && a.targetLevel == b.targetLevel && a.items == b.items
            && a.milestones == b.milestones && a.committed == b.committed && a.allocation == b.allocation
            && a.hoursPerMonth == b.hoursPerMonth && a.specialProjectPercent == b.specialProjectPercent
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(targetLevel)
        hasher.combine(items)
    }

    /// Total hours of the items outside special-project time.
    public var developmentHours: Double {
        items.filter { $0.category != .specialProject }.reduce(0) { $0 + $1.hours }
    }
}
