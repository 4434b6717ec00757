/// The development catalog: everything a plan can propose, with cost, hours and what it builds.
public struct Catalog: Sendable {
    public enum Category: String, CaseIterable, Codable, Sendable {
        case training, certification, networking, mentoring
        case specialProject = "special_project"
        case stretchAssignment = "stretch_assignment"

        /// How the category is shown to people.
        public var title: String {
            switch self {
            case .training: return "Training"
            case .certification: return "Certification"
            case .networking: return "Networking"
            case .mentoring: return "Mentoring"
            case .specialProject: return "Special project"
            case .stretchAssignment: return "Stretch assignment"
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

        public init(yearsExperience: Int? = nil, yearsManaging: Int? = nil) {
            self.yearsExperience = yearsExperience
            self.yearsManaging = yearsManaging
        }

        public var isEmpty: Bool { yearsExperience == nil && yearsManaging == nil }
    }

    public struct Item: Hashable, Sendable, Identifiable {
        public var id: String
        public var title: String
        public var category: Category
        public var summary: String
        /// Topic tags such as `cloud` or `leadership`.
        public var domains: [String]
        /// The dimensions it strengthens.
        public var builds: [String]
        /// The tracks it suits: `ic`, `management`, `hybrid`.
        public var tracks: [String]
        /// The ladder levels whose people it suits.
        public var levels: [String]
        /// Mentoring only: learn or teach.
        public var direction: Direction?
        public var purpose: Purpose?
        public var eligibility: Eligibility
        /// How big a step it is on the dimensions it builds: 1 small, 2 solid, 3 major.
        public var impact: Int
        /// What done looks like, observable by both people.
        public var doneWhen: String
        /// In the catalog currency.
        public var cost: Double
        /// The person's own hours; 0 for special projects, whose hours follow the agreed share
        /// of working time.
        public var hours: Double
        public var weeks: Int
        /// The issuing body, for certifications.
        public var issuer: String?
        /// For networking and special projects: which interest it answers.
        public var kind: String?
    }

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
