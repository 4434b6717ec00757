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
        // Each text's bytes once, for every name looked for in it.
        let texts = words.map { Array($0.utf8) }
        for item in catalog.items where !item.names.isEmpty {
            guard item.names.contains(where: { name in
                let word = Array(name.lowercased().utf8)
                return texts.contains { Self.contains($0, word: word) }
            }) else { continue }
            if isOpen(item) { open.append(item) } else { closed.append(item) }
        }
    }

    /// Whether `text` holds `word` with no letter or digit right before or after it, so that
    /// "CC" is not found in "accept". Both are lowercased already; compared byte by byte (a
    /// plan asks this of every named item, for every person of a bulk run).
    static func contains(_ text: String, word: String) -> Bool {
        contains(Array(text.utf8), word: Array(word.utf8))
    }

    static func contains(_ haystack: [UInt8], word needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        // Any byte of a non-ASCII character counts as a letter.
        func joins(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            var index = 1
            while index < needle.count, haystack[start + index] == needle[index] { index += 1 }
            guard index == needle.count else { continue }
            let end = start + needle.count
            if (start == 0 || !joins(haystack[start - 1])) && (end == haystack.count || !joins(haystack[end])) { return true }
        }
        return false
    }

    /// Which words name an item: `title` mentions a name of it.
    static func mentions(_ title: String, _ item: Catalog.Item) -> Bool {
        let text = title.lowercased()
        return item.names.contains { contains(text, word: $0.lowercased()) }
    }
}
