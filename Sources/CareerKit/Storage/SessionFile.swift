import Foundation
import Yams

/// Reads a session file as strictly as an answers file: careerpath writes these files, but a
/// file on disk may be damaged or tampered with, and what it holds reaches plans, the history
/// and file names.
///
/// Every problem names the file, the line and column and what is allowed (`CareerError.invalidData`).
enum SessionFile {
    /// The most bytes a session file may have: a whole one-on-one with long notes takes a few KiB.
    static let maximumBytes = 4 << 20

    /// What to do about a file that cannot be used, said after each of its problems.
    static let advice = "careerpath wrote this file; restore it from a backup, or start the session again"

    /// Reads and checks a session file. With `prompts`, its answers, level and names are also
    /// checked against the question bank and the ladder, as an answers file's are.
    static func read(path: String, prompts: PromptSet?) throws -> SessionRecord {
        try read(text: try DataDocument.readText(atPath: path, limit: maximumBytes, what: "a session file"), path: path, prompts: prompts)
    }

    /// Whether a session from elsewhere (a shared history's preparation) passes the checks of
    /// a session file: its answers, level and names against the question bank and the ladder.
    static func accepts(_ record: SessionRecord, prompts: PromptSet) -> Bool {
        guard let data = try? JSONEncoder().encode(record) else { return false }
        return (try? read(text: String(decoding: data, as: UTF8.self), path: record.id, prompts: prompts)) != nil
    }

    /// Checks the text of a session file (see `read(path:prompts:)`).
    static func read(text: String, path: String, prompts: PromptSet?) throws -> SessionRecord {
        let log = DiagnosticLog(path: path)
        guard let root = DataDocument.parse(text, syntax: .json, log: log) else { throw damaged(log) }
        let record: SessionRecord
        do {
            record = try JSONDecoder().decode(SessionRecord.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            let (message, mark) = describe(error, in: root)
            log.add(message + "; " + advice, line: mark?.line ?? 1, column: mark?.column ?? 1)
            throw damaged(log)
        }
        let top = root.mapping
        func mark(_ path: String...) -> Mark? {
            var node: Node? = root
            for key in path { node = node?.mapping?[key] }
            return node?.mark ?? top?[path[0]]?.mark ?? root.mark
        }
        func add(_ message: String, at mark: Mark?) {
            log.add(message, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        guard record.format == SessionRecord.format else {
            add("not a careerpath session file (format \(PrintableText.quoted(record.format))); allowed: \(SessionRecord.format)", at: mark("format"))
            throw CareerError.invalidData(log.sorted())
        }
        if !SessionStore.isValidID(record.id) {
            add(
                "the session id \(PrintableText.quoted(record.id)) is not one careerpath makes; allowed: letters, digits, '-' and '_'; \(advice)",
                at: mark("id"))
        }
        if let prompts {
            checkAnswers(record, root: root, prompts: prompts, log: log)
        } else if SessionDate.parseSessionDate(record.date) == nil {
            add("'date' is \(PrintableText.quoted(record.date)); allowed: \(SessionDate.sessionDateRule)", at: mark("date"))
        }
        try log.throwIfAny()
        return record
    }

    /// The answers, the person and the session's date and mode, through the checks every
    /// answers file goes through (`AnswersBuilder`), each at its place in the file.
    private static func checkAnswers(_ record: SessionRecord, root: Node, prompts: PromptSet, log: DiagnosticLog) {
        var entries: [AnswerEntry] = []
        func entry(_ key: String, _ node: Node?) {
            guard let node else { return }
            let raw: RawAnswer
            switch node {
            case .scalar(let scalar): raw = .scalar(node.isNull ? "" : scalar.string)
            case .sequence(let sequence): raw = .list(sequence.map { $0.scalar?.string ?? "" })
            default: raw = .scalar("")
            }
            entries.append(AnswerEntry(key: key, raw: raw, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1))
        }
        let top = root.mapping
        let person = top?["person"]?.mapping
        entry("person.name", person?["name"])
        entry("person.id", person?["id"])
        entry("person.current_level", person?["current_level"])
        entry("person.domain", person?["domain"])
        entry("manager.name", top?["manager_name"])
        entry("session.date", top?["date"])
        entry("session.mode", top?["mode"])
        for (roleKey, roleNode) in top?["answers"]?.mapping ?? [:] {
            guard let role = roleKey.string else { continue }
            for (itemKey, itemNode) in roleNode.mapping ?? [:] {
                guard let id = itemKey.string else { continue }
                // `n/a` is kept as the text itself; the parser reads it as the bank allows.
                entry(role + "." + id, itemNode)
            }
        }
        let start = (line: root.mark?.line ?? 1, column: root.mark?.column ?? 1)
        _ = AnswersBuilder(prompts: prompts).build(entries, log: log, start: start)
    }

    private static func damaged(_ log: DiagnosticLog) -> CareerError {
        .invalidData(log.sorted())
    }

    /// A decoding error in words, with the place in the file it points at.
    private static func describe(_ error: DecodingError, in root: Node) -> (String, Mark?) {
        func node(at path: [any CodingKey]) -> Node? {
            var node: Node? = root
            for key in path {
                if let index = key.intValue, let sequence = node?.sequence {
                    node = index < sequence.count ? sequence[index] : nil
                } else {
                    node = node?.mapping?[key.stringValue]
                }
            }
            return node
        }
        func name(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ("the session file has no \(PrintableText.quoted(name(context.codingPath + [key])))", node(at: context.codingPath)?.mark)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return ("\(PrintableText.quoted(name(context.codingPath))) has a value of the wrong kind", node(at: context.codingPath)?.mark)
        case .dataCorrupted(let context):
            return ("\(PrintableText.quoted(name(context.codingPath))) has a value careerpath does not write", node(at: context.codingPath)?.mark)
        @unknown default:
            return ("the session file cannot be read", root.mark)
        }
    }
}
