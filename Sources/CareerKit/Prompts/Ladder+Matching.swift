extension Ladder {
    /// The levels a typed answer can mean, lowest rung first: an id (`ic.senior`), a title
    /// (`Staff Engineer`), the part of an id after its track (`em`, `senior em`), or words that
    /// each start a word of the title or id (`staff eng`, `dir`). An exact match wins over
    /// words; more than one level left means the answer is ambiguous, none that it fits no level.
    public func levels(matching typed: String) -> [Level] {
        let text = typed.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else { return [] }
        let ordered = levelsByRung()
        func rungName(_ level: Level) -> String {
            String(level.id.lowercased().split(separator: ".", maxSplits: 1).last ?? "")
        }
        let exact = ordered.filter {
            $0.id.lowercased() == text || $0.title.lowercased() == text
                || rungName($0) == text.replacingOccurrences(of: " ", with: "_")
        }
        if !exact.isEmpty { return exact }
        let typedWords = text.split(separator: " ")
        return ordered.filter { level in
            let words = level.title.lowercased().split(separator: " ") + rungName(level).split(separator: "_")
            return typedWords.allSatisfy { typedWord in
                words.contains { $0.hasPrefix(typedWord) } || level.id.lowercased().hasPrefix(typedWord)
            }
        }
    }
}
