/// A figure of a report that protects small groups: a number, or why it is not shown.
public enum ReportFigure: Hashable, Sendable {
    case count(Int)
    case value(Double)
    /// A group of 1 to 4 people: "fewer than 5".
    case fewerThanFive
    /// A figure that would give a small group away: "not shown".
    case withheld
    /// An empty group, where sizes are shown at all: "nobody".
    case nobody
    /// A ratio with nothing to divide by: null in JSON, "n/a" in words.
    case notApplicable

    /// As the JSON report writes it.
    var json: JSONValue {
        switch self {
        case .count(let number): .integer(number)
        case .value(let number): .number(number)
        case .fewerThanFive: .string(EquityReport.suppressed)
        case .withheld: .string(EquityReport.withheld)
        case .nobody: .string("nobody")
        case .notApplicable: .null
        }
    }

    /// As the Markdown report writes it: whole numbers without decimals, others with at most
    /// two (0.96 stays 0.96, 30.20 reads 30.2).
    var text: String {
        switch self {
        case .count(let number): return String(number)
        case .value(let number):
            if number == number.rounded() { return String(Int(number)) }
            var text = formatFixed(number, decimals: 2)
            if text.hasSuffix("0") { text.removeLast() }
            return text
        case .fewerThanFive, .withheld, .nobody:
            guard case .string(let words) = json else { return "" }
            return words
        case .notApplicable: return "n/a"
        }
    }

    /// Whether the figure is a number (or "n/a"), rather than words saying why it is hidden.
    var isShown: Bool {
        switch self {
        case .count, .value, .notApplicable: true
        case .fewerThanFive, .withheld, .nobody: false
        }
    }
}
