import Foundation

/// Turns the entries of one answers document (from YAML, JSON or a CSV row) into `Answers`,
/// checking every value against the bank and the ladder. All three shapes meet here, so they
/// give the same model and the same errors.
struct AnswersBuilder {
    let prompts: PromptSet

    static let personKeys = [
        "person.name", "person.id", "person.current_level", "person.domain", "person.years_experience",
        "person.years_managing",
    ]
    static let metaKeys = personKeys + ["manager.name", "manager.id", "session.date", "session.mode"]
    private static let metaKeySet = Set(metaKeys)
    /// The fields `Person.fieldLimit` applies to.
    static let limitedKeys: Set<String> = [
        "person.name", "person.id", "person.current_level", "person.domain", "manager.name", "manager.id",
    ]

    /// Whether the key is one of `metaKeys` rather than an answer.
    static func isMetaKey(_ key: String) -> Bool { metaKeySet.contains(key) }

    /// The role and item id an answer key names (`contributor.depth.mastery`), or nil when
    /// it does not start with a role.
    static func roleAndID(of key: String) -> (role: Role, id: String)? {
        guard let dot = key.firstIndex(of: "."), let role = Role(rawValue: String(key[..<dot])) else { return nil }
        return (role, String(key[key.index(after: dot)...]))
    }

