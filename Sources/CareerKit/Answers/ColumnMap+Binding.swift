extension ColumnMap {
    /// The map placed on one sheet's header.
    public struct Binding: Sendable {
        /// The sheet columns, one per heading of the export, in its order: the careerpath
        /// column each holds, or "" for a heading the map does not place.
        public let header: [String]
        /// The headings the map does not place, in order.
        public let unplaced: [Unplaced]
        /// By column (0-based), the entry whose words turn its cells into values.
        let translating: [Int: Entry]
        let listSeparator: String
        let mapPath: String

        /// The 0-based columns whose cells are not read.
        var skipped: Set<Int> { Set(unplaced.map { $0.column - 1 }) }
    }

    /// Places the map on a sheet's header.
    ///
    /// A heading the map does not name that is itself a sheet column (`person.name`) is kept as
    /// that column, unless the map puts the column elsewhere; every other heading it does not
    /// place is listed in `unplaced`.
    ///
    /// - Throws: `CareerError.invalidData` at the map's entry when its heading is not in the
    ///   sheet or is there twice, its position is beyond the last column, or two entries take
    ///   one column.
    public func bind(headings: [String], sheet: String, sheetColumns: Set<String>) throws -> Binding {
        let log = DiagnosticLog(path: path)
        var target = [String](repeating: "", count: headings.count)
        var takenBy: [Int: Entry] = [:]
        var translating: [Int: Entry] = [:]
        let sheetName = PrintableText.quoted(sheet)
        for entry in entries {
            let index: Int
            switch entry.source {
            case .position(let position):
                guard position <= headings.count else {
                    log.add(
                        "'\(entry.key)': position \(position) is beyond the last column of \(sheetName); allowed: 1..\(headings.count)",
                        line: entry.line, column: entry.column, item: entry.key)
                    continue
                }
                index = position - 1
            case .heading(let heading):
                let found = headings.indices.filter { headings[$0] == heading }
                if found.count > 1 {
                    log.add(
                        "'\(entry.key)': the heading \(PrintableText.quoted(heading)) is in \(sheetName) \(found.count) times (columns \(found.map { String($0 + 1) }.joined(separator: ", "))); give the column's position instead",
                        line: entry.line, column: entry.column, item: entry.key)
                    continue
                }
                guard let only = found.first else {
                    let near = headings.filter { ColumnMap.matchKey($0) == ColumnMap.matchKey(heading) }
                    let hint = near.first.map { "; did you mean \(PrintableText.quoted($0))?" }
                        ?? "; allowed: a heading of its first row, written exactly, or a position 1..\(headings.count)"
                    log.add(
                        "'\(entry.key)': \(sheetName) has no column headed \(PrintableText.quoted(heading))\(hint)",
                        line: entry.line, column: entry.column, item: entry.key)
                    continue
                }
                index = only
            }
            if let earlier = takenBy[index] {
                log.add(
                    "'\(entry.key)': column \(index + 1) of \(sheetName) is already mapped to '\(earlier.key)' (line \(earlier.line)); each column fills one item",
                    line: entry.line, column: entry.column, item: entry.key)
                continue
            }
            takenBy[index] = entry
            target[index] = entry.key
            let isList = entry.item.map { Self.isList($0.kind) } ?? false
            if entry.words != nil || (isList && listSeparator != ";") || entry.item.map({ Self.isScale($0.kind) }) == true {
                translating[index] = entry
            }
        }
        try log.throwIfAny()
        // Headings that already are sheet columns, and that no entry took.
        let mapped = Set(entries.map(\.key))
        var unplaced: [Unplaced] = []
        for (index, heading) in headings.enumerated() where takenBy[index] == nil {
            if sheetColumns.contains(heading), !mapped.contains(heading), !target.contains(heading) {
                target[index] = heading
            } else {
                unplaced.append(Unplaced(column: index + 1, heading: heading))
            }
        }
        return Binding(header: target, unplaced: unplaced, translating: translating, listSeparator: listSeparator, mapPath: path)
    }

    static func isScale(_ kind: ItemKind) -> Bool {
        if case .scale = kind { return true }
        return false
    }

    static func isList(_ kind: ItemKind) -> Bool {
        switch kind {
        case .multi, .pick: return true
        default: return false
        }
    }
}

