/// What a difference between two prepared views is about: one of the dimensions, the track,
/// or readiness for the next level. Session files spell it as the dimension's name, `track`
/// or `readiness`.
public enum GapTopic: Hashable, Sendable, Codable, CodingKeyRepresentable, CustomStringConvertible {
    case dimension(String)
    case track
    case readiness

    /// The spelling in session files and step keys.
    public var description: String {
        switch self {
        case .dimension(let name): name
        case .track: "track"
        case .readiness: "readiness"
        }
    }

    /// Reads a spelling; anything but `track` and `readiness` names a dimension.
    public init(_ text: String) {
        switch text {
        case "track": self = .track
        case "readiness": self = .readiness
        default: self = .dimension(text)
        }
    }

    /// The dimension's name, for a dimension.
    public var dimension: String? {
        if case .dimension(let name) = self { return name }
        return nil
    }

    /// In words, e.g. "Technical depth", "Track".
    public var title: String {
        switch self {
        case .dimension(let name): Dimension.title(name)
        case .track: "Track"
        case .readiness: "Readiness for the next level"
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var codingKey: any CodingKey { DynamicKey(description) }

    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }
}
