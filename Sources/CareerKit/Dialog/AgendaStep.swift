/// One step of a one-on-one that follows preparations: a difference to talk about, or a
/// question to answer (or go through again, together).
public enum AgendaStep: Hashable, Sendable, Codable {
    case item(String)
    case gap(ViewGap)

    /// A key naming the step in a session file: `item:<id>` or `gap:<topic>`.
    public var key: String {
        switch self {
        case .item(let id): return "item:" + id
        case .gap(let gap): return "gap:\(gap.topic)"
        }
    }

    private enum CodingKeys: String, CodingKey { case item, gap }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let id = try container.decodeIfPresent(String.self, forKey: .item) {
            self = .item(id)
        } else {
            self = .gap(try container.decode(ViewGap.self, forKey: .gap))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .item(let id): try container.encode(id, forKey: .item)
        case .gap(let gap): try container.encode(gap, forKey: .gap)
        }
    }
}
