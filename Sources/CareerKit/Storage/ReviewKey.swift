/// What a follow-up review speaks of: an activity of the last plan (by catalog id) or one of
/// its check-ins (by position). Session files spell it `item:<id>` or `milestone:<position>`.
public enum ReviewKey: Hashable, Sendable, Codable, CodingKeyRepresentable, CustomStringConvertible {
    case item(String)
    case milestone(Int)

    /// `item:<id>` or `milestone:<position>`.
    public var description: String {
        switch self {
        case .item(let id): "item:" + id
        case .milestone(let position): "milestone:\(position)"
        }
    }

    /// Reads `item:<id>` or `milestone:<position>`; nil for anything else.
    public init?(_ text: String) {
        if text.hasPrefix("item:"), text.count > 5 {
            self = .item(String(text.dropFirst(5)))
        } else if text.hasPrefix("milestone:"), let position = Int(text.dropFirst(10)), position >= 0 {
            self = .milestone(position)
        } else {
            return nil
        }
    }

    public var codingKey: any CodingKey { DynamicKey(description) }

    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }

    /// A review key on its own is its spelling, as a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let key = ReviewKey(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not item:<id> or milestone:<position>")
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
