/// Text from data made safe to show: on a terminal, in an error message, in a CSV cell.
///
/// A value typed into a sheet or an answers file can hold escape sequences that retitle or
/// clear a terminal, or line breaks that forge another line of output; and it can be
/// megabytes long. Every value careerpath echoes goes through here.
public enum PrintableText {
    /// The longest excerpt of a value an error message quotes, in characters.
    public static let excerptLength = 60

    /// The text with every control character written out as an escape (`\n`, `\r`, `\t`,
    /// `\u{1B}`): C0 and C1 controls, DEL, line and paragraph separators, and the
    /// bidirectional controls that reorder what a terminal shows.
    public static func escaped(_ text: String) -> String {
        // Printable ASCII, the usual case, needs no look-up per scalar.
        if text.allUTF8Bytes(satisfy: { $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// A value as an error message quotes it: escaped, at most `limit` characters of it, in
    /// single quotes, with `…` when it was cut, e.g. `'root:*:19000:0:99…'`.
    public static func quoted(_ text: String, limit: Int = excerptLength) -> String {
        "'" + excerpt(text, limit: limit) + "'"
    }

    /// The first `limit` characters of the value, escaped, with `…` when it was cut.
    public static func excerpt(_ text: String, limit: Int = excerptLength) -> String {
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end != text.endIndex
        else { return escaped(text) }
        return escaped(String(text[..<end])) + "…"
    }

    /// The text without control characters, for values kept as content (answers, notes,
    /// names): line breaks and tabs stay, as a multi-line answer needs them.
    public static func stripped(_ text: String) -> String {
        // Printable ASCII (and tab and line feed), the usual case, needs no look-up per scalar.
        if text.allUTF8Bytes(satisfy: { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) { return text }
        guard text.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !needsEscape(scalar) || scalar == "\n" || scalar == "\t" {
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether a scalar is a control character a terminal or a spreadsheet acts on.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // C0, DEL, C1
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidirectional controls
        default: return false
        }
    }
}
