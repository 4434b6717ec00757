import Foundation

/// Across everyone in a bulk run: who is recommended which track, and whether individual
/// contributors get development investment on par with managers. Any group smaller than
/// five people is shown as "fewer than 5", never with its figures; in a table with such a
/// group, no group's size is shown, so the total cannot give it away.
public struct EquityReport: Sendable {
    public static let minimumGroup = 5
    public static let suppressed = "fewer than 5"
    /// The size of a group of five or more, hidden so that a smaller one cannot be worked out
    /// from the total.
    public static let withheld = "not shown"

    /// Running totals of one recommended track: the report keeps sums, never the people, so
    /// its memory stays the same however many people a run has.
    private struct Totals: Sendable {
        var people = 0
        var committed = 0.0
        var hours = 0.0
        var special = 0.0
        var certification = 0
        var mentoring = 0
    }

    private var totals: [Track: Totals] = [:]
    private var currentTracks: [String: Int] = ["ic": 0, "management": 0]
    private var divergentDimensions: [String: Int] = [:]
    private var disagreeing = 0
    private var trackViewDiffers = 0
    private var icToManagement = 0
    private var managementToIC = 0
    public private(set) var people = 0
    public var failed = 0
    let currency: String

    init(currency: String) {
        self.currency = currency
    }

    mutating func add(_ sample: EquitySample) {
        people += 1
        var track = totals[sample.recommended] ?? Totals()
        track.people += 1
        track.committed += sample.committed
        track.hours += sample.hours
        track.special += Double(sample.specialProjectPercent)
        if sample.hasCertification { track.certification += 1 }
        if sample.hasMentor { track.mentoring += 1 }
        totals[sample.recommended] = track
        currentTracks[sample.currentTrack, default: 0] += 1
        for name in sample.divergentDimensions { divergentDimensions[name, default: 0] += 1 }
        if !sample.divergentDimensions.isEmpty || sample.trackViewDiffers { disagreeing += 1 }
        if sample.trackViewDiffers { trackViewDiffers += 1 }
        if sample.currentTrack == "ic", sample.recommended == .management { icToManagement += 1 }
        if sample.currentTrack == "management", sample.recommended == .ic { managementToIC += 1 }
    }

    /// A count, or "fewer than 5" for 1 to 4.
    private func count(_ value: Int) -> Any {
        value > 0 && value < Self.minimumGroup ? Self.suppressed : value
    }

    /// Whether a table whose total is shown (everyone planned) must be protected: it has a
    /// group of 1 to 4 people, which the total minus the other groups would give away.
    private func isProtected(_ values: [String: Int]) -> Bool {
        values.values.contains { $0 > 0 && $0 < Self.minimumGroup }
    }

    /// Below this many people, a table with a small group shows no size at all, not even
    /// "fewer than 5": with so few, the labels and the total alone can pin a group down
    /// (5 + 5 + 1 = 11, 4 + 4 = 8). From 15 up, the tests find no table where they can.
    public static let smallRun = 15

    /// Whether a protected table is too small to say even which groups are small.
    private func isTiny(_ values: [String: Int]) -> Bool {
        isProtected(values) && values.values.reduce(0, +) < Self.smallRun
    }

    /// Counts of a table whose total is shown. Once one group is small, no group's size is
    /// shown: every group under 5, empty ones too, is "fewer than 5" and every other group
    /// "not shown" (in a run under `smallRun` people, every group), so no subtraction from
    /// the total pins a small group down.
    private func partition(_ values: [String: Int]) -> [String: Any] {
        guard isProtected(values) else { return values }
        let tiny = isTiny(values)
        return values.mapValues { tiny || $0 >= Self.minimumGroup ? Self.withheld : Self.suppressed }
    }

    private struct Investment {
        var people: Int
        var committed: Double
        var hours: Double
        var special: Double
        var certification: Double
        var mentor: Double
    }

    private func investment(_ group: Totals) -> Investment? {
        guard group.people >= Self.minimumGroup else { return nil }
        let n = Double(group.people)
        return Investment(
            people: group.people, committed: round1(group.committed / n), hours: round1(group.hours / n),
            special: round1(group.special / n), certification: round1(Double(group.certification) / n * 100),
            mentor: round1(Double(group.mentoring) / n * 100))
    }

