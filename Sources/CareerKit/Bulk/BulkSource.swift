import Foundation

/// One person from a bulk input, read but not yet checked: checking (the costly part) is
/// left to `resolve()`, so many entries can be checked in parallel.
public struct BulkEntry: Sendable {
    enum Payload: Sendable {
        case ready(Result<Answers, CareerError>)
        case csvRow(CSVRowBuilder, [String])
        case jsonLine(String, PromptSet)
        /// An answers file; `fromFolder` when it was found by listing an input folder.
        case answersFile(PromptSet, fromFolder: Bool)
    }

    /// The file the entry came from.
    public var file: String
    /// The line (CSV row, JSON Lines line) where it starts; 1 for a whole file.
    public var line: Int
    /// Whether the entry is a whole file (named by its path alone) rather than a row or line.
    public var isWholeFile: Bool {
        switch payload {
        case .answersFile: return true
        case .ready:
            let kind = BulkInputKind(path: file)
            return line == 1 && kind != .sheet && kind != .jsonLines
        default: return false
        }
    }
    let payload: Payload

    /// Checks the entry and builds its answers.
    public func resolve() -> Result<Answers, CareerError> {
        switch payload {
        case .ready(let result):
            return result
        case .csvRow(let builder, let cells):
            return builder.build(cells, line: line)
        case .jsonLine(let text, let prompts):
            return Result {
                try AnswersFile.parse(text, path: file, syntax: .json, prompts: prompts, lineOffset: line - 1)
            }.mapError(BulkSource.careerError)
        case .answersFile(let prompts, let fromFolder):
            return Result { try AnswersFile.load(path: file, prompts: prompts, fromFolder: fromFolder) }
                .mapError(BulkSource.careerError)
        }
    }
}

extension BulkEntry {
    /// The cell of a CSV row's column (trimmed), or nil when the entry is no CSV row or its
    /// sheet has no such column.
    public func cell(_ key: String) -> String? {
        guard case .csvRow(let builder, let cells) = payload, let index = builder.header.firstIndex(of: key), index < cells.count
        else { return nil }
        return cells[index].trimmingCharacters(in: .whitespaces)
    }

    /// Whose entry it is, as far as it could be read (for `errors.csv`): the `person.id` and
    /// `person.name` cells of a CSV row, the same fields of a JSON Lines document; empty when
    /// the entry could not be read that far or is a whole file (its path says whose it is).
    public func who() -> (id: String, name: String) {
        func clean(_ text: String?) -> String {
            guard let text else { return "" }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            // A huge cell is not echoed into the errors file.
            return trimmed.count > Person.fieldLimit ? String(trimmed.prefix(Person.fieldLimit)) + "..." : trimmed
        }
        switch payload {
        case .csvRow(let builder, let cells):
            func cell(_ key: String) -> String? {
                guard let index = builder.header.firstIndex(of: key), index < cells.count else { return nil }
                return cells[index]
            }
            return (clean(cell("person.id")), clean(cell("person.name")))
        case .jsonLine(let text, _):
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                let person = object["person"] as? [String: Any]
            else { return ("", "") }
            let id = person["id"].map { $0 is NSNull ? "" : "\($0)" }
            return (clean(id), clean(person["name"] as? String))
        case .ready, .answersFile:
            return ("", "")
        }
    }
}

/// What kind of bulk input a file is, by its name: the one place that says so.
public enum BulkInputKind: Sendable, Equatable {
    /// A CSV sheet, one person per row after the header.
    case sheet
    /// JSON Lines (`.jsonl` or `.ndjson`), one answers document per line.
    case jsonLines
    /// One YAML or JSON answers file.
    case answersFile
    case unknown

    public init(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") {
            self = .sheet
        } else if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") {
            self = .jsonLines
        } else if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") || lowered.hasSuffix(".json") {
            self = .answersFile
        } else {
            self = .unknown
        }
    }
}

/// Streams people from bulk inputs, one at a time and in order: CSV sheets (one person per
/// row), JSON Lines (one answers document per line), and folders of YAML or JSON answers
/// files (sorted by name). Memory stays flat however many people there are.
///
/// The entries of an input folder are read only when they are regular files: a symbolic link
/// (`leak.yaml -> /etc/shadow`) is not followed and a pipe or a device is not opened; each is
/// listed in `skipped`.
public final class BulkSource: Sequence, IteratorProtocol {
    /// An entry of an input folder that was not read, and why.
    public struct Skipped: Hashable, Sendable {
        public var path: String
        public var reason: String
    }

