/// Checks that every `{{tag}}` of a report template names a key the plan view has, so a
/// typo in a company's template is an error with its position rather than empty text.
enum TemplateKeyCheck {
    /// One problem: where, and what.
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The problems of a template's text against `schema`, in order. Names resolve as
    /// Mustache resolves them: the first part in the innermost open section that has it,
    /// then outward; the rest of a dotted name inside that key's group.
    static func problems(in text: String, schema: ViewSchema) -> [Problem] {
        var problems: [Problem] = []
        // Open sections: the name and the keys their rows add (empty for a flag or text).
        var scopes: [(name: String, keys: [String: ViewSchema])] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        /// Advances past `count` characters, keeping the line and column.
        func advance(_ count: Int) {
            for _ in 0..<count where index < text.endIndex {
                if text[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index = text.index(after: index)
            }
        }
        while index < text.endIndex {
            guard text[index...].hasPrefix("{{") else {
                advance(1)
                continue
            }
            let tagLine = line
            let tagColumn = column
            let triple = text[index...].hasPrefix("{{{")
            let closing = triple ? "}}}" : "}}"
            guard let end = text[index...].range(of: closing) else { break }
            let inside = text[text.index(index, offsetBy: triple ? 3 : 2)..<end.lowerBound]
            let length = text.distance(from: index, to: end.upperBound)
            var body = inside.trimmingWhitespace()
            let sigil = triple ? nil : body.first
            switch sigil {
            case "!", "%", ">", "<", "$", "=":
                // Comments, pragmas, partials and delimiters name no key of the view.
                if sigil == "=" { return problems }  // a changed delimiter: stop here
                advance(length)
                continue
            case "#", "^", "/", "&":
                body = String(body.dropFirst()).trimmingWhitespace()
            default:
                break
            }
            if sigil == "/" {
                if let last = scopes.last, last.name == body { scopes.removeLast() }
                advance(length)
                continue
            }
            if body == "." {
                if sigil == "#" || sigil == "^" { scopes.append((body, [:])) }
                advance(length)
                continue
            }
            let resolved = resolve(body, scopes: scopes, root: schema)
            switch resolved {
            case .found(let node):
                if sigil == "#" || sigil == "^" {
                    if case .rows(let keys) = node, sigil == "#" { scopes.append((body, keys)) } else { scopes.append((body, [:])) }
                }
            case .unknown(let known):
                problems.append(
                    Problem(
                        line: tagLine, column: tagColumn,
                        message: "unknown key '\(body)'; known keys: \(known.sorted().joined(separator: ", "))"))
                if sigil == "#" || sigil == "^" { scopes.append((body, [:])) }
            }
            advance(length)
        }
        return problems
    }

    private enum Resolution {
        case found(ViewSchema)
        /// The keys that were allowed where the name went wrong.
        case unknown([String])
    }

    private static func resolve(_ name: String, scopes: [(name: String, keys: [String: ViewSchema])], root: ViewSchema) -> Resolution {
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return .unknown([]) }
        let levels = scopes.reversed().map(\.keys) + [root.keys]
        guard var node = levels.lazy.compactMap({ $0[first] }).first else {
            return .unknown(Array(Set(levels.flatMap(\.keys))))
        }
        for part in parts.dropFirst() {
            guard let next = node.keys[part] else { return .unknown(Array(node.keys.keys)) }
            node = next
        }
        return .found(node)
    }
}
