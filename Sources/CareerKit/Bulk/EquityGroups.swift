/// Equity within groups an analyst names (`bulk --group-by person.site,person.department`):
/// each group's IC-track to management-track investment ratio, under the equity report's
/// rule. A group of fewer than 5 people is never shown or named, only counted; no group's
/// size is shown, so the hidden ones cannot be worked out from the others.
public struct EquityGroups: Sendable {
    /// The grouping columns, as named on the command line.
    public let columns: [String]
    private var reports: [[String]: EquityReport] = [:]
    let currency: String

    init(columns: [String], currency: String) {
        self.columns = columns
        self.currency = currency
    }

    /// The words a blank grouping cell is shown as.
    public static let blank = "(blank)"

    mutating func add(_ sample: EquitySample, values: [String]) {
        let key = values.map { $0.isEmpty ? Self.blank : $0 }
        reports[key, default: EquityReport(currency: currency)].add(sample)
    }

    /// One group shown.
    public struct Group: Sendable, Hashable {
        public var values: [String]
        public var ratio: EquitySummary.Ratio
    }

    /// The groups of 5 or more people, in reading order, and how many smaller ones are hidden.
    public func summary() -> (groups: [Group], hidden: Int) {
        var groups: [Group] = []
        var hidden = 0
        for (values, report) in reports {
            guard report.people >= EquityReport.minimumGroup else {
                hidden += 1
                continue
            }
            groups.append(Group(values: values, ratio: report.summary().ratio))
        }
        groups.sort { NaturalOrder.precedes($0.values.joined(separator: "\u{1F}"), $1.values.joined(separator: "\u{1F}")) }
        return (groups, hidden)
    }

    public func json() -> String {
        let (groups, hidden) = summary()
        return JSONValue.object([
            ("schema", .string("careerpath.equity-groups/1")),
            ("group_by", .array(columns.map { .string($0) })),
            ("min_group", .integer(EquityReport.minimumGroup)),
            ("groups", .array(groups.map { group in
                .object([
                    ("values", .object(zip(columns, group.values).map { ($0, .string($1)) })),
                    ("ic_to_management_ratio", .object([("budget", group.ratio.budget.json), ("hours", group.ratio.hours.json)])),
                ])
            })),
            ("groups_hidden", .integer(hidden)),
        ]).prettyText() + "\n"
    }

    public func markdown() -> String {
        let escape = { (text: String) in ReportTemplates.MarkdownContentType().escapeText(text) }
        let (groups, hidden) = summary()
        var lines = [
            "# Equity within groups", "",
            "Grouped by \(columns.map { "`\($0)`" }.joined(separator: ", ")). For each group: the IC-track to management-track investment ratio, budget committed and development hours per person (1 means on par), under the rule of equity.md: where a track has fewer than \(EquityReport.minimumGroup) people in the group, or the group is too small to show sizes, the ratio is withheld. No group's size is shown.",
            "",
        ]
        if groups.isEmpty {
            lines.append("No group has \(EquityReport.minimumGroup) or more people, so there is nothing to show.")
        } else {
            lines.append("| " + columns.map(escape).joined(separator: " | ") + " | Budget ratio | Hours ratio |")
            lines.append("|" + String(repeating: "---|", count: columns.count) + "---:|---:|")
            for group in groups {
                lines.append("| " + group.values.map(escape).joined(separator: " | ") + " | \(group.ratio.budget.text) | \(group.ratio.hours.text) |")
            }
        }
        if hidden > 0 {
            lines += [
                "",
                "\(hidden) group\(hidden == 1 ? " has" : "s have") fewer than \(EquityReport.minimumGroup) people and \(hidden == 1 ? "is" : "are") not shown or named.",
            ]
        }
        lines += [
            "", "A group chosen by a demographic column (where the company holds one lawfully) is read the same way; the file holds no person's figures.", "",
        ]
        return lines.joined(separator: "\n")
    }
}
