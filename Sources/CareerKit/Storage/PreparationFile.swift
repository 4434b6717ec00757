import Foundation
import Yams

/// A finished preparation (a self-assessment or a manager's preparation) as a file to send,
/// for teams without a shared history: `talk --mode self --write-preparation FILE` writes it,
/// and the one-on-one takes it with `--preparation FILE`. The file is the session document
/// (`careerpath.session/1`), read back as strictly as an answers file: every problem is named
/// by line and column.
public enum PreparationFile {
    /// The largest file accepted: a preparation is a few kilobytes.
    static let limit = 1 << 20

    /// Writes the finished preparation, owner-only.
    public static func write(_ record: SessionRecord, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var sent = record
        // The plan files are paths on the sender's laptop: nothing for the receiver.
        sent.planFiles = []
        let text = String(decoding: try encoder.encode(sent), as: UTF8.self) + "\n"
        try PrivateFile.write(text, to: path, durably: true)
    }

    static let keys = [
        "format", "id", "status", "created", "updated", "person", "manager_name", "mode", "date", "answers", "skipped", "notes",
        "plan_files", "follows", "review", "preparations", "answer_sources", "agenda", "covered", "outcomes",
        "follow_up",
    ]

    /// Reads and checks a preparation file: a finished self-assessment or manager's preparation
    /// of `person` (by employee id when both have one, else by name), dated on or before `date`
    /// and at most 90 days earlier, whose every answer is one the question bank allows for the
    /// role that gives it in that mode.
    ///
    /// - Throws: `CareerError.cannotRead` for a missing file; `CareerError.invalidData` naming
    ///   each problem's line and column.
    public static func load(path: String, prompts: PromptSet, person: String, personID: String?, date: String) throws
        -> SessionRecord
    {
        let text = try DataDocument.readText(atPath: path, limit: limit)
        let log = DiagnosticLog(path: path)
        guard let root = DataDocument.parse(text, syntax: .json, log: log) else {
            try log.throwIfAny()
            throw CareerError.invalidData([Diagnostic(path: path, line: 1, column: 1, message: "the file is empty")])
        }
        guard let fields = log.fields(root, "the preparation", allowed: keys, required: ["format", "id", "status", "person", "mode", "date", "answers"])
        else { try log.throwIfAny(); return try decode(text, path: path) }
        if let format = log.string(fields["format"], "format"), format != SessionRecord.format {
            log.add("format is \(PrintableText.quoted(format)); allowed: \(SessionRecord.format) (a file `talk --write-preparation` wrote)", at: fields["format"]?.mark)
        }
        if let id = log.text(fields["id"], "id"), id.count > 120 || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            log.add("id is \(PrintableText.quoted(PrintableText.excerpt(id))); allowed: letters, digits, '-', '_' and '.' (a session id)", at: fields["id"]?.mark)
        }
        _ = log.oneOf(fields["status"], "status", [SessionRecord.Status.finished.rawValue])
        let mode = log.oneOf(fields["mode"], "mode", [Mode.selfAssessment.rawValue, Mode.manager.rawValue]).flatMap(Mode.init(rawValue:))
        if let day = log.string(fields["date"], "date") {
            if SessionDate.parse(day) == nil {
                log.add("date is \(PrintableText.quoted(day)); allowed: a date YYYY-MM-DD", at: fields["date"]?.mark)
            } else if day > date || day < (Preparations.earliestDate(before: date) ?? day) {
                log.add(
                    "the preparation is of \(day); a one-on-one on \(date) takes preparations of the \(Preparations.windowDays) days before it",
                    at: fields["date"]?.mark)
            }
        }
        if let who = log.fields(fields["person"], "person", allowed: ["name", "id", "current_level", "domain"], required: ["name", "current_level"]) {
            let name = log.text(who["name"], "person.name")
            let id = log.string(who["id"], "person.id")
            if let level = log.string(who["current_level"], "person.current_level"), prompts.ladder.level(level) == nil {
                log.add("person.current_level is \(PrintableText.quoted(level)); allowed: a level id of the ladder (see `careerpath template yaml`)", at: who["current_level"]?.mark)
            }
            if let name {
                let same = personID != nil && id != nil
                    ? personID!.lowercased() == id!.lowercased() : name.lowercased() == person.lowercased()
                if !same {
                    log.add(
                        "this is the preparation of \(PrintableText.quoted(name))\(id.map { " (\($0))" } ?? ""); this one-on-one is with \(PrintableText.quoted(person))",
                        at: who["name"]?.mark)
                }
            }
        }
        if let mode, let answers = log.fields(fields["answers"], "answers", allowed: mode.roles.map(\.rawValue)) {
            for role in mode.roles {
                guard let node = answers[role.rawValue], let items = log.fields(node, "answers.\(role.rawValue)") else { continue }
                for key in items.order {
                    let value = items[key]!
                    guard let item = prompts.bank.item(key), item.role == role else {
                        log.add("answers.\(role.rawValue) has an unknown item \(PrintableText.quoted(key)) for the \(role.rawValue); see `careerpath template yaml` for every item id", at: items.mark(of: key))
                        continue
                    }
                    let raw: RawAnswer
                    switch value {
                    case .sequence(let list): raw = .list(list.map { $0.scalar?.string ?? "" })
                    case .scalar(let scalar): raw = .scalar(scalar.string)
                    default:
                        log.add("answers.\(role.rawValue).\(key) must be a value or a list, found \(value.kindName)", at: value.mark)
                        continue
                    }
                    if case .failure(let problem) = AnswerParser.strict(raw, for: item) {
                        log.add("\(role.rawValue) item '\(key)': \(problem.message)", at: value.mark)
                    }
                }
            }
        }
        if let skipped = fields["skipped"] {
            if case .sequence(let list) = skipped {
                for entry in list where entry.scalar.map({ prompts.bank.item($0.string) == nil }) ?? true {
                    log.add("skipped names \(entry.kindName), which is no item of the question bank", at: entry.mark)
                }
            } else {
                log.add("skipped must be a list of item ids, found \(skipped.kindName)", at: skipped.mark)
            }
        }
        try log.throwIfAny()
        var record = try decode(text, path: path)
        record.planFiles = []
        return record
    }

    private static func decode(_ text: String, path: String) throws -> SessionRecord {
        do {
            return try JSONDecoder().decode(SessionRecord.self, from: Data(text.utf8))
        } catch {
            throw CareerError.invalidData([
                Diagnostic(path: path, line: 1, column: 1, message: "the preparation cannot be read as a session: \(PrintableText.excerpt(error.localizedDescription, limit: 200))")
            ])
        }
    }
}
