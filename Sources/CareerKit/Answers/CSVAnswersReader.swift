import CSV
import Foundation

/// Reads an HR sheet: one person per CSV row, the header of `docs/contract.md`.
///
/// Rows are read one at a time from a stream, so memory stays flat however long the file
/// is. Each row gives its own result: a bad row never stops the rows after it. Positions are
/// the row's line in the file and the cell's position in the row (1 = first cell).
public final class CSVAnswersReader: Sequence, IteratorProtocol {
    /// One row's outcome.
    public struct Row: Sendable {
        /// The line of the file where the row starts.
        public var line: Int
        public var result: Result<Answers, CareerError>
    }

    public let path: String
    private let reader: CSVReader
    /// The file, with over-long cells cut short (nil for text held in memory).
    private let limited: LimitedCSVStream?
    /// The record CSV.swift gives next (the header is record 0).
    private var record = 1
    private let header: [String]
    /// Turns one row's cells into answers; safe to use from many threads at once.
    public let rowBuilder: CSVRowBuilder
    /// With a column map, the sheet's headings it places nowhere (their columns are left out).
    public let unplaced: [ColumnMap.Unplaced]
    private var nextLine: Int
    private var finished = false

    /// Opens the file and checks its header.
    ///
    /// - Parameter extraColumns: columns the sheet may have besides the template's, such as the
    ///   grouping columns of `bulk --group-by` (`person.site`): allowed and not read as answers.
    /// - Parameter map: how a form export's columns and answer words become the sheet's; its
    ///   headings are then the form's, and its cells are turned into values as they are read.
    /// - Throws: `CareerError.invalidData` when the header has unknown, repeated or missing
    ///   columns, or the map names a heading the sheet lacks; `CareerError.cannotRead` when the
    ///   file cannot be opened.
    public convenience init(path: String, prompts: PromptSet, extraColumns: Set<String> = [], map: ColumnMap? = nil) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let stream = LimitedCSVStream(
                path: path, cellLimit: Self.cellLimit(for: prompts.bank), cellCountLimit: Self.cellCountLimit)
        else { throw CareerError.cannotRead(path: path, reason: "no such file") }
        // The sheet is read twice (its bytes checked first): only a file can be, and a device
        // such as /dev/zero would never end.
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw CareerError.cannotRead(path: path, reason: "it is not a regular file; save the sheet to a file and name that")
        }
        if let bad = UTF8Check.firstInvalidByte(inFileAtPath: path) {
            throw CareerError.invalidData([
                Diagnostic(
                    path: path, line: bad.line, column: bad.column,
                    message: "the file is not UTF-8 text from here (byte 0x\(String(bad.byte, radix: 16, uppercase: true))); save the sheet as \"CSV UTF-8\" and try again")
            ])
        }
        try self.init(stream: stream, limited: stream, path: path, prompts: prompts, extraColumns: extraColumns, map: map)
    }

    /// Reads CSV text held in memory.
    public convenience init(text: String, path: String, prompts: PromptSet, extraColumns: Set<String> = [], map: ColumnMap? = nil) throws {
        try self.init(
            stream: InputStream(data: Data(text.utf8)), limited: nil, path: path, prompts: prompts, extraColumns: extraColumns, map: map)
    }

    /// The most cells a row may have: far more than a header of every item for both roles.
    static let cellCountLimit = 1024

    /// The longest cell a sheet may need: the longest free text the bank allows, a list cell
    /// naming every choice, a name. A longer cell is cut short as it is read and its row refused.
    static func cellLimit(for bank: QuestionBank) -> Int {
        var limit = Person.fieldLimit
        for item in bank.items {
            switch item.kind {
            case .text(let maximum): limit = Swift.max(limit, maximum)
            case .multi(let choices), .pick(_, let choices): limit = Swift.max(limit, choices.reduce(0) { $0 + $1.value.count + 2 })
            default: break
            }
        }
        return limit
    }

    private init(
        stream: InputStream, limited: LimitedCSVStream?, path: String, prompts: PromptSet, extraColumns: Set<String> = [],
        map: ColumnMap? = nil
    ) throws {
        self.path = path
        self.limited = limited
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw CareerError.invalidData([
                Diagnostic(path: path, line: 1, column: 1, message: "the file has no header row; see `careerpath template csv`")
            ])
        }
        let headings = (reader.headerRow ?? []).enumerated().map { index, cell in
            var name = cell.trimmingCharacters(in: .whitespaces)
            if index == 0, name.hasPrefix("\u{FEFF}") { name.removeFirst() }  // a spreadsheet's byte order mark
            return name
        }
        let headerCut = limited?.takeCut(ofRecord: 0)
        nextLine = 1 + 1 + headings.reduce(0) { $0 + Self.lineBreaks(in: $1) } + (headerCut?.lineFeeds ?? 0)
        if let headerCut { try Self.refuseHeader(headerCut, path: path) }
        // A form export's headings become the sheet's columns; those the map does not place are
        // left out.
        let binding = try map?.bind(
            headings: headings, sheet: path, sheetColumns: Set(AnswersTemplate.csvColumns(for: prompts.bank)).union(extraColumns))
        header = binding?.header ?? headings
        unplaced = binding?.unplaced ?? []
        try Self.checkHeader(
            header, path: path, prompts: prompts, extraColumns: extraColumns, skipped: binding?.skipped ?? [], map: map?.path)
        rowBuilder = CSVRowBuilder(
            path: path, header: header, builder: AnswersBuilder(prompts: prompts), extraColumns: extraColumns, binding: binding)
    }

    /// Line breaks inside a quoted cell, counted as bytes so "\r\n" (one Character) counts too.
    static func lineBreaks(in cell: String) -> Int {
        cell.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// A header with a cell or cells beyond the limits is no sheet careerpath wrote.
    private static func refuseHeader(_ cut: LimitedCSVStream.Cut, path: String) throws {
        if cut.endless || cut.unclosedQuote != nil {
            throw CareerError.invalidData([
                Diagnostic(
                    path: path, line: 1, column: (cut.unclosedQuote ?? 0) + 1,
                    message: cut.endless
                        ? "the header goes on for more than \(LimitedCSVStream.recordByteLimit >> 20) MiB; this is not a sheet (see `careerpath template csv`)"
                        : "a quoted header cell is never closed (see `careerpath template csv`)")
            ])
        }
        var diagnostics = cut.cells.keys.sorted().map { index in
            Diagnostic(
                path: path, line: 1, column: index + 1,
                message: "the header cell has \(cut.cells[index]!) characters; a column name is far shorter (see `careerpath template csv`)")
        }
        if let count = cut.cellCount {
            diagnostics.append(
                Diagnostic(
                    path: path, line: 1, column: cellCountLimit + 1,
                    message: "the header has \(count) cells; allowed: up to \(cellCountLimit) (see `careerpath template csv`)"))
        }
        throw CareerError.invalidData(diagnostics)
    }

    /// The header cells every sheet needs.
    public static let requiredColumns = ["person.name", "person.current_level"]

    private static func checkHeader(
        _ header: [String], path: String, prompts: PromptSet, extraColumns: Set<String>, skipped: Set<Int> = [], map: String? = nil
    ) throws {
        let log = DiagnosticLog(path: path)
        var seen: Set<String> = []
        for (index, cell) in header.enumerated() where !skipped.contains(index) {
            if !seen.insert(cell).inserted {
                log.add("column \(PrintableText.quoted(cell)) appears more than once in the header", line: 1, column: index + 1)
                continue
            }
            if AnswersBuilder.metaKeys.contains(cell) || extraColumns.contains(cell) { continue }
            let parts = cell.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let role = Role(rawValue: parts[0]), let item = prompts.bank.item(parts[1]) else {
                log.add(
                    "unknown column \(PrintableText.quoted(cell)); allowed: \(AnswersBuilder.metaKeys.joined(separator: ", ")), contributor.<item id>, manager.<item id> (see `careerpath template csv`)",
                    line: 1, column: index + 1)
                continue
            }
            if item.role != role {
                log.add(
                    "column '\(cell)': item '\(item.id)' is answered by the \(item.role.rawValue); name the column '\(item.role.rawValue).\(item.id)'",
                    line: 1, column: index + 1)
            }
        }
        for column in requiredColumns where !seen.contains(column) {
            if let map {
                log.add(
                    "the header needs the column '\(column)', and the map \(PrintableText.quoted(map)) places none there; add '\(column)' under 'columns' with the form's heading for it",
                    line: 1, column: 1, item: column)
            } else {
                log.add("the header needs the column '\(column)'", line: 1, column: 1)
            }
        }
        try log.throwIfAny()
    }

    /// Reads the next row, or nil at the end of the file.
    public func next() -> Row? {
        guard let raw = nextCells() else { return nil }
        switch raw {
        case .cells(let line, let cells): return Row(line: line, result: rowBuilder.build(cells, line: line))
        case .failure(let line, let error): return Row(line: line, result: .failure(error))
        }
    }

    /// One row as read, before its cells are checked.
    public enum RawRow: Sendable {
        case cells(line: Int, cells: [String])
        case failure(line: Int, error: CareerError)
    }

    /// Reads the next row's cells without checking them (for callers that check rows in
    /// parallel with `rowBuilder`), or nil at the end of the file.
    public func nextCells() -> RawRow? {
        guard !finished else { return nil }
        while let cells = reader.next() {
            let line = nextLine
            let cut = limited?.takeCut(ofRecord: record)
            record += 1
            nextLine += 1 + cells.reduce(0) { $0 + Self.lineBreaks(in: $1) } + (cut?.lineFeeds ?? 0)
            if let cut, let refusal = rowBuilder.refuse(cut, line: line) { return .failure(line: line, error: refusal) }
            if cells.allSatisfy(\.isBlank) { continue }  // a blank line
            return .cells(line: line, cells: cells)
        }
        finished = true
        // On Linux a file stream reports more bytes until a read returns none, so CSV.swift
        // ends every file with `cannotReadFile`: that one means the end, not a fault.
        if let error = reader.error, !Self.isEndOfFile(error) {
            let line = nextLine
            nextLine += 1
            return .failure(line: line, error: .invalidData([Diagnostic(path: path, line: line, column: 1, message: Self.describe(error))]))
        }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        if case CSVError.unicodeDecoding = error { return "the file is not UTF-8 text from here on" }
        return "the file cannot be read further: \(error)"
    }

    private static func isEndOfFile(_ error: Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }

}

