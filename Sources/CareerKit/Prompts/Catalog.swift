/// The development catalog: everything a plan can propose, with cost, hours and what it builds.
public struct Catalog: Sendable {
    public enum Category: String, CaseIterable, Codable, Sendable {
        case training, certification, networking, mentoring
        case specialProject = "special_project"
        case stretchAssignment = "stretch_assignment"
        /// A plan's first steps (the contributor's and the manager's); never a catalog item.
        case firstStep = "first_step"

        /// How the category is shown to people.
        public var title: String {
            switch self {
            case .training: return "Training"
            case .certification: return "Certification"
            case .networking: return "Networking"
            case .mentoring: return "Mentoring"
            case .specialProject: return "Special project"
            case .stretchAssignment: return "Stretch assignment"
            case .firstStep: return "First step"
            }
        }
    }

    /// For mentoring: whether someone teaches this person, or this person teaches others.
    public enum Direction: String, CaseIterable, Sendable {
        case learn, teach
    }

    /// What an item is for beyond the dimensions it builds, when the plan needs one of its kind.
    public enum Purpose: String, CaseIterable, Sendable {
        /// A low-risk way to try a track before committing to it.
        case trial
        /// Handing a team over when moving back from management to individual work.
        case handover
        /// The first hands-on project after managing, which follows the hand-over.
        case rebuild
        /// Finding out which track fits, for answers that do not point to one yet.
        case exploration
    }

    /// What a person needs before an item is open to them (the issuer's rule).
    public struct Eligibility: Hashable, Sendable {
        public var yearsExperience: Int?
        public var yearsManaging: Int?
        /// The rule in the issuer's words, for the plan ("five years of paid security work in
        /// two of its eight areas"); nil: said from the years.
        public var rule: String?
        /// What a person can do before they are eligible ("Pass the exam now and become an
        /// Associate of ISC2 until you have the years").
        public var meanwhile: String?
        /// Catalog items open to them now that lead the same way (an entry certificate).
        public var instead: [String] = []

        public init(yearsExperience: Int? = nil, yearsManaging: Int? = nil) {
            self.yearsExperience = yearsExperience
            self.yearsManaging = yearsManaging
        }

        public var isEmpty: Bool { yearsExperience == nil && yearsManaging == nil }
    }

    /// One thing a plan can propose. A class, not a struct: every plan of a run looks at the
    /// same items many times, and passing one on is then one reference, not eighteen fields.
    public final class Item: Hashable, Sendable, Identifiable {
        public let id: String
        public let title: String
        public let category: Category
        public let summary: String
        /// Topic tags such as `cloud` or `leadership`.
        public let domains: [String]
        /// The dimensions it strengthens.
        public let builds: [String]
        /// The tracks it suits: `ic`, `management`, `hybrid`.
        public let tracks: [String]
        /// The ladder levels whose people it suits.
        public let levels: [String]
        /// Mentoring only: learn or teach.
        public let direction: Direction?
        public let purpose: Purpose?
        public let eligibility: Eligibility
        /// How big a step it is on the dimensions it builds: 1 small, 2 solid, 3 major.
        public let impact: Int
        /// What done looks like, observable by both people.
        public let doneWhen: String
        /// In the catalog currency.
        public let cost: Double
        /// The person's own hours; 0 for special projects, whose hours follow the agreed share
        /// of working time.
        public let hours: Double
        public let weeks: Int
        /// The issuing body, for certifications.
        public let issuer: String?
        /// For networking and special projects: which interest it answers.
        public let kind: String?
        /// The ids of the promotion criteria it can produce evidence for.
        public let evidences: [String]
        /// What people call it in their own words ("CISSP"), to find it in what they said.
        public let names: [String]
        /// A first step in its field (fundamentals, foundations, entry-level): never for experts.
        public let entry: Bool
        /// The fields (`person.domain`) whose people already do this as their job.
        public let partOfJobIn: [String]
        /// It needs someone more senior inside the company (an internal mentor or forum of
        /// people above): not for a person at the top of their ladder.
        public let needsPeopleAbove: Bool
        /// What only the manager can give for it (a choice of `offer.kinds`, such as
        /// `headcount`): the plan holds the item only when the manager offered that.
        public let needsOffer: String?

