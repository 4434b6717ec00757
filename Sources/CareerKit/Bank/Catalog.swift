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
        /// In the catalog currency.
        public var cost: Double
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
