/// The calibration report: `calibration.json` (schema `careerpath.calibration/1`) for systems
/// and `calibration.md` for the people who run the calibration meeting.
public struct CalibrationReport: Sendable {
    public let calibration: Calibration
    /// Where the figures come from, e.g. `this bulk run (1,200 people)`.
    public let source: String
    /// Whether bulk took flagged managers' offsets off their observations (`--calibrate`).
    public let applied: Bool

    public init(calibration: Calibration, source: String, applied: Bool = false) {
        self.calibration = calibration
        self.source = source
        self.applied = applied
    }

    public func json() -> String {
        let settings = calibration.settings
        let managers: [JSONValue] = calibration.managers.map { manager in
            .object([
                ("manager", .string(manager.name)), ("reports", .integer(manager.reports)), ("offset", .number(manager.offset)),
                ("standard_error", .number(manager.standardError)), ("flag", JSONValue(manager.flag?.rawValue)),
            ])
        }
        return JSONValue.object([
            ("schema", .string("careerpath.calibration/1")),
            ("rule", .object([
                ("min_reports", .integer(settings.minReports)), ("min_offset", .number(settings.minOffset)),
                ("clear_of_noise", .number(settings.clearOfNoise)),
            ])),
            ("applied", .bool(applied)),
            ("observations", .integer(calibration.observations)),
            ("managers", .array(managers)),
            ("managers_left_out", .integer(calibration.leftOut)),
        ]).prettyText() + "\n"
    }

    private static func number(_ value: Double) -> String { formatFixed(value, decimals: 2) }

    /// An offset as the table shows it: signed, two decimals.
    static func offsetText(_ offset: Double) -> String {
        abs(offset) < 0.005 ? "0.00" : (offset > 0 ? "+" : "") + number(offset)
    }

    /// The paragraphs before the table, as plain text (with `**` around the two defined words).
    private var introduction: [String] {
        let settings = calibration.settings
        let number = Self.number
        return [
            "From \(source). For each manager with at least \(settings.minReports) reports: the **offset**, the mean of their observations minus what the organisation's other managers would be expected to give the same people, in points of the six-point scale. The expectation starts from each person's own rating and moves it by how far other managers usually rate from people's own view on that dimension at that level, so a manager of a strong team is not called lenient for rating strong people high.",
            "",
            "An offset is flagged **lenient** (above) or **harsh** (below) only when it is at least \(number(settings.minOffset)) points and at least \(formatOneDecimal(settings.clearOfNoise)) standard errors from zero: large and clear of noise.",
        ]
    }

    private var leftOutText: String? {
        let settings = calibration.settings
        guard calibration.leftOut > 0 else { return nil }
        return "\(calibration.leftOut) manager\(calibration.leftOut == 1 ? " has" : "s have") fewer than \(settings.minReports) reports and \(calibration.leftOut == 1 ? "is" : "are") left out: too few to say, and too few to keep the people anonymous."
    }

    private static let flagAdvice =
        "A flag is a question for the calibration meeting, not a verdict. Look at the manager's ratings together with them, against specific examples of each person's work, and agree what the scale means. Do not rewrite anyone's scores silently: ratings belong to the people who gave them."

    private var appliedText: String {
        applied
            ? "In this run the flagged managers' offsets were taken off their observations before the plans were made (`--calibrate`); each affected plan says only that its scores were adjusted after calibration, and the summary marks it (flag `calibrated`)."
            : "Plans in this run use the ratings as given. `careerpath bulk --calibrate` takes each flagged manager's offset off their observations before planning; use it only after the calibration meeting agreed that the offset is leniency or harshness, not a real difference in the team."
    }

    public func markdown() -> String {
        let settings = calibration.settings
        let number = Self.number
        var lines = ["# Calibration: how each manager rates", ""]
        for paragraph in introduction { lines += [paragraph, ""] }
        if calibration.managers.isEmpty {
            lines.append("No manager has \(settings.minReports) or more reports in this input, so there is nothing to show.")
        } else {
            lines += ["| Manager | Reports | Offset | Standard error | Flag |", "|---|---:|---:|---:|---|"]
            for manager in calibration.managers {
                lines.append(
                    "| \(ReportTemplates.MarkdownContentType().escapeText(manager.name)) | \(manager.reports) | \(Self.offsetText(manager.offset)) | \(number(manager.standardError)) | \(manager.flag?.rawValue ?? "") |")
            }
        }
        if let leftOutText { lines += ["", leftOutText] }
        lines += ["", "## What to do with a flag", "", Self.flagAdvice, "", appliedText, ""]
        return lines.joined(separator: "\n")
    }

    /// The same report as a page to show in the meeting: the table first, sortable by eye, the
    /// flagged managers marked.
    public func html() -> String {
        let settings = calibration.settings
        func paragraph(_ text: String) -> String {
            // The two defined words are bold in Markdown; the rest is plain text.
            let parts = text.htmlEscaped.components(separatedBy: "**")
            var html = ""
            for (index, part) in parts.enumerated() { html += index % 2 == 1 ? "<strong>\(part)</strong>" : part }
            return "<p>" + html.replacingOccurrences(of: "`", with: "") + "</p>"
        }
        var table = ""
        if calibration.managers.isEmpty {
            table = "<p>No manager has \(settings.minReports) or more reports in this input, so there is nothing to show.</p>"
        } else {
            table = "<table><thead><tr><th>Manager</th><th class=\"num\">Reports</th><th class=\"num\">Offset</th><th class=\"num\">Standard error</th><th>Flag</th></tr></thead>\n<tbody>\n"
            for manager in calibration.managers {
                let flag = manager.flag.map { "<span class=\"flag\">\($0.rawValue)</span>" } ?? ""
                table += "<tr><td>\(manager.name.htmlEscaped)</td><td class=\"num\">\(manager.reports)</td><td class=\"num\">\(Self.offsetText(manager.offset))</td><td class=\"num\">\(Self.number(manager.standardError))</td><td>\(flag)</td></tr>\n"
            }
            table += "</tbody></table>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Calibration: how each manager rates</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1a202c; line-height: 1.45; }
            table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #cbd5e0; padding: .4em; text-align: left; }
            .num { text-align: right; font-variant-numeric: tabular-nums; } .flag { font-weight: bold; color: #9c4221; }
            </style></head><body>
            <h1>Calibration: how each manager rates</h1>
            \(introduction.map(paragraph).joined(separator: "\n"))
            \(table)
            \(leftOutText.map(paragraph) ?? "")
            <h2>What to do with a flag</h2>
            \(paragraph(Self.flagAdvice))
            \(paragraph(appliedText))
            </body></html>

            """
    }
}