/// Checks one CSV row's cells against the header and the bank and builds the answers.
public struct CSVRowBuilder: Sendable {
    let path: String
    let header: [String]
    let builder: AnswersBuilder
    /// Per column, worked out once per file: how its cells are read and the item it answers.
    private let columns: [Column]
    /// The positions of extra columns (`bulk --group-by`) and of headings a column map does not
    /// place, which are not answers.
    private let extra: Set<Int>
    /// The column map placed on the sheet, which turns the form's answer words into values.
    private let binding: ColumnMap.Binding?

    private struct Column {
        enum Reading { case asIs, list, trimmed }
        var reading: Reading
        var target: AnswerEntry.Target?
        /// The most characters its cells may have.
        var limit: Int
    }

    init(path: String, header: [String], builder: AnswersBuilder, extraColumns: Set<String> = [], binding: ColumnMap.Binding? = nil) {
        self.path = path
        self.header = header
        self.builder = builder
        self.binding = binding
        // A template column named for grouping (`person.domain`) is still read as itself.
        extra = Set(header.indices.filter { extraColumns.contains(header[$0]) && !AnswersBuilder.isMetaKey(header[$0]) })
            .union(binding?.skipped ?? [])
        let bank = builder.prompts.bank
        let cellLimit = CSVAnswersReader.cellLimit(for: bank)
        columns = header.map { key in
            guard !AnswersBuilder.isMetaKey(key), let named = AnswersBuilder.roleAndID(of: key),
                let item = bank.item(named.id)
            else {
                // Person and session fields, and columns the builder will report as unknown.
                let limit = AnswersBuilder.limitedKeys.contains(key) ? Person.fieldLimit : cellLimit
                return Column(reading: .asIs, target: nil, limit: limit)
            }
            let reading: Column.Reading
            switch item.kind {
            case .multi, .pick: reading = .list
            case .text: reading = .asIs
            default: reading = .trimmed
            }
            var limit = cellLimit
            if case .text(let maximum) = item.kind { limit = maximum }
            return Column(reading: reading, target: AnswerEntry.Target(role: named.role, id: named.id, item: item), limit: limit)
        }
    }

