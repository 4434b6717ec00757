/// The three career tracks a person can be recommended.
public enum Track: String, CaseIterable, Codable, Sendable, Comparable {
    case ic
    case management
    case hybrid

    /// How the track is shown to people.
    public var title: String {
        switch self {
        case .ic: return "Individual contributor"
        case .management: return "Management"
        case .hybrid: return "Hybrid (technical leadership)"
        }
    }

    /// A short name for charts and tables.
    public var shortTitle: String {
        switch self {
        case .ic: return "Individual contributor"
        case .management: return "Management"
        case .hybrid: return "Hybrid"
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