    private let prompts: PromptSet
    private let inputs: [String]
    /// Columns a sheet may have besides the template's (`bulk --group-by`).
    private let extraColumns: Set<String>
    /// How the columns of form exports become the sheet's (`--map`); nil for sheets as they are.
    private let map: ColumnMap?
    private var pending: [String]
    private var current: AnyIterator<BulkEntry>?
    /// The entries of input folders passed over so far, in order.
    public private(set) var skipped: [Skipped] = []

    /// The inputs as absolute paths, to tell them from other files.
    private let inputPaths: [String]

    /// - Parameter inputs: CSV files, JSON Lines files (`.jsonl`), or folders.
    /// - Parameter extraColumns: columns a sheet may have besides the template's, such as
    ///   the grouping columns of `bulk --group-by`.
    /// - Parameter map: a column map every CSV input is read through (a form export); JSON Lines
    ///   and answers files are read as they are.
    public init(inputs: [String], prompts: PromptSet, extraColumns: Set<String> = [], map: ColumnMap? = nil) {
        self.prompts = prompts
        self.inputs = inputs
        self.extraColumns = extraColumns
        self.map = map
        self.pending = inputs
        inputPaths = inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// A new source over the same inputs, from the start (a run that reads them twice).
    public func again() -> BulkSource {
        BulkSource(inputs: inputs, prompts: prompts, extraColumns: extraColumns, map: map)
    }

    /// Whether `path` is one of the inputs or inside an input folder.
    func reads(_ path: String) -> Bool {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        return inputPaths.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    /// Each input that does not exist or cannot be opened, as the error to report: checked
    /// before a run creates anything.
    public func unreadableInputs() -> [CareerError] {
        inputs.compactMap { path -> CareerError? in
            var status = stat()
            guard stat(path, &status) == 0 else {
                let failure = errno
                return .cannotRead(path: path, reason: failure == ENOENT ? "no such file or folder" : PrivateFile.describe(failure))
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                guard let listing = opendir(path) else { return .cannotRead(path: path, reason: "the folder cannot be listed") }
                closedir(listing)
                return nil
            }
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { return .cannotRead(path: path, reason: PrivateFile.describe(errno)) }
            close(descriptor)
            return nil
        }
    }

    /// Every problem of a sheet's header (a missing `person.name` column, an unknown column,
    /// bytes that are not UTF-8): such a sheet has no row that can be read, so a run refuses it
    /// before it writes anything. Checked after `unreadableInputs()`.
    public func headerProblems() -> [Diagnostic] {
        inputs.flatMap { path -> [Diagnostic] in
            guard BulkInputKind(path: path) == .sheet else { return [] }
            do {
                _ = try CSVAnswersReader(path: path, prompts: prompts, extraColumns: extraColumns, map: map)
                return []
            } catch CareerError.invalidData(let diagnostics) {
                return diagnostics
            } catch {
                return []  // cannot be read: reported as such by the run
            }
        }
    }

    /// With a column map, each sheet's headings that the map places nowhere, by sheet path in
    /// input order (sheets with none, and those whose header cannot be read, left out): their
    /// columns are not read, which is worth a note, not an error.
    public func unplacedHeadings() -> [(path: String, headings: [ColumnMap.Unplaced])] {
        guard let map else { return [] }
        return inputs.compactMap { path in
            guard BulkInputKind(path: path) == .sheet,
                let reader = try? CSVAnswersReader(path: path, prompts: prompts, extraColumns: extraColumns, map: map),
                !reader.unplaced.isEmpty
            else { return nil }
            return (path, reader.unplaced)
        }
    }

    public func next() -> BulkEntry? {
        while true {
            if let entry = current?.next() { return entry }
            guard !pending.isEmpty else { return nil }
            current = open(pending.removeFirst())
        }
    }

    private func open(_ path: String) -> AnyIterator<BulkEntry> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return single(path, .failure(.cannotRead(path: path, reason: "no such file or folder")))
        }
        if isDirectory.boolValue { return folder(path) }
        switch BulkInputKind(path: path) {
        case .sheet: return csv(path)
        case .jsonLines: return jsonLines(path)
        case .answersFile:
            return AnyIterator([BulkEntry(file: path, line: 1, payload: .answersFile(prompts, fromFolder: false))].makeIterator())
        case .unknown: break
        }
        return single(
            path,
            .failure(.invalidData([Diagnostic(path: path, line: 1, column: 1, message: "unknown input; allowed: .csv, .jsonl, .yaml, .yml, .json files or a folder of answers files")])))
    }

