extension Unicode.Scalar {
    /// Whether Foundation's `CharacterSet.whitespaces` holds the scalar: tab, the space
    /// separators (Unicode category Zs) and, as Foundation has it, the zero-width space.
    var isHorizontalWhitespace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Whether Foundation's `CharacterSet.whitespacesAndNewlines` holds the scalar: the
    /// whitespace above and the line breaks U+000A to U+000D, U+0085, U+2028 and U+2029.
    var isWhitespaceOrNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isHorizontalWhitespace
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs: the same result as
    /// `trimmingCharacters(in: .whitespaces)`, without bridging to `NSString`, and without
    /// a copy when there is nothing to trim.
    func trimmingWhitespace() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        if !first.isHorizontalWhitespace, !last.isHorizontalWhitespace { return String(self) }
        // By scalars, as Foundation trims: a combining mark after a space stays, the space goes.
        let scalars = Substring(self).unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isHorizontalWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isHorizontalWhitespace })!
        return String(Substring(scalars[start...end]))
    }

    /// The text without leading and trailing whitespace and line breaks: the same result as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without bridging to `NSString`.
    func trimmingWhitespaceAndNewlines() -> String {
        let scalars = Substring(self).unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isWhitespaceOrNewline }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isWhitespaceOrNewline })!
        return String(Substring(scalars[start...end]))
    }

    /// Whether the text is empty or only spaces and tabs (as `CharacterSet.whitespaces` has them).
    var isBlank: Bool {
        unicodeScalars.allSatisfy(\.isHorizontalWhitespace)
    }
}
