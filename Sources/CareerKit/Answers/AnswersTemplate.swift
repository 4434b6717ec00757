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