    /// The errors of a row that had a cell cut short or too many cells: refused before any of
    /// its cells is checked. Nil when only cells that are not read were cut (a long comment in
    /// a column the map leaves out).
    func refuse(_ cut: LimitedCSVStream.Cut, line: Int) -> CareerError? {
        var cut = cut
        if let skipped = binding?.skipped { cut.cells = cut.cells.filter { !skipped.contains($0.key) } }
        guard cut.endless || cut.unclosedQuote != nil || cut.cellCount != nil || !cut.cells.isEmpty else { return nil }
        let log = DiagnosticLog(path: path)
        if let cell = cut.unclosedQuote {
            log.add(
                "a quoted cell starts in this row and its closing quote never comes, so the rest of the file was read into it; close the quote (a quote inside a cell is written twice: \"\")",
                line: line, column: cell + 1)
        }
        if cut.endless {
            log.add(
                "the row goes on for more than \(LimitedCSVStream.recordByteLimit >> 20) MiB; the file was not read further", line: line,
                column: 1)
        }
        if let count = cut.cellCount {
            log.add(
                "the row has \(count) cells but the header has \(header.count); a cell with a comma needs quotes",
                line: line, column: Swift.min(count, header.count) + 1)
        }
        for (index, length) in cut.cells.sorted(by: { $0.key < $1.key }) {
            let limit = index < columns.count ? columns[index].limit : CSVAnswersReader.cellCountLimit
            guard index < header.count else { continue }
            let key = header[index]
            let what = columns[index].target.map { "\($0.role.rawValue) item '\($0.id)': the cell" } ?? "'\(key)'"
            log.add("\(what) has \(length) characters; allowed: up to \(limit)", line: line, column: index + 1, item: key)
        }
        return .invalidData(log.sorted())
    }

