/// What kind of answer a question takes, with what each kind allows.
public enum ItemKind: Hashable, Sendable {
    /// A point on a rating scale.
    case scale(Scale)
    /// Exactly one of the choices.
    case choice([Choice])
    /// Any number of the choices, or none.
    case multi([Choice])
    /// Exactly `count` of the choices (item ids).
    case pick(count: Int, choices: [Choice])
    /// A whole number in a range.
    case integer(min: Int, max: Int)
    /// A number no lower than `min` (and no higher than `max` when set).
    case number(min: Double, max: Double?)
    /// Free text up to a length.
    case text(maxLength: Int)
    /// A three-letter ISO 4217 currency code.
    case currency
    /// A calendar date, written YYYY-MM-DD.
    case date

    /// The type name used in bank.yaml.
    public var typeName: String {
        switch self {
        case .scale: return "scale"
        case .choice: return "choice"
        case .multi: return "multi"
        case .pick: return "pick"
        case .integer: return "integer"
        case .number: return "number"
        case .text: return "text"
        case .currency: return "currency"
        case .date: return "date"
        }
    }

    /// Whether the answer is a number that is not a scale point.
    public var isNumeric: Bool {
        switch self {
        case .integer, .number: return true
        default: return false
        }
    }

    /// The choices a person may type, for the kinds that have them.
    public var choices: [Choice] {
        switch self {
        case .scale(let scale): return scale.choices
        case .choice(let choices), .multi(let choices), .pick(_, let choices): return choices
        default: return []
        }
    }

    /// Says in a few words what is allowed, e.g. `1..6` or `seeking, open, not_now`.
    public var allowedDescription: String {
        switch self {
        case .scale(let scale):
            let low = scale.labels[scale.min].map { " (\(scale.min) = \($0)" } ?? ""
            let high = scale.labels[scale.max].map { ", \(scale.max) = \($0))" } ?? (low.isEmpty ? "" : ")")
            let notObserved = scale.notObserved.map { ", or \(AnswerValue.notObservedText) (\($0))" } ?? ""
            return "\(scale.min)..\(scale.max)\(low)\(high)\(notObserved)"
        case .choice(let choices):
            return "one of " + choices.map(\.value).joined(separator: ", ")
        case .multi(let choices):
            return "any of " + choices.map(\.value).joined(separator: ", ") + " (or none)"
        case .pick(let count, _):
            return "exactly \(count) different question ids of the eight groups"
        case .integer(let min, let max):
            return "a whole number \(min)..\(max)"
        case .number(let min, let max):
            if let max { return "a number \(formatNumber(min))..\(formatNumber(max))" }
            return "a number, \(formatNumber(min)) or more"
        case .text(let maxLength):
            return "text of up to \(maxLength) characters"
        case .currency:
            return "a three-letter ISO 4217 currency code such as USD or EUR"
        case .date:
            return "a date written YYYY-MM-DD, such as 2027-03-01"
        }
    }
}
