/// Word wrapping for terminal text.
public enum TextWrap {
    /// Wraps `text` into lines of at most `width` characters (a longer word stands alone),
    /// the first line after `indent`, the others aligned under it.
    public static func lines(_ text: String, width: Int, indent: String = "") -> [String] {
        let limit = max(20, width - indent.count)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > limit {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        let hanging = String(repeating: " ", count: indent.count)
        return lines.enumerated().map { ($0.offset == 0 ? indent : hanging) + $0.element }
    }
}