    public func build(_ cells: [String], line: Int) -> Result<Answers, CareerError> {
        let log = DiagnosticLog(path: path)
        if cells.count != header.count {
            log.add(
                "the row has \(cells.count) cells but the header has \(header.count); a cell with a comma needs quotes",
                line: line, column: Swift.min(cells.count, header.count) + 1)
            return .failure(.invalidData(log.sorted()))
        }
        var entries: [AnswerEntry] = []
        entries.reserveCapacity(cells.count)
        for (index, original) in cells.enumerated() {
            if !extra.isEmpty, extra.contains(index) { continue }
            let column = columns[index]
            var cell = original
            if let binding {
                switch binding.translate(original, column: index) {
                case .success(let value): cell = value
                case .failure(let refusal):
                    let what = column.target.map { "\($0.role.rawValue) item '\($0.id)': " } ?? ""
                    log.add(what + refusal.message, line: line, column: index + 1, item: header[index])
                    continue
                }
            }
            let raw: RawAnswer
            switch column.reading {
            case .asIs:
                raw = .scalar(cell)
            case .list:
                var values: [String] = []
                // Split by bytes when the cell is ASCII; otherwise by characters, so a ';' that
                // carries a combining mark stays part of its value, as before.
                if cell.allUTF8Bytes(satisfy: { $0 < 0x80 }) {
                    for part in cell.utf8.split(separator: UInt8(ascii: ";")) {
                        let value = Substring(part).trimmingWhitespace()
                        if !value.isEmpty { values.append(value) }
                    }
                } else {
                    values = cell.split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                }
                // An empty multi cell is unanswered, never "none": only a file can say none.
                raw = values.isEmpty ? .scalar("") : .list(values)
            case .trimmed:
                raw = .scalar(cell.trimmingWhitespace())
            }
            entries.append(AnswerEntry(key: header[index], raw: raw, line: line, column: index + 1, target: column.target))
        }
        guard let answers = builder.build(entries, log: log, start: (line, 1)), log.isEmpty else {
            return .failure(.invalidData(log.sorted()))
        }
        return .success(answers)
    }
}
