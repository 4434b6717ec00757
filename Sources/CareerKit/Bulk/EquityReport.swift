import Foundation

/// Across everyone in a bulk run: who is recommended which track, and whether individual
/// contributors get development investment on par with managers. Any group smaller than
/// five people is shown as "fewer than 5", never with its figures; where the total of a
/// table would give such a group away, the next smallest group is "not shown" either.
public struct EquityReport: Sendable {
    public static let minimumGroup = 5
    public static let suppressed = "fewer than 5"
    /// A group of five or more hidden so that a smaller one cannot be worked out from the total.
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

    /// The groups of a table whose total is shown (everyone planned) that must be withheld:
    /// when exactly one group is small, the total minus the others would give its size away,
    /// so the next smallest group is hidden too. Two or more small groups hide each other.
    private func withheld(_ values: [String: Int]) -> Set<String> {
        let small = values.filter { $0.value > 0 && $0.value < Self.minimumGroup }
        guard small.count == 1 else { return [] }
        let next = values.filter { $0.value >= Self.minimumGroup }.min { ($0.value, $0.key) < ($1.value, $1.key) }
        return next.map { [$0.key] } ?? []
    }

    /// Counts of a table whose total is shown: small groups as "fewer than 5" and, where
    /// needed, the next smallest as "not shown".
    private func partition(_ values: [String: Int]) -> [String: Any] {
        let hidden = withheld(values)
        return Dictionary(uniqueKeysWithValues: values.map { ($0.key, hidden.contains($0.key) ? Self.withheld : count($0.value)) })
    }

    private func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

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
        let hiddenTracks = withheld(recommendedCounts)
        for track in Track.allCases {
            let group = totals[track] ?? Totals()
            if let value = investment(group) {
                perTrack[track] = value
                // The averages of a withheld group can be shown; its size cannot.
                let people: Any = hiddenTracks.contains(track.rawValue) ? Self.withheld : value.people
                investments[track.rawValue] = [
                    "people": people, "budget_committed_average": value.committed, "hours_average": value.hours,
                    "special_project_percent_average": value.special, "with_certification_percent": value.certification,
                    "with_mentoring_percent": value.mentor,
                ]
            } else {
                investments[track.rawValue] = group.people == 0 ? "nobody" : Self.suppressed
            }
        }
        var ratio: [String: Any] = [:]
        if let ic = perTrack[.ic], let management = perTrack[.management] {
            ratio["budget"] = management.committed > 0 ? (ic.committed / management.committed * 100).rounded() / 100 : NSNull()
            ratio["hours"] = management.hours > 0 ? (ic.hours / management.hours * 100).rounded() / 100 : NSNull()
        } else {
            ratio["budget"] = Self.suppressed
            ratio["hours"] = Self.suppressed
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
            "\(people) people planned\(failed > 0 ? ", \(failed) rows could not be read (see errors.csv)" : ""). Groups smaller than \(Self.minimumGroup) are shown as \"\(Self.suppressed)\" to keep people anonymous; where a total would give such a group away, the next smallest group is \"\(Self.withheld)\". Amounts are in \(currency).",
            "", "## Recommended and current tracks", "",
            "| Track | Recommended | Now on |", "|---|---:|---:|",
        ]
        let recommended = report["by_recommended_track"] as? [String: Any] ?? [:]
        let current = report["by_current_track"] as? [String: Any] ?? [:]
        for track in Track.allCases {
            lines.append("| \(track.shortTitle) | \(text(recommended[track.rawValue])) | \(track == .hybrid ? "-" : text(current[track.rawValue])) |")
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
        lines += [
            "", "IC-track to management-track investment: budget \(text(ratio["budget"])), hours \(text(ratio["hours"])) (1 means on par).",
        ]
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