extension ColumnMap.Binding {
    /// The cell as the sheet would hold it: the value of the form's word, list values joined
    /// with `;`. Numbers, `n/a` and stored values pass as they are, for the usual checks.
    ///
    /// - Returns: the failure message when a word is not in the map.
    func translate(_ cell: String, column index: Int) -> Result<String, ColumnMap.Refusal> {
        guard let entry = translating[index], let item = entry.item else { return .success(cell) }
        let trimmed = cell.trimmingWhitespace()
        if trimmed.isEmpty { return .success("") }
        switch item.kind {
        case .scale(let scale):
            if let value = entry.words?.value(of: trimmed) { return .success(value) }
            if Int(trimmed) != nil || (scale.notObserved != nil && trimmed == AnswerValue.notObservedText) { return .success(trimmed) }
            guard let words = entry.words else {
                return .failure(.init(message: "the answer \(PrintableText.quoted(trimmed)) is a word, and the map \(PrintableText.quoted(mapPath)) gives no words for scale \(scale.id); add them under 'words: \(scale.id):' or give numbers \(scale.min)..\(scale.max)"))
            }
            return .failure(.init(message: "the answer \(PrintableText.quoted(trimmed)) is not one of \(words.origin) in \(PrintableText.quoted(mapPath)); allowed: \(Self.list(words.listed)), or a number \(scale.min)..\(scale.max)"))
        case .choice(let choices):
            return label(trimmed, entry: entry, choices: choices)
        case .multi(let choices), .pick(_, let choices):
            // A label may hold the separator itself ("Informally, such as leading a project"
            // with ", "): the longest run of parts that is a label is taken first.
            let parts = trimmed.components(separatedBy: listSeparator).map { $0.trimmingWhitespace() }
            var values: [String] = []
            var start = 0
            while start < parts.count {
                guard !parts[start].isEmpty else {
                    start += 1
                    continue
                }
                var end = parts.count - 1
                while end > start, !known(parts[start...end].joined(separator: listSeparator), entry: entry, choices: choices) { end -= 1 }
                switch label(parts[start...end].joined(separator: listSeparator), entry: entry, choices: choices) {
                case .success(let value): values.append(value)
                case .failure(let refusal): return .failure(refusal)
                }
                start = end + 1
            }
            return .success(values.joined(separator: ";"))
        default:
            return .success(cell)
        }
    }

    /// Whether the text is one of the map's labels or a choice id.
    private func known(_ text: String, entry: ColumnMap.Entry, choices: [Choice]) -> Bool {
        entry.words?.value(of: text) != nil || choices.contains { $0.value == text }
    }

    private func label(_ text: String, entry: ColumnMap.Entry, choices: [Choice]) -> Result<String, ColumnMap.Refusal> {
        if let value = entry.words?.value(of: text) { return .success(value) }
        guard let words = entry.words, !choices.contains(where: { $0.value == text }) else { return .success(text) }
        return .failure(.init(message: "the answer \(PrintableText.quoted(text)) is not one of \(words.origin) in \(PrintableText.quoted(mapPath)); allowed: \(Self.list(words.listed)), or a choice id (\(choices.map(\.value).joined(separator: ", ")))"))
    }

    /// Up to eight words, quoted, then how many more.
    static func list(_ words: [String]) -> String {
        let shown = words.prefix(8).map { PrintableText.quoted($0) }
        return shown.joined(separator: ", ") + (words.count > 8 ? " and \(words.count - 8) more" : "")
    }
}
