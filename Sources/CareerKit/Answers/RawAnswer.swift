/// An answer as written, before it is checked: one value, or a list.
public enum RawAnswer: Hashable, Sendable {
    case scalar(String)
    case list([String])

    /// The values, treating one value as a list of one.
    var elements: [String] {
        switch self {
        case .scalar(let value): return [value]
        case .list(let values): return values
        }
    }

    /// How the answer was written, for error messages.
    var quoted: String {
        switch self {
        case .scalar(let value): return PrintableText.quoted(value)
        case .list(let values): return "[" + PrintableText.excerpt(values.joined(separator: ", ")) + "]"
        }
    }
}