    private func single(_ path: String, _ result: Result<Answers, CareerError>) -> AnyIterator<BulkEntry> {
        var done = false
        return AnyIterator {
            guard !done else { return nil }
            done = true
            return BulkEntry(file: path, line: 1, payload: .ready(result))
        }
    }

    private func csv(_ path: String) -> AnyIterator<BulkEntry> {
        let reader: CSVAnswersReader
        do {
            reader = try CSVAnswersReader(path: path, prompts: prompts, extraColumns: extraColumns, map: map)
        } catch {
            return single(path, .failure(Self.careerError(error)))
        }
        return AnyIterator {
            switch reader.nextCells() {
            case nil: return nil
            case .cells(let line, let cells)?:
                return BulkEntry(file: path, line: line, payload: .csvRow(reader.rowBuilder, cells))
            case .failure(let line, let error)?:
                return BulkEntry(file: path, line: line, payload: .ready(.failure(error)))
            }
        }
    }

    private func jsonLines(_ path: String) -> AnyIterator<BulkEntry> {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG || status.st_mode & S_IFMT == S_IFIFO else {
            // A device such as /dev/zero would never end.
            return single(path, .failure(.cannotRead(path: path, reason: "it is not a regular file or a pipe")))
        }
        guard let lines = CappedLines(path: path, limit: AnswersFile.maximumBytes) else {
            return single(path, .failure(.cannotRead(path: path, reason: "cannot open it")))
        }
        var lineNumber = 0
        let prompts = self.prompts
        return AnyIterator {
            while let line = lines.next() {
                lineNumber += 1
                guard let bytes = line else {
                    // Refused before it is parsed: one person's answers take a few KiB.
                    return BulkEntry(
                        file: path, line: lineNumber,
                        payload: .ready(.failure(.invalidData([
                            Diagnostic(
                                path: path, line: lineNumber, column: 1,
                                message: "the line is longer than \(AnswersFile.maximumBytes / 1024) KiB; one answers document is far smaller")
                        ]))))
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    return BulkEntry(
                        file: path, line: lineNumber,
                        payload: .ready(.failure(.invalidData([
                            Diagnostic(path: path, line: lineNumber, column: 1, message: "the line is not UTF-8 text")
                        ]))))
                }
                guard !text.isBlank else { continue }
                return BulkEntry(file: path, line: lineNumber, payload: .jsonLine(text, prompts))
            }
            return nil
        }
    }

    private func folder(_ path: String) -> AnyIterator<BulkEntry> {
        guard let listing = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return single(path, .failure(.cannotRead(path: path, reason: "the folder cannot be listed")))
        }
        var files: [String] = []
        for name in listing.sorted() {
            let lowered = name.lowercased()
            guard !name.hasPrefix("."), lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") || lowered.hasSuffix(".json")
            else { continue }
            let file = PathName.join(path, name)
            var status = stat()
            guard lstat(file, &status) == 0 else { continue }  // gone since the listing
            switch status.st_mode & S_IFMT {
            case S_IFREG: files.append(file)
            case S_IFLNK: skipped.append(Skipped(path: file, reason: "a symbolic link, which is not followed"))
            case S_IFDIR: skipped.append(Skipped(path: file, reason: "a folder"))
            default: skipped.append(Skipped(path: file, reason: "not a regular file"))
            }
        }
        var iterator = files.makeIterator()
        let prompts = self.prompts
        return AnyIterator {
            guard let file = iterator.next() else { return nil }
            return BulkEntry(file: file, line: 1, payload: .answersFile(prompts, fromFolder: true))
        }
    }

    static func careerError(_ error: Error) -> CareerError {
        (error as? CareerError) ?? .usage("\(error)")
    }
}
