/// Names in the order a person reads them: runs of digits compare as numbers, so "Manager 2"
/// comes before "Manager 10"; letters compare without regard to case, then as written, so
/// the order is total and the same on every machine (no locale is consulted).
public enum NaturalOrder {
    /// Whether `left` comes before `right`.
    public static func precedes(_ left: String, _ right: String) -> Bool {
        let a = chunks(left), b = chunks(right)
        // Case and leading zeros only break ties, after the whole names compared without them.
        if let order = compare(a, b, exact: false) { return order }
        if let order = compare(a, b, exact: true) { return order }
        return left < right
    }

    private static func compare(_ a: [Chunk], _ b: [Chunk], exact: Bool) -> Bool? {
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case (.number(let m), .number(let n)):
                // Without leading zeros, a longer run of digits is the larger number.
                let p = m.drop { $0 == "0" }, q = n.drop { $0 == "0" }
                if p.count != q.count { return p.count < q.count }
                if p != q { return p < q }
                if exact, m.count != n.count { return m.count < n.count }
            case (.text(let s), .text(let t)):
                let (ls, lt) = exact ? (String(s), String(t)) : (s.lowercased(), t.lowercased())
                if ls != lt { return ls < lt }
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
        return a.count != b.count ? a.count < b.count : nil
    }

    private enum Chunk: Equatable {
        case number(Substring)
        case text(Substring)
    }

    private static func chunks(_ text: String) -> [Chunk] {
        var result: [Chunk] = []
        var start = text.startIndex
        while start < text.endIndex {
            let digits = text[start].isASCII && text[start].isNumber
            var end = text.index(after: start)
            while end < text.endIndex, (text[end].isASCII && text[end].isNumber) == digits { end = text.index(after: end) }
            result.append(digits ? .number(text[start..<end]) : .text(text[start..<end]))
            start = end
        }
        return result
    }
}
