import Foundation

/// A development plan: where the person is headed, what to do, when, at what cost.
public struct DevelopmentPlan: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var category: Catalog.Category
        public var id: String
        public var title: String
        public var summary: String
        /// What done looks like, observable by both people.
        public var doneWhen: String
        /// In the budget currency.
        public var cost: Double
        public var hours: Double
        /// Weeks from start to due, as scheduled (a self-paced item may run longer than its
        /// catalog weeks so that no month is overloaded).
        public var weeks: Int
        public var start: Date
        public var due: Date
        /// The dimensions it builds.
        public var builds: [String]
        /// Why it was chosen, in a few words.
        public var reason: String
        public var issuer: String?
        /// The certification domain, networking kind or project kind it answers, when one applies.
        public var kind: String?
        /// The ladder levels it suits.
        public var levels: [String]
        /// Mentoring only: whether the person learns or teaches.
        public var direction: Catalog.Direction?
        public var purpose: Catalog.Purpose?
        /// Whose time it takes: development (study) hours, job time or regular sessions.
        public var time: TimeKind = .study
        /// Where it comes from: the manager's offer, a first step, or the catalog.
        public var source: Source = .catalog
    }

    /// The kinds of time an item takes. Study time (courses, certifications, reading,
    /// events) comes from the development hours the manager frees each month; job time
    /// (projects, stretch work, trials, hand-overs) is work, bounded by the special-project
    /// share or part of the job; mentoring is small regular sessions, within the development hours.
    public enum TimeKind: String, Hashable, Sendable {
        case study, job, mentoring
    }

    /// Where an item comes from.
    public enum Source: String, Hashable, Sendable {
        /// What the manager concretely offered (`offer.*`).
        case offer
        /// The contributor's or the manager's first step (`will.first_step`, `will.support`).
        case firstStep = "first_step"
        case catalog
        /// Work that shows a promotion criterion no catalog item in the plan evidences.
        case criterion

        /// The plan-item ids of the offers and first steps (a trial keeps its catalog id).
        public static let mentorID = "offer.mentor"
        public static let projectID = "offer.project"
        public static let courseID = "offer.course"
        public static let contributorStepID = "step.contributor"
        public static let managerStepID = "step.manager"
    }

    /// One concrete offer of the manager's, as planned: who or what, how often or how much,
    /// and the dates the plan gives it.
    public struct Offer: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            case mentor, project, trial, course
        }

        public var kind: Kind
        /// The plan item it became.
        public var itemID: String
        /// The person's name (mentor), the project's or course's name, or the trial's answer value.
        public var name: String
        /// The mentor's role, as the manager gave it.
        public var role: String?
        /// How often they meet (`offer.mentor.every`).
        public var every: String?
        /// The project's share of working time, as planned (never above the capacity answered).
        public var percent: Int?
        /// Hours a month: the sessions, or the project at its share.
        public var hoursPerMonth: Double?
        /// The course's cost, in the budget currency.
        public var amount: Double?
        public var start: Date
        public var due: Date
    }

    public struct Milestone: Hashable, Sendable {
        public var due: Date
        public var title: String
        public var description: String
    }

    /// Where a skill estimate comes from.
    public enum GapBasis: String, Hashable, Sendable {
        /// The manager's observation.
        case observed
        /// What the current level expects (nothing observed, or observations that say little).
        case level
    }

    /// One dimension's distance from what the target level expects.
    public struct Gap: Hashable, Sendable {
        public var dimension: String
        /// What the target level expects, 0..100.
        public var expected: Double
        /// The skill estimate now, 0..100.
        public var current: Double
        /// How far the plan works on it: expected minus current, or the smallest step toward
        /// the next level, whichever is larger. Positive is room to grow.
        public var gap: Double
        public var basis: GapBasis
    }

    /// Percent of plan hours on the job, from other people and formal; sums to 100.
    public struct Allocation: Hashable, Sendable {
        public var onTheJob: Int
        public var social: Int
        public var formal: Int
    }

    public var currentLevel: String
    public var targetLevel: String
    /// The level of equal rank on the other track, when there is one.
    public var equivalentLevel: String?
    /// True when the plan grows the person where they are rather than toward a promotion.
    public var growthInPlace: Bool
    /// True for an exploratory plan: the answers do not point to a track yet.
    public var exploratory: Bool
    /// The decision check-in of a plan that has not settled on a track (undecided, or a lead
    /// too small to trust): the trials of each track finish before it. An undecided plan
    /// ends there.
    public var decisionDate: Date?
    /// The manager's view of readiness for the target level (`view.readiness`), when given.
    public var readiness: String?
    public var startDate: Date
    public var endDate: Date
    public var horizonMonths: Int
    /// Development hours a month the plan's items take on average (special-project time apart).
    public var hoursPerMonth: Double
    /// Development hours in the busiest calendar month.
    public var busiestMonthHours: Double
    /// What the manager can free each month (or the default, when they have not said).
    public var hoursCapacityPerMonth: Double
    /// Whether the manager answered, so the capacity and budget are theirs, not defaults.
    public var managerAnswered: Bool
    public var allocation: Allocation
    public var specialProjectPercent: Int
    /// Special-project hours in any month, at the agreed share.
    public var specialProjectHoursPerMonth: Double
    public var budgetAmount: Double
    public var currency: String
    public var committed: Double
    public var items: [Item]
    /// One promotion criterion of the target level: where the two views stand, and the plan
    /// items that will produce its evidence.
    public struct CriterionStatus: Hashable, Sendable {
        public var id: String
        public var text: String
        /// Whether each side said it is already shown; nil where that side did not say.
        public var contributor: Bool?
        public var manager: Bool?
        /// The plan items whose "done when" is evidence for it.
        public var evidence: [String]
        /// Ways to show it, in the company's words (the ladder's examples).
        public var examples: [String] = []

        /// Both said it is already shown: a line in the plan, not an activity.
        public var shownByBoth: Bool { contributor == true && manager == true }
    }

    /// What will show a criterion, in words: the titles of its evidence items, and "your own
    /// work" for the item that asks the person to choose some.
    public func evidenceNames(_ criterion: CriterionStatus) -> [String] {
        criterion.evidence.compactMap { id in
            guard let item = items.first(where: { $0.id == id }) else { return nil }
            return item.source == .criterion ? "your own work, chosen together by \(SessionDate.format(item.start))" : item.title
        }
    }

    /// The target level's promotion criteria, the plan's spine (empty when growing in place).
    public var criteria: [CriterionStatus] = []
    /// The manager's concrete offers, each planned as one of `items`.
    public var offers: [Offer] = []
    public var milestones: [Milestone]
    public var gaps: [Gap]
    /// Things the person should know about how the plan was made (defaults used, interests
    /// that could not be met, limits hit).
    public var notes: [PlanNote]

    /// Total hours of the items outside job time: study and mentoring.
    public var developmentHours: Double {
        items.filter { $0.time != .job }.reduce(0) { $0 + $1.hours }
    }

    /// Total hours of job time outside special projects: stretch work, trials, hand-overs,
    /// first steps; work beside the day job, not study.
    public var jobHours: Double {
        items.filter { $0.time == .job && $0.category != .specialProject }.reduce(0) { $0 + $1.hours }
    }

    /// Total hours of special projects.
    public var specialProjectHours: Double {
        items.filter { $0.category == .specialProject }.reduce(0) { $0 + $1.hours }
    }
}
