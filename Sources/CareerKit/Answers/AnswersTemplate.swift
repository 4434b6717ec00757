/// Blank answers for a bank: the CSV header HR fills in, and a commented YAML answers file.
public enum AnswersTemplate {
    /// The items of a role in header order: the instrument's order first, then the bank's own items.
    public static func columnItems(for bank: QuestionBank, role: Role) -> [BankItem] {
        let fixed = Instrument.requirements.filter { $0.role == role }.compactMap { bank.item($0.id) }
        let fixedIDs = Set(fixed.map(\.id))
        return fixed + bank.items(for: role).filter { !fixedIDs.contains($0.id) }
    }

    /// Every column of the CSV sheet, in order.
    public static func csvColumns(for bank: QuestionBank) -> [String] {
        AnswersBuilder.metaKeys + Role.allCases.flatMap { role in
            columnItems(for: bank, role: role).map { "\(role.rawValue).\($0.id)" }
        }
    }

    /// The CSV header row.
    public static func csvHeader(for bank: QuestionBank) -> String {
        csvColumns(for: bank).joined(separator: ",")
    }

    /// One made-up person's row under the header, every cell a value the sheet accepts (a
    /// scale's middle, a choice's first value, a list's first ones joined with ';'): to show
    /// what each column holds. Not a real person.
    public static func csvExample(for prompts: PromptSet) -> String {
        let level = prompts.ladder.levels.first { $0.track == "ic" }?.id ?? prompts.ladder.levels.first?.id ?? ""
        let meta: [String: String] = [
            "person.name": "Alex Example", "person.id": "E0001", "person.current_level": level, "person.domain": "software",
            "person.years_experience": "6", "person.years_managing": "0", "manager.name": "Sam Manager", "manager.id": "M0001",
            "session.date": "2026-11-22", "session.mode": "one-on-one",
        ]
        var cells = AnswersBuilder.metaKeys.map { meta[$0] ?? "" }
        for role in Role.allCases {
            for item in columnItems(for: prompts.bank, role: role) { cells.append(example(for: item, prompts: prompts)) }
        }
        return cells.map(CSVFile.quoted).joined(separator: ",")
    }

    private static func example(for item: BankItem, prompts: PromptSet) -> String {
        switch item.kind {
        case .scale(let scale): return String((scale.min + scale.max + 1) / 2)
        case .choice(let choices): return choices.first?.value ?? ""
        case .multi(let choices): return choices.prefix(2).map(\.value).joined(separator: ";")
        case .pick(let count, let choices): return choices.prefix(count).map(\.value).joined(separator: ";")
        case .integer(let minimum, let maximum): return String(Swift.min(Swift.max(minimum, 12), maximum))
        case .number(let minimum, let maximum): return formatOneDecimal(Swift.min(Swift.max(minimum, 10), maximum ?? 10))
        case .text: return "In my words"
        case .currency: return prompts.catalog.currency
        case .date: return "2026-12-14"
        }
    }

    /// A blank YAML answers file with every item id and, as a comment, its type and allowed values.
    public static func yaml(for prompts: PromptSet) -> String {
        let levels = prompts.ladder.levels.map(\.id).joined(separator: ", ")
        var lines = [
            "# careerpath answers file. Fill in the values; leave a value empty when it was not answered.",
            "# Check it with: careerpath validate FILE",
            "person:",
            "  name:              # required",
            "  id:                # optional: an employee id",
            "  current_level:     # required: one of \(levels)",
            "  domain:            # e.g. software, data, infrastructure",
            "  years_experience:  # whole years",
            "  years_managing:    # whole years",
            "manager:",
            "  name:",
            "  id:                # optional: the manager's employee id",
            "session:",
            "  date:              # YYYY-MM-DD",
            "  mode: one-on-one   # one-on-one, self or manager",
            "answers:",
        ]
        for role in Role.allCases {
            lines.append("  \(role.rawValue):")
            var section = ""
            for item in prompts.bank.items(for: role) {
                if item.section != section {
                    section = item.section
                    lines.append("    # \(prompts.bank.section(section)?.title ?? section)")
                }
                lines.append("    \(item.id):  # \(comment(for: item))")
            }
        }
        lines.append("notes:")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func comment(for item: BankItem) -> String {
        var text: String
        switch item.kind {
        case .scale(let scale):
            text = "\(scale.id) \(item.kind.allowedDescription)"
        case .multi:
            text = "list, \(item.kind.allowedDescription)"
        case .pick(let count, _):
            text = "list of exactly \(count) ids from: " + item.kind.choices.map(\.value).joined(separator: ", ")
        default:
            text = item.kind.allowedDescription
        }
        if item.optional { text += "; optional" }
        return text + ". " + item.text
    }
}
