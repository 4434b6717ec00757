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

    public func markdown() -> String {
        let settings = calibration.settings
        let number = { (value: Double) in formatFixed(value, decimals: 2) }
        var lines = [
            "# Calibration: how each manager rates", "",
            "From \(source). For each manager with at least \(settings.minReports) reports: the **offset**, the mean of their observations minus what the organisation's other managers would be expected to give the same people, in points of the six-point scale. The expectation starts from each person's own rating and moves it by how far other managers usually rate from people's own view on that dimension at that level, so a manager of a strong team is not called lenient for rating strong people high.",
            "",
            "An offset is flagged **lenient** (above) or **harsh** (below) only when it is at least \(number(settings.minOffset)) points and at least \(formatOneDecimal(settings.clearOfNoise)) standard errors from zero: large and clear of noise.",
            "",
        ]
        if calibration.managers.isEmpty {
            lines.append("No manager has \(settings.minReports) or more reports in this input, so there is nothing to show.")
        } else {
            lines += ["| Manager | Reports | Offset | Standard error | Flag |", "|---|---:|---:|---:|---|"]
            for manager in calibration.managers {
                let offset = abs(manager.offset) < 0.005 ? "0.00" : (manager.offset > 0 ? "+" : "") + number(manager.offset)
                lines.append(
                    "| \(ReportTemplates.MarkdownContentType().escapeText(manager.name)) | \(manager.reports) | \(offset) | \(number(manager.standardError)) | \(manager.flag?.rawValue ?? "") |")
            }
        }
        if calibration.leftOut > 0 {
            lines += ["", "\(calibration.leftOut) manager\(calibration.leftOut == 1 ? " has" : "s have") fewer than \(settings.minReports) reports and \(calibration.leftOut == 1 ? "is" : "are") left out: too few to say, and too few to keep the people anonymous."]
        }
        lines += [
            "", "## What to do with a flag", "",
            "A flag is a question for the calibration meeting, not a verdict. Look at the manager's ratings together with them, against specific examples of each person's work, and agree what the scale means. Do not rewrite anyone's scores silently: ratings belong to the people who gave them.",
            "",
            applied
                ? "In this run the flagged managers' offsets were taken off their observations before the plans were made (`--calibrate`); each affected plan says so, and so does the summary (flag `calibrated`)."
                : "Plans in this run use the ratings as given. `careerpath bulk --calibrate` takes each flagged manager's offset off their observations before planning; use it only after the calibration meeting agreed that the offset is leniency or harshness, not a real difference in the team.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