    /// The report as a JSON-ready dictionary.
    public func dictionary() -> [String: Any] {
        var investments: [String: Any] = [:]
        var perTrack: [Track: Investment] = [:]
        let recommendedCounts = Dictionary(uniqueKeysWithValues: Track.allCases.map { ($0.rawValue, totals[$0]?.people ?? 0) })
        let byRecommended = partition(recommendedCounts)
        let protected = isProtected(recommendedCounts)
        // In a tiny run, averages would say which groups have five or more.
        let tiny = isTiny(recommendedCounts)
        for track in Track.allCases {
            let group = totals[track] ?? Totals()
            if tiny {
                investments[track.rawValue] = Self.withheld
            } else if let value = investment(group) {
                perTrack[track] = value
                // The averages of a withheld group can be shown; its size cannot.
                let people: Any = protected ? Self.withheld : value.people
                investments[track.rawValue] = [
                    "people": people, "budget_committed_average": value.committed, "hours_average": value.hours,
                    "special_project_percent_average": value.special, "with_certification_percent": value.certification,
                    "with_mentoring_percent": value.mentor,
                ]
            } else {
                // An empty group is "nobody" only where sizes are shown at all.
                investments[track.rawValue] = group.people == 0 && !protected ? "nobody" : Self.suppressed
            }
        }
        var ratio: [String: Any] = [:]
        if let ic = perTrack[.ic], let management = perTrack[.management] {
            ratio["budget"] = management.committed > 0 ? (ic.committed / management.committed * 100).rounded() / 100 : NSNull()
            ratio["hours"] = management.hours > 0 ? (ic.hours / management.hours * 100).rounded() / 100 : NSNull()
        } else {
            ratio["budget"] = tiny ? Self.withheld : Self.suppressed
            ratio["hours"] = tiny ? Self.withheld : Self.suppressed
        }
        let byCurrent = partition(currentTracks)
        var byDimension: [String: Any] = [:]
        for name in Dimension.names {
            if let value = divergentDimensions[name], value > 0 { byDimension[name] = count(value) }
        }
        return [
            "schema": "careerpath.equity/1",
            "people": people,
            "failed_rows": failed,
            "currency": currency,
            "by_recommended_track": byRecommended,
            "by_current_track": byCurrent,
            "investment": investments,
            "ic_to_management_ratio": ratio,
            "disagreements": [
                "people": count(disagreeing),
                "by_dimension": byDimension,
                "manager_sees_another_track": count(trackViewDiffers),
            ] as [String: Any],
            "possible_moves": [
                "ic_to_management": count(icToManagement),
                "management_to_ic": count(managementToIC),
            ],
        ]
    }

    public func json() throws -> String {
        let data = try JSONSerialization.data(withJSONObject: dictionary(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public func markdown() -> String {
        let report = dictionary()
        func text(_ value: Any?) -> String {
            switch value {
            case let number as Double: return number == number.rounded() ? String(Int(number)) : String(format: "%.2f", number).replacingOccurrences(of: #"(\.\d)0$"#, with: "$1", options: .regularExpression)
            case let number as Int: return String(number)
            case let string as String: return string
            case is NSNull: return "n/a"
            default: return "-"
            }
        }
        var lines = [
            "# Development equity report", "",
            "\(people) people planned\(failed > 0 ? ", \(failed) rows could not be read (see errors.csv)" : ""). Groups smaller than \(Self.minimumGroup) are shown as \"\(Self.suppressed)\" to keep people anonymous; in a table with such a group, the other sizes are \"\(Self.withheld)\" and empty groups are \"\(Self.suppressed)\" too, so the total cannot give a small group away; with fewer than \(Self.smallRun) people, such a table shows no sizes or averages at all. Amounts are in \(currency).",
            "", "## Recommended and current tracks", "",
            "| Track | Recommended | Now on |", "|---|---:|---:|",
        ]
        let recommended = report["by_recommended_track"] as? [String: Any] ?? [:]
        let current = report["by_current_track"] as? [String: Any] ?? [:]
        for track in Track.allCases {
            lines.append("| \(track.shortTitle) | \(text(recommended[track.rawValue])) | \(track == .hybrid || track == .undecided ? "-" : text(current[track.rawValue])) |")
        }
        lines += [
            "", "## Development investment per recommended track", "",
            "Does a technical contributor get development on par with a manager? Averages per person.", "",
            "| Track | People | Budget committed | Development hours | Special-project time | With a certification | With mentoring (given or received) |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        let investment = report["investment"] as? [String: Any] ?? [:]
        for track in Track.allCases {
            if let row = investment[track.rawValue] as? [String: Any] {
                lines.append(
                    "| \(track.shortTitle) | \(text(row["people"])) | \(text(row["budget_committed_average"])) | \(text(row["hours_average"])) | \(text(row["special_project_percent_average"]))% | \(text(row["with_certification_percent"]))% | \(text(row["with_mentoring_percent"]))% |")
            } else {
                lines.append("| \(track.shortTitle) | \(text(investment[track.rawValue])) | | | | | |")
            }
        }
        let ratio = report["ic_to_management_ratio"] as? [String: Any] ?? [:]
        if ratio["budget"] is String || ratio["hours"] is String {
            // A ratio of two groups, one of them too small to show, would give it away.
            lines += [
                "",
                "IC-track to management-track investment: the ratio is withheld, because one of the two groups has fewer than 5 people (or the whole report is too small to show sizes), and the ratio would give its figures away.",
            ]
        } else {
            lines += [
                "", "IC-track to management-track investment: budget \(text(ratio["budget"])), hours \(text(ratio["hours"])) (1 means on par).",
            ]
        }
        let disagreements = report["disagreements"] as? [String: Any] ?? [:]
        lines += [
            "", "## Where contributors and managers disagree", "",
            "People with at least one material disagreement: \(text(disagreements["people"])). Managers who see another track than the answers: \(text(disagreements["manager_sees_another_track"])).",
            "",
        ]
        let byDimension = disagreements["by_dimension"] as? [String: Any] ?? [:]
        if byDimension.isEmpty {
            lines.append("No dimension with a material disagreement.")
        } else {
            lines += ["| Dimension | People |", "|---|---:|"]
            for name in Dimension.names where byDimension[name] != nil {
                lines.append("| \(Dimension.title(name)) | \(text(byDimension[name])) |")
            }
        }
        let moves = report["possible_moves"] as? [String: Any] ?? [:]
        lines += [
            "", "## People who might move", "",
            "- On the IC track, recommended management: \(text(moves["ic_to_management"]))",
            "- On the management track, recommended IC: \(text(moves["management_to_ic"]))",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
