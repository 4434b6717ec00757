import Yams

/// Reads a column map (`--map MAP.yaml`, see `ColumnMap`) and checks it against the bank:
/// every problem is reported at once, at its line and column of the map.
///
/// ```yaml
/// columns:
///   person.name: Your name                      # the heading, exactly as in the export
///   manager.name: 3                             # or the column's position, 1 = first
///   depth.mastery: "How much does deep work give you energy?"
///   goal.promotion:
///     heading: Are you looking for a promotion?
///     values: {"Yes, this year": seeking, "Maybe": open, "Not now": not_now}
/// words:                                        # per scale, the form's answer words
///   agree6: {"Never": 1, "Rarely": 2, "Sometimes": 3, "Often": 4, "Usually": 5, "Always": 6}
/// list_separator: ", "                          # between the values of a list cell
/// ```
public enum ColumnMapLoader {
    /// The most bytes a map may have: one for every item of a large bank is a few KiB.
    public static let maximumBytes = 256 * 1024
    static let topKeys = ["columns", "words", "list_separator"]
    static let entryKeys = ["heading", "position", "words", "values"]

    /// Reads the map at `path`.
    ///
    /// - Parameter extraColumns: columns a sheet may have besides the template's (`--group-by`),
    ///   which the map may place too.
    /// - Throws: `CareerError.cannotRead` when the file cannot be read; `CareerError.invalidData`
    ///   naming the map's line and column for an unknown item id or scale, a bad position, or
    ///   a word whose value the item does not allow.
    public static func load(path: String, prompts: PromptSet, extraColumns: Set<String> = []) throws -> ColumnMap {
        let text = try DataDocument.readText(atPath: path, limit: maximumBytes, what: "a column map")
        return try parse(text, path: path, prompts: prompts, extraColumns: extraColumns)
    }

    /// Reads a map held in memory; `path` names it in messages.
    public static func parse(_ text: String, path: String, prompts: PromptSet, extraColumns: Set<String> = []) throws -> ColumnMap {
        let log = DiagnosticLog(path: path)
        guard let root = DataDocument.parse(text, syntax: DataDocument.syntax(forPath: path), log: log),
            let top = log.fields(root, "the column map", allowed: topKeys, required: ["columns"])
        else {
            try log.throwIfAny()
            throw CareerError.invalidData([Diagnostic(path: path, line: 1, column: 1, message: "the column map cannot be read")])
        }
        let bank = prompts.bank
        var separator = ";"
        if let node = top["list_separator"], let value = log.string(node, "'list_separator'") {
            if value.isEmpty {
                log.add("'list_separator' must not be empty; e.g. \";\" or \", \"", at: node.mark)
            } else {
                separator = value
            }
        }
        // The scales' words, by scale id.
        var scaleWords: [String: ColumnMap.Words] = [:]
        if let node = top["words"], let wordsFields = log.fields(node, "'words'") {
            for id in wordsFields.order {
                let logged = log.diagnostics.count
                defer { log.name(item: id, since: logged) }
                guard let scale = bank.scales[id] else {
                    log.add(
                        "'words' has an unknown scale \(PrintableText.quoted(id)); allowed: \(bank.scales.keys.sorted().joined(separator: ", "))",
                        at: wordsFields.mark(of: id))
                    continue
                }
                let allowed = scaleValues(scale)
                if let words = words(
                    wordsFields[id], "'words' '\(id)'", origin: "the words of scale \(id)", allowed: allowed.values,
                    describe: allowed.description, log: log)
                {
                    scaleWords[id] = words
                }
            }
        }
        var entries: [ColumnMap.Entry] = []
        var byKey: [String: Int] = [:]
        if let node = top["columns"], let columns = log.fields(node, "'columns'") {
            if columns.order.isEmpty { log.add("'columns' must place at least one column", at: columns.mark) }
            for name in columns.order {
                let mark = columns.mark(of: name)
                let logged = log.diagnostics.count
                defer { log.name(item: name, since: logged) }
                guard let (key, item) = resolve(name, bank: bank, extraColumns: extraColumns, log: log, mark: mark) else { continue }
                if let line = byKey[key] {
                    log.add("'\(name)' fills the column '\(key)', which line \(line) maps already; map each item once", at: mark)
                    continue
                }
                byKey[key] = mark?.line ?? 1
                guard let entry = entry(name, key: key, item: item, node: columns[name]!, scaleWords: scaleWords, log: log, mark: mark)
                else { continue }
                entries.append(entry)
            }
        }
        try log.throwIfAny()
        return ColumnMap(path: path, entries: entries, listSeparator: separator)
    }

    /// The sheet column a map key fills and the item it answers: an item id (`depth.mastery`),
    /// a sheet column (`contributor.depth.mastery`, `person.name`), or an extra column.
    private static func resolve(
        _ name: String, bank: QuestionBank, extraColumns: Set<String>, log: DiagnosticLog, mark: Mark?
    ) -> (String, BankItem?)? {
        if AnswersBuilder.isMetaKey(name) || extraColumns.contains(name) { return (name, nil) }
        if let item = bank.item(name) { return ("\(item.role.rawValue).\(item.id)", item) }
        if let named = AnswersBuilder.roleAndID(of: name), let item = bank.item(named.id) {
            guard item.role == named.role else {
                log.add(
                    "'\(name)': item '\(item.id)' is answered by the \(item.role.rawValue); write '\(item.id)' or '\(item.role.rawValue).\(item.id)'",
                    at: mark)
                return nil
            }
            return (name, item)
        }
        log.add(
            "unknown item id \(PrintableText.quoted(name)); allowed: an item id of the bank (`careerpath template map` lists them all), or \(AnswersBuilder.metaKeys.joined(separator: ", "))",
            at: mark)
        return nil
    }

