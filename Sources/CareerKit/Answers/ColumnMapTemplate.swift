/// A starter column map for the active bank (`careerpath template map`): every column of the
/// sheet with, as its heading, the question as the bank asks it, every scale's words as the
/// bank labels its points and every choice's labels, so a form written from the bank's own
/// wording needs only the headings checked.
public enum ColumnMapTemplate {
    /// The headings for the person, manager and session fields.
    static let fieldHeadings: [String: String] = [
        "person.name": "Name", "person.id": "Employee ID", "person.current_level": "Current level",
        "person.domain": "Domain", "person.years_experience": "Years of experience", "person.years_managing": "Years managing people",
        "manager.name": "Manager", "manager.id": "Manager's employee ID", "session.date": "Date", "session.mode": "Mode",
    ]

    public static func yaml(for prompts: PromptSet) -> String {
        let bank = prompts.bank
        var lines = [
            "# careerpath column map: how a form export's columns become careerpath's sheet.",
            "# Use it with: careerpath validate --map THIS.yaml EXPORT.csv, then careerpath bulk --map THIS.yaml EXPORT.csv --out plans/",
            "#",
            "# Under 'columns', each item id (or person, manager or session field) names the export's column",
            "# that holds it: its heading, exactly as in the export's first row, or its position (1 = first",
            "# column; a heading made of digits goes in quotes). The headings below are the bank's own",
            "# questions: change them to your form's, and delete the entries your form does not ask.",
            "# Columns of the export that no entry names are left out, and a note lists them.",
            "#",
            "# Under 'words', each scale lists the form's answer words and the point each stands for;",
            "# an item may give its own 'words' instead. Under 'values', a choice item lists the form's",
            "# labels and the choice each stands for. Words match whatever their case; numbers and the",
            "# stored values (6, not_now) are always taken as they are.",
            "columns:",
        ]
        let levels = prompts.ladder.levels.map(\.id).joined(separator: ", ")
        for key in AnswersBuilder.metaKeys {
            var comment = ""
            if key == "person.current_level" { comment = "  # required; the cells hold a level id: \(levels)" }
            if key == "person.name" { comment = "  # required" }
            if key == "session.date" { comment = "  # the cells hold YYYY-MM-DD" }
            if key == "session.mode" { comment = "  # the cells hold one-on-one, self or manager" }
            lines.append("  \(key): \(YAMLText.quoted(fieldHeadings[key] ?? key))\(comment)")
        }
        for role in Role.allCases {
            lines.append("  # \(role == .contributor ? "The person's own answers" : "The manager's answers")")
            for item in AnswersTemplate.columnItems(for: bank, role: role) {
                switch item.kind {
                case .choice(let choices), .multi(let choices), .pick(_, let choices):
                    lines.append("  \(item.id):  # \(item.kind.typeName)")
                    lines.append("    heading: \(YAMLText.quoted(item.text))")
                    lines.append("    values:")
                    for choice in choices { lines.append("      \(YAMLText.quoted(choice.label)): \(choice.value)") }
                case .scale(let scale):
                    lines.append("  \(item.id): \(YAMLText.quoted(item.text))  # scale \(scale.id)")
                default:
                    lines.append("  \(item.id): \(YAMLText.quoted(item.text))  # \(item.kind.allowedDescription)")
                }
            }
        }
        lines.append("words:")
        for id in bank.scales.keys.sorted() {
            let scale = bank.scales[id]!
            lines.append("  \(id):")
            for point in scale.points { lines.append("    \(YAMLText.quoted(scale.labels[point] ?? String(point))): \(point)") }
            if let notObserved = scale.notObserved { lines.append("    \(YAMLText.quoted(notObserved)): \(AnswerValue.notObservedText)") }
        }
        lines += [
            "# What separates the values of a list cell in the export (Google Forms and Microsoft Forms: \", \" or \";\").",
            "list_separator: \";\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
