/// One accepted answer, already checked against its question.
public enum AnswerValue: Hashable, Sendable {
    /// A scale point or a whole number.
    case integer(Int)
    /// A number that may have a fraction, such as a budget.
    case number(Double)
    /// A choice value, a currency code or free text.
    case text(String)
    /// The values picked from a list.
    case list([String])
    /// A rating the rater had no chance to make yet (`n/a`): left out of every score, never
    /// read as low, and counted as answered.
    case notObserved

    /// How a `notObserved` answer is written in files.
    public static let notObservedText = "n/a"

    /// The answer as a number, when it is one.
    public var numeric: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The answer as one line of text, as written to files (lists joined with `;`).
    public var text: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return formatNumber(value)
        case .text(let value): return value
        case .list(let values): return values.joined(separator: ";")
        case .notObserved: return Self.notObservedText
        }
    }

    /// The picked values, for list answers.
    public var values: [String] {
        if case .list(let values) = self { return values }
        return []
    }
}

/// Kept typed in session files, so a resumed session reads exactly what was accepted: a
/// number, a text, a list of texts, or `n/a`.
extension AnswerValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            self = .list(list)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            let text = try container.decode(String.self)
            self = text == Self.notObservedText ? .notObserved : .text(text)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .notObserved: try container.encode(Self.notObservedText)
        }
    }
}