    private static func entry(
        _ name: String, key: String, item: BankItem?, node: Node, scaleWords: [String: ColumnMap.Words], log: DiagnosticLog,
        mark: Mark?
    ) -> ColumnMap.Entry? {
        let what = "'\(name)'"
        var sourceNode = node
        var ownWords: ColumnMap.Words?
        if case .mapping = node {
            guard let fields = log.fields(node, what, allowed: entryKeys) else { return nil }
            let heading = fields["heading"], position = fields["position"]
            guard (heading == nil) != (position == nil) else {
                log.add("\(what) needs either 'heading' or 'position', not both", at: node.mark)
                return nil
            }
            if let position, !isPosition(position) {
                log.add("\(what) 'position' must be a whole number 1 or more, found \(position.kindName)", at: position.mark)
                return nil
            }
            sourceNode = heading ?? position!
            for wordsKey in ["words", "values"] {
                guard let wordsNode = fields[wordsKey] else { continue }
                guard let item, let allowed = allowedValues(item, wordsKey: wordsKey, what: what, log: log, mark: fields.mark(of: wordsKey))
                else {
                    if item == nil {
                        log.add("\(what) is not a question, so it takes no '\(wordsKey)'", at: fields.mark(of: wordsKey))
                    }
                    continue
                }
                ownWords = words(
                    wordsNode, "\(what) '\(wordsKey)'", origin: "the \(wordsKey) the map gives for \(item.id)", allowed: allowed.values,
                    describe: allowed.description, log: log)
            }
        }
        guard let source = source(sourceNode, what, log: log) else { return nil }
        var words = ownWords
        if words == nil, let item, case .scale(let scale) = item.kind { words = scaleWords[scale.id] }
        return ColumnMap.Entry(key: key, item: item, source: source, words: words, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Whether a node is a plain whole number (a heading of digits is written in quotes).
    private static func isPosition(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else { return false }
        return value >= 1
    }

    private static func source(_ node: Node, _ what: String, log: DiagnosticLog) -> ColumnMap.Source? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            log.add("\(what) must be the column's heading or its position (1 = first), found \(node.kindName)", at: node.mark)
            return nil
        }
        if scalar.style == .plain, let position = Int(scalar.string) {
            guard (1...CSVAnswersReader.cellCountLimit).contains(position) else {
                log.add("\(what): position \(position) is not a column; allowed: 1..\(CSVAnswersReader.cellCountLimit)", at: node.mark)
                return nil
            }
            return .position(position)
        }
        let heading = PrintableText.stripped(scalar.string).trimmingWhitespace()
        guard !heading.isEmpty else {
            log.add("\(what) must name the column's heading or position, found an empty heading", at: node.mark)
            return nil
        }
        return .heading(heading)
    }

    /// The values the words of an item may stand for, when `wordsKey` suits its kind.
    private static func allowedValues(
        _ item: BankItem, wordsKey: String, what: String, log: DiagnosticLog, mark: Mark?
    ) -> (values: Set<String>, description: String)? {
        switch item.kind {
        case .scale(let scale):
            guard wordsKey == "words" else {
                log.add("\(what) is a scale item (\(scale.id)): give its answer words under 'words', not 'values'", at: mark)
                return nil
            }
            return scaleValues(scale)
        case .choice(let choices), .multi(let choices), .pick(_, let choices):
            guard wordsKey == "values" else {
                log.add("\(what) is a \(item.kind.typeName) item: give the form's labels under 'values', not 'words'", at: mark)
                return nil
            }
            return (Set(choices.map(\.value)), choices.map(\.value).joined(separator: ", "))
        default:
            log.add("\(what) is a \(item.kind.typeName) item, whose answers are taken as written: it takes no '\(wordsKey)'", at: mark)
            return nil
        }
    }

    private static func scaleValues(_ scale: Scale) -> (values: Set<String>, description: String) {
        var values = Set(scale.points.map(String.init))
        var description = "\(scale.min)..\(scale.max)"
        if scale.notObserved != nil {
            values.insert(AnswerValue.notObservedText)
            description += " or \(AnswerValue.notObservedText)"
        }
        return (values, description)
    }

    /// Reads a mapping of words to values, each value one of `allowed`.
    private static func words(
        _ node: Node?, _ what: String, origin: String, allowed: Set<String>, describe: String, log: DiagnosticLog
    ) -> ColumnMap.Words? {
        guard let fields = log.fields(node, what) else { return nil }
        var words = ColumnMap.Words(values: [:], listed: [], origin: origin)
        for word in fields.order {
            let mark = fields.mark(of: word)
            let key = ColumnMap.matchKey(word)
            guard !key.isEmpty else {
                log.add("\(what) has an empty word", at: mark)
                continue
            }
            guard let value = log.string(fields[word], "\(what) \(PrintableText.quoted(word))")?.trimmingWhitespace() else {
                log.add("\(what) \(PrintableText.quoted(word)) needs a value; allowed: \(describe)", at: mark)
                continue
            }
            guard allowed.contains(value) else {
                log.add(
                    "\(what) \(PrintableText.quoted(word)) is \(PrintableText.quoted(value)); allowed: \(describe)",
                    at: fields[word]?.mark ?? mark)
                continue
            }
            if let earlier = words.listed.first(where: { ColumnMap.matchKey($0) == key }) {
                log.add(
                    "\(what) gives \(PrintableText.quoted(word)) twice (also as \(PrintableText.quoted(earlier))); words match whatever their case",
                    at: mark)
                continue
            }
            words.values[key] = value
            words.listed.append(word)
        }
        if fields.order.isEmpty { log.add("\(what) gives no words", at: fields.mark) }
        return words.listed.isEmpty ? nil : words
    }
}
