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
    private func count(_ value: Int) -> ReportFigure {
        value > 0 && value < Self.minimumGroup ? .fewerThanFive : .count(value)
    }

    /// Whether a table whose total is shown (everyone planned) must be protected: it has a
    /// group of 1 to 4 people, which the total minus the other groups would give away.
    private func isProtected<Key>(_ values: [Key: Int]) -> Bool {
        values.values.contains { $0 > 0 && $0 < Self.minimumGroup }
    }

    /// Below this many people, a table with a small group shows no size at all, not even
    /// "fewer than 5": with so few, the labels and the total alone can pin a group down
    /// (5 + 5 + 1 = 11, 4 + 4 = 8). From 15 up, the tests find no table where they can.
    public static let smallRun = 15

    /// Whether a protected table is too small to say even which groups are small.
    private func isTiny<Key>(_ values: [Key: Int]) -> Bool {
        isProtected(values) && values.values.reduce(0, +) < Self.smallRun
    }

    /// Counts of a table whose total is shown. Once one group is small, no group's size is
    /// shown: every group under 5, empty ones too, is "fewer than 5" and every other group
    /// "not shown" (in a run under `smallRun` people, every group), so no subtraction from
    /// the total pins a small group down.
    private func partition<Key>(_ values: [Key: Int]) -> [Key: ReportFigure] {
        guard isProtected(values) else { return values.mapValues { .count($0) } }
        let tiny = isTiny(values)
        return values.mapValues { tiny || $0 >= Self.minimumGroup ? .withheld : .fewerThanFive }
    }

    private func investment(_ group: Totals, people: ReportFigure) -> EquitySummary.Investment? {
        guard group.people >= Self.minimumGroup else { return nil }
        let n = Double(group.people)
        return EquitySummary.Investment(
            people: people, committed: round1(group.committed / n), hours: round1(group.hours / n),
            special: round1(group.special / n), certification: round1(Double(group.certification) / n * 100),
            mentor: round1(Double(group.mentoring) / n * 100))
    }

    /// What the report shows, with every small group already hidden.
    public func summary() -> EquitySummary {
        let recommendedCounts = Dictionary(uniqueKeysWithValues: Track.allCases.map { ($0, totals[$0]?.people ?? 0) })
        let protected = isProtected(recommendedCounts)
        // In a tiny run, averages would say which groups have five or more.
        let tiny = isTiny(recommendedCounts)
        var investments: [Track: EquitySummary.InvestmentRow] = [:]
        for track in Track.allCases {
            let group = totals[track] ?? Totals()
            if tiny {
                investments[track] = .hidden(.withheld)
            } else if let value = investment(group, people: protected ? .withheld : .count(group.people)) {
                // The averages of a withheld group can be shown; its size cannot.
                investments[track] = .shown(value)
            } else {
                // An empty group is "nobody" only where sizes are shown at all.
                investments[track] = .hidden(group.people == 0 && !protected ? .nobody : .fewerThanFive)
            }
        }
        let ratio: EquitySummary.Ratio
        if case .shown(let ic) = investments[.ic], case .shown(let management) = investments[.management] {
            func share(_ part: Double, _ whole: Double) -> ReportFigure {
                whole > 0 ? .value((part / whole * 100).rounded() / 100) : .notApplicable
            }
            ratio = .init(budget: share(ic.committed, management.committed), hours: share(ic.hours, management.hours))
        } else {
            ratio = .init(budget: tiny ? .withheld : .fewerThanFive, hours: tiny ? .withheld : .fewerThanFive)
        }
        return EquitySummary(
            people: people, failedRows: failed, currency: currency, byRecommended: partition(recommendedCounts),
            byCurrent: partition(currentTracks), investment: investments, ratio: ratio, disagreeing: count(disagreeing),
            byDimension: Dimension.names.compactMap { name in
                divergentDimensions[name].flatMap { $0 > 0 ? .init(dimension: name, people: count($0)) : nil }
            },
            managerSeesAnotherTrack: count(trackViewDiffers), icToManagement: count(icToManagement),
            managementToIC: count(managementToIC))
    }

    public func json() -> String {
        summary().json()
    }

    public func markdown() -> String {
        summary().markdown()
    }
}
