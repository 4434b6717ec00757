import Yams

/// Finds the nodes of a YAML document written with an explicit tag (`!!str`, `!!binary`,
/// `!local`, `!<tag:...>`).
///
/// Yams resolves every tag, so an explicit `!!str` and a plain string look the same once
/// composed. But a node's position is where its properties start: a tag (or an anchor
/// followed by a tag) written before the value. A plain value cannot start with `!`, so a
/// `!` there is a tag.
enum YAMLTags {
    struct Found: Hashable {
        var text: String
        var line: Int
        var column: Int
    }

    /// Every explicitly tagged node, in document order.
    static func explicit(in root: Node, text: String) -> [Found] {
        guard text.utf8.contains(UInt8(ascii: "!")) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var found: Set<Found> = []
        // Walked with a stack of its own: deep nesting must not exhaust the thread's stack.
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { pending += [key, value] }
            case .sequence(let sequence):
                pending += Array(sequence)
            case .scalar, .alias:
                break
            }
            guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count,
                let tag = tag(in: lines[mark.line - 1], atColumn: mark.column)
            else { continue }
            found.insert(Found(text: tag, line: mark.line, column: mark.column))
        }
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The tag written at a column (in scalars, from 1) of a line, after an anchor if any.
    private static func tag(in line: Substring, atColumn column: Int) -> String? {
        let scalars = line.unicodeScalars
        guard var index = scalars.index(scalars.startIndex, offsetBy: column - 1, limitedBy: scalars.endIndex) else {
            return nil
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\r" }
        if index < scalars.endIndex, scalars[index] == "&" {
            while index < scalars.endIndex, !isSpace(scalars[index]) { index = scalars.index(after: index) }
            while index < scalars.endIndex, isSpace(scalars[index]) { index = scalars.index(after: index) }
        }
        guard index < scalars.endIndex, scalars[index] == "!" else { return nil }
        var end = index
        while end < scalars.endIndex, !isSpace(scalars[end]) { end = scalars.index(after: end) }
        return String(String.UnicodeScalarView(scalars[index..<end]))
    }
}