        public init(
            id: String,
            title: String,
            category: Category,
            summary: String,
            domains: [String],
            builds: [String],
            tracks: [String],
            levels: [String],
            direction: Direction?,
            purpose: Purpose?,
            eligibility: Eligibility,
            impact: Int,
            doneWhen: String,
            cost: Double,
            hours: Double,
            weeks: Int,
            issuer: String?,
            kind: String?,
            evidences: [String] = [],
            names: [String] = [],
            entry: Bool = false,
            partOfJobIn: [String] = [],
            needsPeopleAbove: Bool = false,
            needsOffer: String? = nil
        ) {
            self.id = id
            self.title = title
            self.category = category
            self.summary = summary
            self.domains = domains
            self.builds = builds
            self.tracks = tracks
            self.levels = levels
            self.direction = direction
            self.purpose = purpose
            self.eligibility = eligibility
            self.impact = impact
            self.doneWhen = doneWhen
            self.cost = cost
            self.hours = hours
            self.weeks = weeks
            self.issuer = issuer
            self.kind = kind
            self.evidences = evidences
            self.names = names
            self.entry = entry
            self.partOfJobIn = partOfJobIn
            self.needsPeopleAbove = needsPeopleAbove
            self.needsOffer = needsOffer
        }

        public static func == (left: Item, right: Item) -> Bool {
            left === right
                || (left.id == right.id
                    && left.title == right.title
                    && left.category == right.category
                    && left.summary == right.summary
                    && left.domains == right.domains
                    && left.builds == right.builds
                    && left.tracks == right.tracks
                    && left.levels == right.levels
                    && left.direction == right.direction
                    && left.purpose == right.purpose
                    && left.eligibility == right.eligibility
                    && left.impact == right.impact
                    && left.doneWhen == right.doneWhen
                    && left.cost == right.cost
                    && left.hours == right.hours
                    && left.weeks == right.weeks
                    && left.issuer == right.issuer
                    && left.kind == right.kind
                    && left.evidences == right.evidences
                    && left.names == right.names
                    && left.entry == right.entry
                    && left.partOfJobIn == right.partOfJobIn
                    && left.needsPeopleAbove == right.needsPeopleAbove
                    && left.needsOffer == right.needsOffer)
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(id) }

        /// Whether it is job time (work: stretch assignments, special projects, trials of a
        /// role, hand-overs), counted against the project share or as part of the job, never
        /// against the development hours.
        public var isJobTime: Bool {
            category == .stretchAssignment || category == .specialProject || purpose == .trial || purpose == .handover
                || purpose == .rebuild
        }
    }

    /// The blanks a title, summary or done-when may hold, filled from the person by the planner.
    public static let blanks = ["{field}", "{above}"]

    /// The currency of every cost.
    public var currency: String
    /// Units of each other currency per one unit of `currency`.
    public var exchangeRates: [String: Double]
    public var items: [Item]

    public init(currency: String, exchangeRates: [String: Double], items: [Item]) {
        self.currency = currency
        self.exchangeRates = exchangeRates
        self.items = items
    }

    public func item(_ id: String) -> Item? {
        items.first { $0.id == id }
    }

    /// The domain tags of every certification: what `interest.certifications` may offer.
    public var certificationDomains: Set<String> {
        Set(items.filter { $0.category == .certification }.flatMap(\.domains))
    }

    /// Converts an amount in the catalog currency to `target`, or nil when no rate is known.
    public func convert(_ amount: Double, to target: String) -> Double? {
        if target == currency { return amount }
        return exchangeRates[target].map { amount * $0 }
    }
}
