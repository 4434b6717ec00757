/// A manager's page about their team (`bulk --by-manager`): each report's track, confidence,
/// target level, the plan's main items and budget, what is worth talking about, and links to
/// each plan. A page holds only that manager's own reports.
public struct ManagerPage: Sendable {
    /// One report of the manager.
    public struct Row: Sendable, Hashable {
        var name: String
        var id: String?
        var level: String
        var track: String
        var confidence: String
        var target: String
        var mainItems: [String]
        var budget: String
        var divergences: [String]
        /// The plan files, as paths inside the output folder.
        var files: [String]
    }

    public let manager: String
    public var rows: [Row] = []
    /// This manager's line of the run's calibration, when it flagged them: shown on their own
    /// page (and nowhere in their reports' plans).
    public var calibration: Calibration.Manager?
    /// Whether the run took the offset off their observations (`--calibrate`).
    public var calibrationApplied = false

    public init(manager: String) {
        self.manager = manager
    }

    /// The row for one planned person.
    static func row(
        answers: Answers, assessment: Assessment, plan: DevelopmentPlan, prompts: PromptSet, files: [String]
    ) -> Row {
        let title = { (id: String) in prompts.ladder.level(id)?.title ?? id }
        // The main items: those that work on the track, by start, then the rest.
        let dimensions = Set(prompts.weights.planning.trackDimensions[assessment.recommended.rawValue] ?? [])
        let ordered = plan.items.filter { !dimensions.isDisjoint(with: $0.builds) } + plan.items.filter { dimensions.isDisjoint(with: $0.builds) }
        return Row(
            name: answers.person.name, id: answers.person.id, level: title(answers.person.currentLevel),
            track: assessment.recommended.shortTitle, confidence: assessment.confidence.rawValue, target: title(plan.targetLevel),
            mainItems: ordered.prefix(3).map(\.title), budget: formatMoney(plan.committed, plan.currency),
            divergences: assessment.divergence.map { ReasonText.divergence($0, audience: .manager(about: answers.person.name)) },
            files: files)
    }

    /// What the page says about the flag, as plain sentences; nil when there is none.
    var calibrationText: String? {
        guard let calibration, let flag = calibration.flag else { return nil }
        let direction = calibration.offset > 0 ? "above" : "below"
        var text = "The calibration of this run flags your ratings as \(flag.rawValue): they run about \(formatFixed(abs(calibration.offset), decimals: 2)) points \(direction) what the other managers would be expected to give the same people, over \(calibration.reports) reports. It is a question for the calibration meeting, not a verdict (see calibration.html)."
        text += calibrationApplied
            ? " Your reports' plans were made with that offset taken off their scores (`--calibrate`); each plan says only that its scores were adjusted after calibration."
            : " Your reports' plans use your ratings as given and say nothing of this."
        return text
    }

    /// The page's file name, without extension: a safe form of the manager's name.
    public var fileStem: String { SafeFileName.make(manager) }

    public func markdown() -> String {
        let escape = { (text: String) in ReportTemplates.MarkdownContentType().escapeText(text) }
        var lines = [
            "# Team page: \(escape(manager))", "",
            "\(rows.count) report\(rows.count == 1 ? "" : "s") in this run. Each plan is linked; the reports' own words about themselves are in their plans, and the divergences below are topics for your next one-on-ones, not errors.",
        ]
        if let calibrationText { lines += ["", "**Calibration:** " + escape(calibrationText)] }
        lines += [
            "", "| Person | Now | Track | Confidence | Target | Main items | Budget | Plan |", "|---|---|---|---|---|---|---:|---|",
        ]
        for row in rows {
            let person = escape(row.name) + (row.id.map { " (\(escape($0)))" } ?? "")
            let links = row.files.map { "[\(escape(PathName.last(of: $0)))](../\($0))" }.joined(separator: " ")
            lines.append(
                "| \(person) | \(escape(row.level)) | \(escape(row.track)) | \(row.confidence) | \(escape(row.target)) | \(row.mainItems.map(escape).joined(separator: "; ")) | \(escape(row.budget)) | \(links) |")
        }
        let talking = rows.filter { !$0.divergences.isEmpty }
        if !talking.isEmpty {
            lines += ["", "## Worth talking about", ""]
            for row in talking {
                lines.append("- **\(escape(row.name))**: " + row.divergences.map(escape).joined(separator: " "))
            }
        }
        lines += ["", "---", "Made with careerpath \(careerpathVersion). This page holds personal information about your team: keep it between you and the people it concerns.", ""]
        return lines.joined(separator: "\n")
    }

    public func html() -> String {
        func escape(_ text: String) -> String { text.htmlEscaped }
        var body = ""
        for row in rows {
            let person = escape(row.name) + (row.id.map { " (\(escape($0)))" } ?? "")
            let links = row.files.map { "<a href=\"../\(escape($0))\">\(escape(PathName.last(of: $0)))</a>" }.joined(separator: " ")
            body += "<tr><td>\(person)</td><td>\(escape(row.level))</td><td>\(escape(row.track))</td><td>\(escape(row.confidence))</td>"
                + "<td>\(escape(row.target))</td><td>\(row.mainItems.map(escape).joined(separator: "<br>"))</td>"
                + "<td class=\"num\">\(escape(row.budget))</td><td>\(links)</td></tr>\n"
        }
        var talking = ""
        for row in rows where !row.divergences.isEmpty {
            talking += "<li><strong>\(escape(row.name))</strong>: \(row.divergences.map(escape).joined(separator: " "))</li>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Team page: \(escape(manager))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 72em; margin: 2em auto; padding: 0 1em; color: #1a202c; line-height: 1.45; }
            table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #cbd5e0; padding: .4em; text-align: left; vertical-align: top; }
            .num { text-align: right; } footer { color: #4a5568; font-size: .9em; margin-top: 2em; }
            @media (max-width: 45em) { table, tbody, tr, td { display: block; } thead { display: none; } tr { border-bottom: 2px solid #cbd5e0; padding: .5em 0; } td { border: none; padding: .1em 0; } }
            </style></head><body>
            <h1>Team page: \(escape(manager))</h1>
            <p>\(rows.count) report\(rows.count == 1 ? "" : "s") in this run. The divergences below are topics for your next one-on-ones, not errors.</p>
            \(calibrationText.map { "<p class=\"calibration\"><strong>Calibration:</strong> \(escape($0).replacingOccurrences(of: "calibration.html", with: "<a href=\"../calibration.html\">calibration.html</a>"))</p>" } ?? "")
            <table><thead><tr><th>Person</th><th>Now</th><th>Track</th><th>Confidence</th><th>Target</th><th>Main items</th><th class="num">Budget</th><th>Plan</th></tr></thead>
            <tbody>
            \(body)</tbody></table>
            \(talking.isEmpty ? "" : "<h2>Worth talking about</h2>\n<ul>\n\(talking)</ul>")
            <footer>Made with careerpath \(careerpathVersion). This page holds personal information about your team: keep it between you and the people it concerns.</footer>
            </body></html>

            """
    }
}
