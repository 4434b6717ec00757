/// What the equity report shows, every small group already hidden: the one source of
/// `equity.json` and `equity.md`.
public struct EquitySummary: Hashable, Sendable {
    /// The averages per person of a group large enough to show them.
    public struct Investment: Hashable, Sendable {
        /// The group's size, or "not shown" when another group of the table is small.
        public var people: ReportFigure
        public var committed: Double
        public var hours: Double
        public var special: Double
        /// Percent of the group with a certification, and with mentoring given or received.
        public var certification: Double
        public var mentor: Double
    }

    public enum InvestmentRow: Hashable, Sendable {
        case shown(Investment)
        /// Too small to show, or withheld, or nobody.
        case hidden(ReportFigure)
    }

    /// IC-track averages over management-track ones; 1 means on par.
    public struct Ratio: Hashable, Sendable {
        public var budget: ReportFigure
        public var hours: ReportFigure

        /// Shown only when neither figure would give a small group away.
        var isShown: Bool { budget.isShown && hours.isShown }
    }

    public var people: Int
    public var failedRows: Int
    public var currency: String
    public var byRecommended: [Track: ReportFigure]
    /// By the track of the current level: `ic` and `management`.
    public var byCurrent: [String: ReportFigure]
    public var investment: [Track: InvestmentRow]
    public var ratio: Ratio
    /// People with at least one material disagreement.
    public var disagreeing: ReportFigure
    /// How many people disagree materially on one dimension.
    public struct DimensionCount: Hashable, Sendable {
        public var dimension: String
        public var people: ReportFigure
    }

    /// Dimensions with a material disagreement, in the order of the dimensions.
    public var byDimension: [DimensionCount]
    public var managerSeesAnotherTrack: ReportFigure
    public var icToManagement: ReportFigure
    public var managementToIC: ReportFigure

    /// `equity.json`, schema `careerpath.equity/1`.
    public func json() -> String {
        func table<Key>(_ figures: [Key: ReportFigure], _ name: (Key) -> String) -> JSONValue {
            .object(figures.map { (name($0.key), $0.value.json) })
        }
        let investments = JSONValue.object(investment.map { track, row in
            switch row {
            case .hidden(let figure): return (track.rawValue, figure.json)
            case .shown(let value):
                return (track.rawValue, .object([
                    ("people", value.people.json), ("budget_committed_average", .number(value.committed)),
                    ("hours_average", .number(value.hours)), ("special_project_percent_average", .number(value.special)),
                    ("with_certification_percent", .number(value.certification)),
                    ("with_mentoring_percent", .number(value.mentor)),
                ]))
            }
        })
        let document = JSONValue.object([
            ("schema", .string("careerpath.equity/1")),
            ("people", .integer(people)),
            ("failed_rows", .integer(failedRows)),
            ("currency", .string(currency)),
            ("by_recommended_track", table(byRecommended, \.rawValue)),
            ("by_current_track", table(byCurrent, { $0 })),
            ("investment", investments),
            ("ic_to_management_ratio", .object([("budget", ratio.budget.json), ("hours", ratio.hours.json)])),
            ("disagreements", .object([
                ("people", disagreeing.json),
                ("by_dimension", .object(byDimension.map { ($0.dimension, $0.people.json) })),
                ("manager_sees_another_track", managerSeesAnotherTrack.json),
            ])),
            ("possible_moves", .object([
                ("ic_to_management", icToManagement.json), ("management_to_ic", managementToIC.json),
            ])),
        ])
        return document.prettyText() + "\n"
    }

    /// `equity.md`.
    public func markdown() -> String {
        let minimum = EquityReport.minimumGroup
        let small = EquityReport.suppressed
        var lines = [
            "# Development equity report", "",
            "\(people) people planned\(failedRows > 0 ? ", \(failedRows) rows could not be read (see errors.csv)" : ""). Groups smaller than \(minimum) are shown as \"\(small)\" to keep people anonymous; in a table with such a group, the other sizes are \"\(EquityReport.withheld)\" and empty groups are \"\(small)\" too, so the total cannot give a small group away; with fewer than \(EquityReport.smallRun) people, such a table shows no sizes or averages at all. Amounts are in \(currency).",
            "", "## Recommended and current tracks", "",
            "| Track | Recommended | Now on |", "|---|---:|---:|",
        ]
        for track in Track.allCases {
            let now = track == .hybrid || track == .undecided ? "-" : byCurrent[track.rawValue]?.text ?? "-"
            lines.append("| \(track.shortTitle) | \(byRecommended[track]?.text ?? "-") | \(now) |")
        }
        lines += [
            "", "## Development investment per recommended track", "",
            "Does a technical contributor get development on par with a manager? Averages per person.", "",
            "| Track | People | Budget committed | Development hours | Special-project time | With a certification | With mentoring (given or received) |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for track in Track.allCases {
            switch investment[track] {
            case .shown(let row):
                let figures = [row.committed, row.hours, row.special, row.certification, row.mentor].map { ReportFigure.value($0).text }
                lines.append(
                    "| \(track.shortTitle) | \(row.people.text) | \(figures[0]) | \(figures[1]) | \(figures[2])% | \(figures[3])% | \(figures[4])% |")
            case .hidden(let figure):
                lines.append("| \(track.shortTitle) | \(figure.text) | | | | | |")
            case nil:
                lines.append("| \(track.shortTitle) | - | | | | | |")
            }
        }
        if ratio.isShown {
            lines += [
                "", "IC-track to management-track investment: budget \(ratio.budget.text), hours \(ratio.hours.text) (1 means on par).",
            ]
        } else {
            // A ratio of two groups, one of them too small to show, would give it away.
            lines += [
                "",
                "IC-track to management-track investment: the ratio is withheld, because one of the two groups has fewer than 5 people (or the whole report is too small to show sizes), and the ratio would give its figures away.",
            ]
        }
        lines += [
            "", "## Where contributors and managers disagree", "",
            "People with at least one material disagreement: \(disagreeing.text). Managers who see another track than the answers: \(managerSeesAnotherTrack.text).",
            "",
        ]
        if byDimension.isEmpty {
            lines.append("No dimension with a material disagreement.")
        } else {
            lines += ["| Dimension | People |", "|---|---:|"]
            for count in byDimension {
                lines.append("| \(Dimension.title(count.dimension)) | \(count.people.text) |")
            }
        }
        lines += [
            "", "## People who might move", "",
            "- On the IC track, recommended management: \(icToManagement.text)",
            "- On the management track, recommended IC: \(managementToIC.text)",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
