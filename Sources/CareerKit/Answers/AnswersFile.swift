import Yams

/// Reads answers files: YAML or JSON documents of the shape in `docs/contract.md`.
public enum AnswersFile {
    /// The most bytes an answers file (or one line of a JSON Lines file) may have: one
    /// person's answers, free texts included, take a few KiB.
    public static let maximumBytes = 1 << 20

    /// Reads one answers file; `.json` files are read as JSON, everything else as YAML.
    ///
    /// - Parameter fromFolder: the file was found in an input folder: a symbolic link is not
    ///   followed, and anything but a regular file is refused.
    /// - Throws: `CareerError.invalidData` with every problem found, or `CareerError.cannotRead`.
    public static func load(path: String, prompts: PromptSet, fromFolder: Bool = false) throws -> Answers {
        let text = try DataDocument.readText(atPath: path, fromFolder: fromFolder, limit: maximumBytes)
        return try parse(text, path: path, syntax: DataDocument.syntax(forPath: path), prompts: prompts)
    }

    /// Reads answers from text. `lineOffset` places a document that starts further down a file
    /// (one line of a JSON Lines file) so positions still point at the right line.
    public static func parse(
        _ text: String, path: String, syntax: DataDocument.Syntax, prompts: PromptSet, lineOffset: Int = 0
    ) throws -> Answers {
        let log = DiagnosticLog(path: path)
        guard let root = DataDocument.parse(text, syntax: syntax, log: log, lineOffset: lineOffset) else {
            throw CareerError.invalidData(log.sorted())
        }
        let answers = build(root, prompts: prompts, log: log, lineOffset: lineOffset)
        try log.throwIfAny()
        guard let answers else { throw CareerError.invalidData(log.sorted()) }
        return answers
    }

    static func build(_ root: Node, prompts: PromptSet, log: DiagnosticLog, lineOffset: Int) -> Answers? {
        let start = (line: (root.mark?.line ?? 1) + lineOffset, column: root.mark?.column ?? 1)
        let shifted = ShiftedLog(log: log, lineOffset: lineOffset)
        guard
            let top = shifted.fields(
                root, "the answers file", allowed: ["person", "manager", "session", "answers", "notes"],
                required: ["person", "answers"])
        else { return nil }
        var entries: [AnswerEntry] = []
        func entry(_ key: String, _ node: Node) {
            let line = (node.mark?.line ?? 1) + lineOffset
            let column = node.mark?.column ?? 1
            switch node {
            case .scalar(let scalar):
                entries.append(AnswerEntry(key: key, raw: .scalar(node.isNull ? "" : scalar.string), line: line, column: column))
            case .sequence(let sequence):
                var values: [String] = []
                for element in sequence {
                    guard case .scalar(let scalar) = element else {
                        shifted.add("\(PrintableText.quoted(key)) must be a list of plain values, found \(element.kindName) in it", at: element.mark)
                        return
                    }
                    values.append(scalar.string)
                }
                entries.append(AnswerEntry(key: key, raw: .list(values), line: line, column: column))
            default:
                shifted.add("\(PrintableText.quoted(key)) must be a value or a list, found \(node.kindName)", at: node.mark)
            }
        }
        let sections: [(String, [String])] = [
            ("person", ["name", "id", "current_level", "domain", "years_experience", "years_managing"]),
            ("manager", ["name", "id"]),
            ("session", ["date", "mode"]),
        ]
        for (section, keys) in sections where top[section] != nil {
            guard let fields = shifted.fields(top[section], "'\(section)'", allowed: keys) else { continue }
            for key in fields.order { entry("\(section).\(key)", fields[key]!) }
        }
        if let answers = shifted.fields(top["answers"], "'answers'", allowed: Role.allCases.map(\.rawValue)) {
            for role in Role.allCases where answers[role.rawValue] != nil && !answers[role.rawValue]!.isNull {
                guard let items = shifted.fields(answers[role.rawValue], "'answers.\(role.rawValue)'") else { continue }
                for id in items.order {
                    var node = items[id]!
                    if case .scalar = node {} else if case .sequence = node {} else {
                        shifted.add("\(role.rawValue) item \(PrintableText.quoted(id)) must be a value or a list, found \(node.kindName)", at: node.mark)
                        continue
                    }
                    if node.isNull { node = Node("") }
                    // Keep the key's position for an unknown id, the value's for a bad value.
                    let keyLine = (items.mark(of: id)?.line ?? 1) + lineOffset
                    let keyColumn = items.mark(of: id)?.column ?? 1
                    let before = entries.count
                    entry("\(role.rawValue).\(id)", node)
                    if entries.count > before, prompts.bank.item(id) == nil {
                        entries[entries.count - 1].line = keyLine
                        entries[entries.count - 1].column = keyColumn
                    }
                }
            }
        }
        let notes = shifted.string(top["notes"], "'notes'")
        return AnswersBuilder(prompts: prompts).build(entries, log: log, start: start, hasNotes: notes)
    }
}

/// Adds a line offset to every position logged while reading one document of a larger file.
struct ShiftedLog {
    let log: DiagnosticLog
    let lineOffset: Int

    func add(_ message: String, at mark: Mark?) {
        log.add(message, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func fields(_ node: Node?, _ what: String, allowed: [String]? = nil, required: [String] = []) -> Fields? {
        shifted { $0.fields(node, what, allowed: allowed, required: required) }
    }

    func string(_ node: Node?, _ what: String) -> String? {
        shifted { $0.string(node, what) }
    }

    /// Runs a read on a scratch log and moves its problems down by the offset.
    private func shifted<T>(_ read: (DiagnosticLog) -> T) -> T {
        guard lineOffset != 0 else { return read(log) }
        let scratch = DiagnosticLog(path: log.path)
        let result = read(scratch)
        for diagnostic in scratch.diagnostics {
            log.add(diagnostic.message, line: diagnostic.line + lineOffset, column: diagnostic.column, item: diagnostic.item)
        }
        return result
    }
}
