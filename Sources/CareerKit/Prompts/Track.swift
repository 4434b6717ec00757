/// The career tracks a person can be recommended, or `undecided` when the answers carry too
/// little signal to pick one.
public enum Track: String, CaseIterable, Codable, Sendable, Comparable {
    case ic
    case management
    case hybrid
    /// The answers do not point to a track yet: the plan explores instead of committing.
    case undecided

    /// The tracks that have a fit score, in order.
    public static let scored: [Track] = [.ic, .management, .hybrid]

    /// How the track is shown to people.
    public var title: String {
        switch self {
        case .ic: return "Individual contributor"
        case .management: return "Management"
        case .hybrid: return "Hybrid (technical leadership)"
        case .undecided: return "Not decided yet: explore first"
        }
    }

    /// A short name for charts and tables.
    public var shortTitle: String {
        switch self {
        case .ic: return "Individual contributor"
        case .management: return "Management"
        case .hybrid: return "Hybrid"
        case .undecided: return "Undecided"
        }
    }

    public static func < (a: Track, b: Track) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How sure the result is.
public enum Confidence: String, Codable, Sendable, Comparable {
    case low, medium, high

    public static func < (a: Confidence, b: Confidence) -> Bool {
        let order: [Confidence] = [.low, .medium, .high]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }

    /// One step lower, never below low.
    var lowered: Confidence { self == .high ? .medium : .low }
}
