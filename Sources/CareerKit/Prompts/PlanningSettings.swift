/// The numbers that shape a development plan, from the `planning:` part of weights.yaml.
public struct PlanningSettings: Sendable {
    /// Extra value for covering what a plan of its kind needs.
    public struct Required: Sendable {
        /// Someone the person learns from.
        public var mentor: Double
        /// A stretch assignment or a special project.
        public var onTheJob: Double
        /// A course or credential that works on the room to grow.
        public var formal: Double
        /// Moving into management: a low-risk trial of it.
        public var trial: Double
        /// Moving back from management: handing the team over.
        public var handover: Double
        /// Undecided: a trial of each track and a way to reflect on them.
        public var exploration: Double
        /// Each certification domain, networking kind and project kind the person named.
        public var interest: Double
        /// Toward a promotion: an assignment or project at the target level's scope.
        public var evidence: Double
        /// From senior up: teaching someone.
        public var teach: Double
        /// Each promotion criterion of the target level not yet shown by both: an activity
        /// that can produce its evidence.
        public var criterion: Double = 0
    }

    /// How the manager's offers and the two first steps become plan items.
    public struct Offers: Sendable {
        /// Hours of one session with the person to learn from.
        public var sessionHours: Double
        /// Sessions a month for each `offer.mentor.every` answer.
        public var sessionsPerMonth: [String: Double]
        /// The answer used when the manager named someone but not how often.
        public var defaultEvery: String
        /// The catalog trial each `offer.trial.role` answer is.
        public var trials: [String: String]
        /// Hours of a named course or event when the manager did not say.
        public var courseHours: Double
        /// Days from the plan's start by which both first steps are done.
        public var firstStepDays: Int
        /// The contributor's hours for their first step.
        public var firstStepHours: Double
        /// Days from the plan's start to an offer the manager gave no date for.
        public var leadDays: Int
    }

    /// The dimensions a plan works on, by recommended track (`ic`, `management`, `hybrid`).
    public var trackDimensions: [String: [String]]
    /// Gap points one item closes per step of its impact, on each dimension it builds.
    public var closurePoints: Double
    /// Points of a dimension one way of learning closes in full; beyond them each point
    /// counts `repeatShare`.
    public var closurePerMode: Double
    public var repeatShare: Double
    /// The gap toward a promotion is at least this share of the step between the current and
    /// the target level's expectation.
    public var minStepShare: Double
    /// The gap used on each of the track's dimensions when growing in place.
    public var growthInPlaceGap: Double
    /// An item joins a plan only when it adds at least this much value of its own.
    public var minGain: Double
    public var interestBonus: Double
    public var domainBonus: Double
    /// Extra value for an item that suits the target level, not only the current one.
    public var targetLevelBonus: Double
    public var required: Required
    /// From this rank up (0 the first rung; a management level counts as its technical
    /// equal), an individual-contributor or hybrid plan includes teaching someone.
    public var teachFromRank: Double
    public var maxPerCategory: Int
    /// At most this many items in one plan.
    public var maxItems: Int
    /// At most this many items in an exploratory plan.
    public var maxExploratoryItems: Int
    /// The share of the development hours (capacity times months) the choice fills at most:
    /// items rarely fit the months end to end, so some room is left for their dates.
    public var maxFill: Double
    /// At most this many development items running at once.
    public var maxAtOnce: Int
    /// Target percent of plan hours: on the job, social, formal.
    public var mix: (onTheJob: Double, social: Double, formal: Double)
    public var mixWeight: Double
    public var workingHoursPerMonth: Double
    /// How far a month holding a one-week event may go above the monthly hours (0.25 = 25%).
    public var monthSlack: Double
    /// At most this many special projects, one per kind named.
    public var maxProjects: Int
    /// Points by which the management fit must lead the IC fit for a hybrid result to aim at
    /// a people-manager rung.
    public var hybridManagementLead: Double
    /// Hybrid archetypes that want people to report to them (a tech-lead-manager): from a
    /// technical-leadership level, such a result aims at the next people-management rung.
    public var hybridPeopleArchetypes: [String] = []
    /// Days from the talk to the decision check-in of a plan that has not settled on a track
    /// (undecided, or a lead too small to trust): the trials of each track run before it.
    public var decisionDays = 0
    public var defaultHorizonMonths: Int
    public var defaultDevHoursPerMonth: Int
    public var defaultSpecialProjectPercent: Int
    public var defaultBudget: Double
    public var offers: Offers
    /// Work time a month that stretch assignments, trials and hand-overs may take beside the
    /// day job (job time, never study hours), and how many may run at once.
    public var jobHoursPerMonth: Double
    public var maxJobAtOnce: Int
    /// The longest a self-paced course or certification may be spread, in weeks.
    public var maxSpreadWeeks: Int
    /// From this rung (a management level counts as its technical equal), or from this many
    /// years of experience, a person is past the first steps in a field (catalog `entry`).
    public var expertFromRank: Double = 4
    public var expertFromYears: Int = 12
    /// When a plan says what more time or money would unlock.
    public struct Unlock: Sendable {
        /// At or below these development hours a month, the plan says what more would unlock...
        public var littleHoursPerMonth: Double
        /// ...with this many hours a month.
        public var moreHoursPerMonth: Double
        /// With no budget, the most (in the catalog's currency) an unlocked item may cost.
        public var budgetToSuggest: Double
    }
    public var unlock: Unlock
}
