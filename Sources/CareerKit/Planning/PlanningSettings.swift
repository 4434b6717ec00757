/// The numbers that shape a development plan, from the `planning:` part of weights.yaml.
public struct PlanningSettings: Sendable {
    public var closurePoints: Double
    public var interestBonus: Double
    public var domainBonus: Double
    public var requiredBonus: Double
    public var maxPerCategory: Int
    /// At most this many items in one plan.
    public var maxItems: Int
    /// Target percent of plan hours: on the job, social, formal.
    public var mix: (onTheJob: Double, social: Double, formal: Double)
    public var mixWeight: Double
    public var workingHoursPerMonth: Double
    public var specialProjectPercentPerInterest: Int
    public var defaultHorizonMonths: Int
    public var defaultDevHoursPerMonth: Int
    public var defaultSpecialProjectPercent: Int
    public var defaultBudget: Double
}
