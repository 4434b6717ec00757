import Foundation

/// One person from a bulk input, read but not yet checked: checking (the costly part) is
/// left to `resolve()`, so many entries can be checked in parallel.
public struct BulkEntry: Sendable {
    enum Payload: Sendable {
        case ready(Result<Answers, CareerError>)
        case csvRow(CSVRowBuilder, [String])
        case jsonLine(String, PromptSet)
        case answersFile(PromptSet)
    }

    /// The file the entry came from.
    public var file: String
    /// The line (CSV row, JSON Lines line) where it starts; 1 for a whole file.
    public var line: Int
    /// Whether the entry is a whole file (named by its path alone) rather than a row or line.
    public var isWholeFile: Bool {
        switch payload {
        case .answersFile: return true
        case .ready: return line == 1 && !file.lowercased().hasSuffix(".csv") && !file.lowercased().hasSuffix(".jsonl")
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
        case .answersFile(let prompts):
            return Result { try AnswersFile.load(path: file, prompts: prompts) }.mapError(BulkSource.careerError)
        }
    }
}

/// Streams people from bulk inputs, one at a time and in order: CSV sheets (one person per
/// row), JSON Lines (one answers document per line), and folders of YAML or JSON answers
/// files (sorted by name). Memory stays flat however many people there are.
public final class BulkSource: Sequence, IteratorProtocol {
    private let prompts: PromptSet
    private var pending: [String]
    private var current: AnyIterator<BulkEntry>?

    /// The inputs as absolute paths, to tell them from other files.
    private let inputPaths: [String]

    /// - Parameter inputs: CSV files, JSON Lines files (`.jsonl`), or folders.
    public init(inputs: [String], prompts: PromptSet) {
        self.prompts = prompts
        self.pending = inputs
        inputPaths = inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// Whether `path` is one of the inputs or inside an input folder.
    func reads(_ path: String) -> Bool {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        return inputPaths.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
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
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") { return csv(path) }
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return jsonLines(path) }
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") || lowered.hasSuffix(".json") {
            return AnyIterator([BulkEntry(file: path, line: 1, payload: .answersFile(prompts))].makeIterator())
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
            reader = try CSVAnswersReader(path: path, prompts: prompts)
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
        let names = listing
            .filter {
                let lowered = $0.lowercased()
                return !$0.hasPrefix(".") && (lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") || lowered.hasSuffix(".json"))
            }.sorted()
        var iterator = names.makeIterator()
        let prompts = self.prompts
        return AnyIterator {
            guard let name = iterator.next() else { return nil }
            let file = (path as NSString).appendingPathComponent(name)
            return BulkEntry(file: file, line: 1, payload: .answersFile(prompts))
        }
    }

    static func careerError(_ error: Error) -> CareerError {
        (error as? CareerError) ?? .usage("\(error)")
    }
}
