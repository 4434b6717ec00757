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
    ///
    /// - Parameter contentType: the content type the template must keep (`HTML`,
    ///   `MARKDOWN`): a pragma choosing another would switch the escaping of every value off,
    ///   so it is a problem, as is a value inserted unescaped (`{{{goal}}}`, `{{&goal}}`) other
    ///   than careerpath's own markup, and a change of delimiters, behind which no tag can be checked.
    static func problems(in text: String, schema: ViewSchema, contentType: String? = nil) -> [Problem] {
        var problems: [Problem] = []
        // Open sections: the name and the keys their rows add (empty for a flag or text).
        var scopes: [(name: String, keys: [String: ViewSchema])] = []
        // The scan runs over bytes (a template is read once per start, before a `talk` asks
        // anything); lines and columns are worked out only for a tag that has a problem.
        let bytes = Array(text.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        /// The line and column (in characters, as an editor shows them) of the byte at `offset`.
        func position(of offset: Int) -> (line: Int, column: Int) {
            let before = bytes[..<offset]
            let line = before.lazy.filter { $0 == newline }.count + 1
            let lineStart = (before.lastIndex(of: newline) ?? -1) + 1
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
            return (line, column)
        }
        /// Where `count` closing braces start at or after `offset`.
        func closing(_ count: Int, from offset: Int) -> Int? {
            var index = offset
            while index + count <= bytes.count {
                if (0..<count).allSatisfy({ bytes[index + $0] == close }) { return index }
                index += 1
            }
            return nil
        }
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == open, bytes[index + 1] == open else {
                index += 1
                continue
            }
            let triple = index + 2 < bytes.count && bytes[index + 2] == open
            let delimiter = triple ? 3 : 2
            guard let end = closing(delimiter, from: index + delimiter) else { break }
            let tagStart = index
            index = end + delimiter
            var body = String(decoding: bytes[(tagStart + delimiter)..<end], as: UTF8.self).trimmingWhitespace()
            let sigil = triple ? nil : body.first
            func problem(_ message: String) {
                let (line, column) = position(of: tagStart)
                problems.append(Problem(line: line, column: column, message: message))
            }
            switch sigil {
            case "%":
                if let contentType, let chosen = Self.contentType(inPragma: body), chosen != contentType {
                    problem(
                        "this template must keep CONTENT_TYPE: \(contentType), found \(PrintableText.quoted(chosen)); another type would insert people's answers without escaping")
                }
                continue
            case "=":
                guard contentType == nil else {
                    problem("changing the delimiters ({{=...=}}) is not allowed in a report template: the tags after it could not be checked")
                    return problems
                }
                return problems  // a changed delimiter: stop here
            case "!", ">", "<", "$":
                // Comments, partials and blocks name no key of the view.
                continue
            case "#", "^", "/", "&":
                body = String(body.dropFirst()).trimmingWhitespace()
            default:
                break
            }
            if sigil == "/" {
                if let last = scopes.last, last.name == body { scopes.removeLast() }
                continue
            }
            if body == "." {
                if sigil == "#" || sigil == "^" { scopes.append((body, [:])) }
                continue
            }
            let unescaped = triple || sigil == "&"
            switch resolve(body, scopes: scopes, root: schema) {
            case .found(let node):
                if unescaped, contentType != nil, node != .markup {
                    problem(
                        "\(PrintableText.quoted(body)) is inserted without escaping; write {{\(body)}}: only careerpath's charts may be inserted as they are")
                }
                if sigil == "#" || sigil == "^" {
                    if case .rows(let keys) = node, sigil == "#" { scopes.append((body, keys)) } else { scopes.append((body, [:])) }
                }
            case .unknown(let known):
                let (line, column) = position(of: tagStart)
                problems.append(
                    Problem(
                        line: line, column: column,
                        message: "unknown key '\(body)'; known keys: \(known.sorted().joined(separator: ", "))"))
                if sigil == "#" || sigil == "^" { scopes.append((body, [:])) }
            }
        }
        return problems
    }

    /// Where a section (`{{#name}}`, `{{^name}}`) first opens deeper than `limit`, or nil:
    /// a byte scan that counts opening and closing tags, cheap enough for every start.
    static func firstSectionDeeper(than limit: Int, in text: String) -> (line: Int, column: Int)? {
        var depth = 0
        var line = 1
        var lineStart = 0
        var text = text
        return text.withUTF8 { bytes -> (line: Int, column: Int)? in
            var index = 0
            while index + 2 < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                } else if byte == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") {
                    var sigil = index + 2
                    while sigil < bytes.count, bytes[sigil] == UInt8(ascii: " ") { sigil += 1 }
                    if sigil < bytes.count {
                        switch bytes[sigil] {
                        case UInt8(ascii: "#"), UInt8(ascii: "^"):
                            depth += 1
                            if depth > limit {
                                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                                return (line, column)
                            }
                        case UInt8(ascii: "/"):
                            depth = max(0, depth - 1)
                        default:
                            break
                        }
                    }
                    index += 2
                    continue
                }
                index += 1
            }
            return nil
        }
    }

    /// The type a `CONTENT_TYPE` pragma's body chooses (`% CONTENT_TYPE: HTML` gives `HTML`).
    private static func contentType(inPragma body: String) -> String? {
        let words = body.dropFirst().split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace() }
        guard words.count == 2, words[0] == "CONTENT_TYPE" else { return nil }
        return words[1]
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