    /// Builds the answers, or returns nil after logging every problem.
    /// - Parameter start: where problems about the whole document (missing keys) are reported.
    func build(_ entries: [AnswerEntry], log: DiagnosticLog, start: (line: Int, column: Int), hasNotes: String? = nil)
        -> Answers?
    {
        let before = log.diagnostics.count
        var meta: [String: AnswerEntry] = [:]
        var blank: [String: AnswerEntry] = [:]
        /// Fields refused already (a list, too long): not reported missing as well.
        var refused: Set<String> = []
        var responses: [Role: [String: AnswerValue]] = [:]
        for entry in entries {
            let role: Role
            let id: String
            let item: BankItem
            if let target = entry.target {
                (role, id, item) = (target.role, target.id, target.item)
            } else {
                if Self.isMetaKey(entry.key) {
                    switch entry.raw {
                    case .scalar(let text) where text.isBlank:
                        blank[entry.key] = entry
                    case .scalar(let text) where Self.limitedKeys.contains(entry.key) && text.utf8.count > Person.fieldLimit:
                        // Counted in bytes first: a huge value is not walked character by character.
                        let count = text.utf8.count > 4 * Person.fieldLimit ? nil : text.count
                        if let count, count <= Person.fieldLimit {
                            meta[entry.key] = entry
                        } else {
                            refused.insert(entry.key)
                            log.add(
                                "'\(entry.key)' has \(count.map(String.init) ?? "more than \(4 * Person.fieldLimit)") characters; allowed: up to \(Person.fieldLimit)",
                                line: entry.line, column: entry.column, item: entry.key)
                        }
                    case .scalar:
                        meta[entry.key] = entry
                    case .list:
                        // Dropped without a word, a list would leave the plan to start from today.
                        refused.insert(entry.key)
                        log.add(
                            "'\(entry.key)' must be a single value, found a list", line: entry.line, column: entry.column,
                            item: entry.key)
                    }
                    continue
                }
                guard let named = Self.roleAndID(of: entry.key) else {
                    log.add(
                        "unknown field \(PrintableText.quoted(entry.key)); allowed: \(Self.metaKeys.joined(separator: ", ")), contributor.<item id>, manager.<item id>",
                        line: entry.line, column: entry.column)
                    continue
                }
                (role, id) = named
                guard let found = prompts.bank.item(id) else {
                    log.add(
                        "unknown \(role.rawValue) item \(PrintableText.quoted(id)); see `careerpath template yaml` for every item id",
                        line: entry.line, column: entry.column, item: entry.key)
                    continue
                }
                item = found
            }
            guard item.role == role else {
                log.add(
                    "item '\(id)' is answered by the \(item.role.rawValue), not the \(role.rawValue); put it under \(item.role.rawValue)",
                    line: entry.line, column: entry.column, item: entry.key)
                continue
            }
            if case .scalar(let text) = entry.raw, text.isEmpty { continue }  // an empty cell: not answered
            switch AnswerParser.strict(entry.raw, for: item) {
            case .success(let value):
                if item.kind == .currency, prompts.catalog.convert(1, to: value.text) == nil {
                    let known = ([prompts.catalog.currency] + prompts.catalog.exchangeRates.keys.sorted()).joined(separator: ", ")
                    log.add(
                        "\(role.rawValue) item '\(id)': \(PrintableText.quoted(value.text)) has no exchange rate in \(PromptSet.catalogFile); allowed: \(known)",
                        line: entry.line, column: entry.column, item: entry.key)
                    continue
                }
                responses[role, default: [:]][id] = value
            case .failure(let problem):
                log.add(
                    "\(role.rawValue) item '\(id)': \(problem.message)", line: entry.line, column: entry.column,
                    item: entry.key)
            }
        }

        func text(_ key: String) -> String? {
            guard case .scalar(let value)? = meta[key]?.raw else { return nil }
            return PrintableText.stripped(value).trimmingWhitespace()
        }
        func years(_ key: String) -> Int? {
            guard let entry = meta[key], let value = text(key) else { return nil }
            guard let years = Int(value), (0...70).contains(years) else {
                log.add("'\(key)' is \(PrintableText.quoted(value)); allowed: a whole number 0..70", line: entry.line, column: entry.column, item: key)
                return nil
            }
            return years
        }

        /// Where a missing required field is reported: its empty value, else the document.
        func missing(_ key: String) -> (line: Int, column: Int) {
            blank[key].map { ($0.line, $0.column) } ?? start
        }
        let name = text("person.name")
        if name == nil, !refused.contains("person.name") {
            log.add("'person.name' is required", line: missing("person.name").line, column: missing("person.name").column, item: "person.name")
        }
        let level = text("person.current_level")
        if let level, prompts.ladder.level(level) == nil, let entry = meta["person.current_level"] {
            log.add(
                "'person.current_level' is \(PrintableText.quoted(level)); allowed: \(prompts.ladder.levels.map(\.id).joined(separator: ", "))",
                line: entry.line, column: entry.column, item: "person.current_level")
        } else if level == nil, !refused.contains("person.current_level") {
            let at = missing("person.current_level")
            log.add("'person.current_level' is required; allowed: \(prompts.ladder.levels.map(\.id).joined(separator: ", "))",
                    line: at.line, column: at.column, item: "person.current_level")
        }
        let experience = years("person.years_experience")
        let managing = years("person.years_managing")

        var date: String?
        if let value = text("session.date"), let entry = meta["session.date"] {
            if SessionDate.parseSessionDate(value) != nil {
                date = value
            } else {
                log.add("'session.date' is \(PrintableText.quoted(value)); allowed: \(SessionDate.sessionDateRule)", line: entry.line, column: entry.column, item: "session.date")
            }
        }
        let answeredRoles = Role.allCases.filter { !(responses[$0]?.isEmpty ?? true) }
        var mode: Mode = answeredRoles == [.manager] ? .manager : answeredRoles == [.contributor] ? .selfAssessment : .oneOnOne
        if let value = text("session.mode"), let entry = meta["session.mode"] {
            if let given = Mode(rawValue: value) {
                mode = given
                for role in answeredRoles where !given.roles.contains(role) {
                    log.add(
                        "'session.mode' is '\(value)', which has no \(role.rawValue) answers, but \(role.rawValue) answers are given; use one-on-one",
                        line: entry.line, column: entry.column, item: "session.mode")
                }
            } else {
                log.add(
                    "'session.mode' is \(PrintableText.quoted(value)); allowed: \(Mode.allCases.map(\.rawValue).joined(separator: ", "))",
                    line: entry.line, column: entry.column, item: "session.mode")
            }
        }
        guard log.diagnostics.count == before, let name, let level else { return nil }
        let person = Person(
            name: name, id: text("person.id"), currentLevel: level, domain: text("person.domain"),
            yearsExperience: experience, yearsManaging: managing ?? Answers.yearsManaging(answeredIn: responses))
        return Answers(
            person: person, managerName: text("manager.name"), managerID: text("manager.id"), date: date, mode: mode, responses: responses,
            notes: hasNotes.map(PrintableText.stripped))
    }
}
