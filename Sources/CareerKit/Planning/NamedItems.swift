import Foundation

/// The catalog items the two people named in their own words: the contributor's goal and
/// first step, the manager's first step and the course they offered ("book the CISSP exam
/// date" names the CISSP). A named item the person can take is wanted in the plan; one not
/// open to them yet is said plainly, with when it opens and what to take now.
struct NamedItems {
    /// The answers whose words may name an item, with who gives them.
    static let sources: [(id: String, role: Role)] = [
        ("goal.statement", .contributor), ("will.first_step", .contributor), ("will.support", .manager),
        ("offer.course.name", .manager),
    ]

    /// Items named that the person may take.
    var open: [Catalog.Item] = []
    /// Items named that are not open to them yet.
    var closed: [Catalog.Item] = []

    init(answers: Answers, catalog: Catalog, isOpen: (Catalog.Item) -> Bool) {
        let words = Self.sources.compactMap { source -> String? in
            guard case .text(let text)? = answers.value(source.id, by: source.role), !text.isBlank else { return nil }
            return text.lowercased()
        }
        guard !words.isEmpty else { return }
        for item in catalog.items where !item.names.isEmpty {
            guard item.names.contains(where: { name in words.contains { Self.contains($0, word: name.lowercased()) } }) else { continue }
            if isOpen(item) { open.append(item) } else { closed.append(item) }
        }
    }

    /// Whether `text` holds `word` with no letter or digit right before or after it, so that
    /// "CC" is not found in "accept".
    static func contains(_ text: String, word: String) -> Bool {
        guard !word.isEmpty else { return false }
        var searchFrom = text.startIndex
        while let range = text.range(of: word, range: searchFrom..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            func joins(_ character: Character?) -> Bool { character.map { $0.isLetter || $0.isNumber } ?? false }
            if !joins(before), !joins(after) { return true }
            searchFrom = text.index(after: range.lowerBound)
        }
        return false
    }

    /// Which words name an item: `title` mentions a name of it.
    static func mentions(_ title: String, _ item: Catalog.Item) -> Bool {
        let text = title.lowercased()
        return item.names.contains { contains(text, word: $0.lowercased()) }
    }
}
