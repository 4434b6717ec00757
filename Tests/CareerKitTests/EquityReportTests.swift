import Foundation
import Testing

@testable import CareerKit

@Suite struct EquityReportTests {
    typealias Kit = BulkTestKit

    func sample(
        _ track: Track, current: String = "ic", committed: Double = 0, hours: Double = 0, special: Int = 0,
        certification: Bool = false, mentor: Bool = false, divergent: [String] = [], trackViewDiffers: Bool = false
    ) -> EquitySample {
        EquitySample(
            recommended: track, currentTrack: current, committed: committed, hours: hours, specialProjectPercent: special,
            hasCertification: certification, hasMentor: mentor, divergentDimensions: divergent,
            trackViewDiffers: trackViewDiffers)
    }

    func report(_ samples: [EquitySample], failed: Int = 0) -> EquityReport {
        var report = EquityReport(currency: "USD")
        for sample in samples { report.add(sample) }
        report.failed = failed
        return report
    }

    /// The lines of the markdown table for investment, keyed by track title.
    func investmentRows(_ markdown: String) -> [String: String] {
        var rows: [String: String] = [:]
        var inSection = false
        for line in markdown.split(separator: "\n").map(String.init) {
            if line.hasPrefix("## ") { inSection = line == "## Development investment per recommended track" }
            guard inSection, line.hasPrefix("| ") else { continue }
            for track in Track.allCases where line.hasPrefix("| \(track.shortTitle) |") { rows[track.shortTitle] = line }
        }
        return rows
    }

    /// equity.json as parsed JSON, with whole numbers as Int and others as Double, so that the
    /// tests read the contract's shape rather than the report's types.
    func parsed(_ report: EquityReport) -> [String: Any] {
        func canonical(_ value: Any) -> Any {
            switch value {
            case let object as [String: Any]: return object.mapValues(canonical)
            case let array as [Any]: return array.map(canonical)
            case is String, is NSNull: return value
            case let number as NSNumber:
                return number.doubleValue == number.doubleValue.rounded() ? number.intValue as Any : number.doubleValue as Any
            default: return value
            }
        }
        let object = try? JSONSerialization.jsonObject(with: Data(report.json().utf8))
        return object.map(canonical) as? [String: Any] ?? [:]
    }

    /// A dictionary of numbers as Doubles, whether they came as Int, Double or NSNumber.
    func numbers(_ value: Any?) -> [String: Double]? {
        guard let dictionary = value as? [String: Any] else { return nil }
        var result: [String: Double] = [:]
        for (key, value) in dictionary {
            switch value {
            case let number as Int: result[key] = Double(number)
            case let number as Double: result[key] = number
            case let number as NSNumber: result[key] = number.doubleValue
            default: return nil
            }
        }
        return result
    }

    // MARK: - The report on its own

    @Test func groupsUnderFiveShowNoFigures() throws {
        let samples = (0..<4).map { sample(.ic, committed: Double(1000 * ($0 + 1)), hours: 30, certification: true) }
            + (0..<2).map { _ in sample(.management, current: "management", committed: 2500, hours: 12, mentor: true) }
        let report = report(samples)
        let dictionary = parsed(report)
        #expect(dictionary["people"] as? Int == 6)
        // Fewer than 15 people with a small group: no size and no average at all, since even
        // "fewer than 5" beside the total would narrow 4 + 2 down.
        #expect(dictionary["by_recommended_track"] as? [String: AnyHashable] == [
            "ic": "not shown", "management": "not shown", "hybrid": "not shown", "undecided": "not shown",
        ])
        #expect(dictionary["investment"] as? [String: String] == [
            "ic": "not shown", "management": "not shown", "hybrid": "not shown", "undecided": "not shown",
        ])
        #expect(dictionary["ic_to_management_ratio"] as? [String: String] == ["budget": "not shown", "hours": "not shown"])
        #expect(dictionary["by_current_track"] as? [String: AnyHashable] == ["ic": "not shown", "management": "not shown"])

        let json = report.json()
        for key in ["budget_committed_average", "hours_average", "with_certification_percent", "with_mentoring_percent"] {
            #expect(!json.contains(key), "\(key) shown for a small group")
        }
        let rows = investmentRows(report.markdown())
        #expect(rows == [
            "Individual contributor": "| Individual contributor | not shown | | | | | |",
            "Management": "| Management | not shown | | | | | |",
            "Hybrid": "| Hybrid | not shown | | | | | |",
            "Undecided": "| Undecided | not shown | | | | | |",
        ])
        #expect(report.markdown().contains(
            "IC-track to management-track investment: the ratio is withheld, because one of the two groups has fewer than 5 people"))
        #expect(!report.markdown().contains("budget not shown, hours not shown"))
    }

    @Test func groupsOfFiveOrMoreShowTheirAverages() throws {
        let ic = [
            sample(.ic, committed: 1000, hours: 10, special: 0, certification: true, mentor: true),
            sample(.ic, committed: 2000, hours: 20, special: 10, certification: true),
            sample(.ic, committed: 0, hours: 30, special: 20),
            sample(.ic, committed: 500, hours: 40, special: 10),
            sample(.ic, committed: 1500, hours: 51, special: 5),
        ]
        let management = (0..<6).map { index in
            sample(
                .management, current: index < 3 ? "management" : "ic", committed: index == 5 ? 2500 : 2000, hours: 20,
                special: 10, certification: index % 2 == 0, mentor: index < 4)
        }
        let report = report(ic + management + (0..<4).map { _ in sample(.hybrid, committed: 9999) }, failed: 2)
        let dictionary = parsed(report)
        #expect(dictionary["people"] as? Int == 15)
        #expect(dictionary["failed_rows"] as? Int == 2)
        // A small group in a table with a shown total: no size is shown, so 15 - 6 - 5 cannot
        // give the hybrid group away.
        #expect(dictionary["by_recommended_track"] as? [String: AnyHashable] == [
            "ic": "not shown", "management": "not shown", "hybrid": "fewer than 5", "undecided": "fewer than 5",
        ])
        #expect(dictionary["by_current_track"] as? [String: AnyHashable] == ["ic": "not shown", "management": "fewer than 5"])
        let investment = try #require(dictionary["investment"] as? [String: Any])
        var icInvestment = try #require(investment["ic"] as? [String: Any])
        #expect(icInvestment.removeValue(forKey: "people") as? String == "not shown")
        #expect(numbers(icInvestment) == [
            "budget_committed_average": 1000, "hours_average": 30.2, "special_project_percent_average": 9,
            "with_certification_percent": 40, "with_mentoring_percent": 20,
        ])
        var managementInvestment = try #require(investment["management"] as? [String: Any])
        #expect(managementInvestment.removeValue(forKey: "people") as? String == "not shown")
        #expect(numbers(managementInvestment) == [
            "budget_committed_average": 2083.3, "hours_average": 20, "special_project_percent_average": 10,
            "with_certification_percent": 50, "with_mentoring_percent": 66.7,
        ])
        #expect(investment["hybrid"] as? String == "fewer than 5")
        // 1000 / 2083.3 and 30.2 / 20, to two decimals.
        #expect(numbers(dictionary["ic_to_management_ratio"]) == ["budget": 0.48, "hours": 1.51])
        #expect(dictionary["possible_moves"] as? [String: AnyHashable] == ["ic_to_management": "fewer than 5", "management_to_ic": 0])

        let markdown = report.markdown()
        #expect(investmentRows(markdown) == [
            "Individual contributor": "| Individual contributor | not shown | 1000 | 30.2 | 9% | 40% | 20% |",
            "Management": "| Management | not shown | 2083.3 | 20 | 10% | 50% | 66.7% |",
            "Hybrid": "| Hybrid | fewer than 5 | | | | | |",
            "Undecided": "| Undecided | fewer than 5 | | | | | |",
        ])
        #expect(markdown.contains("15 people planned, 2 rows could not be read (see errors.csv)."))
        #expect(!markdown.contains("9999"))
    }

    /// The ratio is "1 means on par": the markdown must not round 0.96 up to look on par.
    @Test func theMarkdownShowsTheRatioAsTheJSONDoes() throws {
        let samples = (0..<5).map { _ in sample(.ic, committed: 960, hours: 9.6) }
            + (0..<5).map { _ in sample(.management, committed: 1000, hours: 10) }
        let report = report(samples)
        #expect(numbers(parsed(report)["ic_to_management_ratio"]) == ["budget": 0.96, "hours": 0.96])
        #expect(report.markdown().contains("IC-track to management-track investment: budget 0.96, hours 0.96 (1 means on par)."))
    }

    /// The total of a table must not give a small group away: 20 people with 17 on one track
    /// and 3 on the other would otherwise be 20 - 17.
    @Test func theTotalNeverGivesASmallGroupAway() throws {
        let samples = (0..<17).map { _ in sample(.ic, committed: 100, hours: 10) }
            + (0..<3).map { _ in sample(.management, current: "management", committed: 900, hours: 20) }
        let report = report(samples)
        let dictionary = parsed(report)
        #expect(dictionary["people"] as? Int == 20)
        #expect(dictionary["by_recommended_track"] as? [String: AnyHashable] == [
            "ic": "not shown", "management": "fewer than 5", "hybrid": "fewer than 5", "undecided": "fewer than 5",
        ])
        #expect(dictionary["by_current_track"] as? [String: AnyHashable] == ["ic": "not shown", "management": "fewer than 5"])
        let markdown = report.markdown()
        #expect(!markdown.contains("17"), "the large group's size would give the small one away")
        #expect(markdown.contains("| Individual contributor | not shown | not shown |"))
        #expect(markdown.contains("the other sizes are \"not shown\""))
        // Two small groups do not hide each other (13 + 1 + 1 = 15 pins both): the large
        // one is withheld as well.
        let two = self.report((0..<13).map { _ in sample(.ic) } + [sample(.management), sample(.hybrid)])
        #expect(parsed(two)["by_recommended_track"] as? [String: AnyHashable] == [
            "ic": "not shown", "management": "fewer than 5", "hybrid": "fewer than 5", "undecided": "fewer than 5",
        ])
        // Without a small group every size is shown, empty ones as 0.
        let none = self.report((0..<6).map { _ in sample(.ic) } + (0..<5).map { _ in sample(.management) })
        #expect(parsed(none)["by_recommended_track"] as? [String: AnyHashable] == ["ic": 6, "management": 5, "hybrid": 0, "undecided": 0])
        #expect((parsed(none)["investment"] as? [String: Any])?["hybrid"] as? String == "nobody")
    }

    /// Every table of up to 40 people: whatever the report shows for a table (its labels and
    /// the total), a small group's size must fit more than one table that shows the same.
    @Test func noSmallGroupCanBeWorkedOutFromWhatIsShown() {
        func shown(_ report: EquityReport, _ key: String) -> [String] {
            let table = parsed(report)[key] as? [String: Any] ?? [:]
            return table.keys.sorted().map { "\($0)=\(table[$0]!)" }
        }
        // Recommended track (three groups) and current track (two), each sized by the samples.
        var recommended: [String: [[Int]]] = [:]
        var current: [String: [[Int]]] = [:]
        for total in 1...40 {
            for ic in 0...total {
                for management in 0...(total - ic) {
                    let hybrid = total - ic - management
                    let samples = (0..<ic).map { _ in sample(.ic, current: "ic") }
                        + (0..<management).map { _ in sample(.management, current: "management") }
                        + (0..<hybrid).map { _ in sample(.hybrid, current: "management") }
                    let report = report(samples)
                    recommended["\(total) " + shown(report, "by_recommended_track").joined(separator: " "), default: []]
                        .append([ic, management, hybrid])
                    current["\(total) " + shown(report, "by_current_track").joined(separator: " "), default: []]
                        .append([ic, management + hybrid])
                }
            }
        }
        for (name, groups) in [("recommended", recommended), ("current", current)] {
            for (output, tables) in groups {
                for cell in tables[0].indices where tables.contains(where: { (1..<5).contains($0[cell]) }) {
                    #expect(Set(tables.map { $0[cell] }).count > 1, "\(name): \(output) pins group \(cell) of \(tables)")
                }
            }
        }
    }

    @Test func disagreementCountsUnderFiveAreSuppressed() {
        let samples = (0..<7).map { index in
            sample(
                .ic, divergent: index < 5 ? ["technical_depth"] : index == 5 ? ["growing_people"] : [],
                trackViewDiffers: index < 2)
        }
        let dictionary = parsed(report(samples))
        let disagreements = dictionary["disagreements"] as? [String: Any]
        #expect(disagreements?["by_dimension"] as? [String: AnyHashable] == ["technical_depth": 5, "growing_people": "fewer than 5"])
        #expect(disagreements?["people"] as? Int == 6)
        #expect(disagreements?["manager_sees_another_track"] as? String == "fewer than 5")
    }

    @Test func aManagementAverageOfZeroGivesNoRatio() {
        let samples = (0..<5).map { _ in sample(.ic, committed: 100, hours: 10) }
            + (0..<5).map { _ in sample(.management, committed: 0, hours: 0) }
        let ratio = parsed(report(samples))["ic_to_management_ratio"] as? [String: Any]
        #expect(ratio?["budget"] is NSNull)
        #expect(ratio?["hours"] is NSNull)
        #expect(report(samples).markdown().contains("budget n/a, hours n/a"))
    }

    @Test func figuresReadAsTheReportWritesThem() {
        let figures: [ReportFigure] = [.count(12), .value(1000), .value(30.2), .value(0.96), .value(66.7), .value(0.5), .fewerThanFive, .withheld, .nobody, .notApplicable]
        #expect(figures.map(\.text) == ["12", "1000", "30.2", "0.96", "66.7", "0.5", "fewer than 5", "not shown", "nobody", "n/a"])
        #expect(figures.map { $0.json.compactText() } == ["12", "1000", "30.2", "0.96", "66.7", "0.5", #""fewer than 5""#, #""not shown""#, #""nobody""#, "null"])
    }

    // MARK: - The report a run writes

    @Test func theFourPeopleOfTheTeamAreAllSuppressed() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        _ = try Kit.run([TestSupport.fixture("team.csv")], into: out)
        let report = try Kit.json(out, "equity.json")
        #expect(report["schema"] as? String == "careerpath.equity/1")
        #expect(report["people"] as? Int == 4)
        #expect(report["failed_rows"] as? Int == 0)
        #expect(report["currency"] as? String == "USD")
        #expect(report["by_recommended_track"] as? [String: String] == [
            "ic": "not shown", "management": "not shown", "hybrid": "not shown", "undecided": "not shown",
        ])
        #expect(report["investment"] as? [String: String] == [
            "ic": "not shown", "management": "not shown", "hybrid": "not shown", "undecided": "not shown",
        ])
        #expect(report["ic_to_management_ratio"] as? [String: String] == ["budget": "not shown", "hours": "not shown"])
        let markdown = try Kit.text(out, "equity.md")
        #expect(investmentRows(markdown).values.sorted() == [
            "| Hybrid | not shown | | | | | |", "| Individual contributor | not shown | | | | | |",
            "| Management | not shown | | | | | |", "| Undecided | not shown | | | | | |",
        ])
        #expect(try Kit.text(out, "equity.json") == (try EquityReportTests.reparsed(out)))
    }

    /// equity.json written again from its own parse, to show it is stable sorted JSON.
    static func reparsed(_ out: URL) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("equity.json")))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// 16 people: six variants each of Ana (IC) and Ben (management) with different budgets,
    /// currencies, hours and special-project time, two each of Chen and Dara.
    static func sixteenPeople() -> String {
        let budgets = ["500", "1000", "2000", "3000", "4500", "6000"]
        let currencies = ["USD", "EUR", "GBP", "USD", "EUR", "USD"]
        let hours = ["4", "8", "12", "16", "24", "40"]
        let special = ["0", "10", "20", "30", "40", "50"]
        var rows: [[String]] = []
        for person in [0, 1] {
            for variant in 0..<6 {
                rows.append(Kit.person(person, [
                    "person.id": "Q\(person)\(variant)", "manager.budget.amount": budgets[(variant + person) % 6],
                    "manager.budget.currency": currencies[variant], "manager.capacity.dev_hours_per_month": hours[variant],
                    "manager.capacity.special_project_percent": special[(variant * 5 + person) % 6],
                ]))
            }
        }
        for variant in 0..<2 {
            rows.append(Kit.person(2, ["person.id": "Q2\(variant)", "manager.budget.amount": variant == 0 ? "800" : "2200"]))
            rows.append(Kit.person(3, ["person.id": "Q3\(variant)"]))
        }
        return Kit.sheet(rows)
    }

    func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// Whether a table with a shown total hides its sizes, worked out independently of the
    /// report: when any group has 1 to 4 people.
    static func isProtected(_ sizes: [String: Int]) -> Bool {
        sizes.values.contains { (1..<5).contains($0) }
    }

    @Test func averagesMatchThePlansOfTheirTrack() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try Kit.write(Self.sixteenPeople(), to: root.appendingPathComponent("sixteen.csv"))
        let out = root.appendingPathComponent("out")
        let outcome = try Kit.run([sheet], into: out, jobs: 3, batchSize: 5)
        #expect(outcome.people == 16)
        #expect(outcome.failed == 0)

        // What each person got, from summary.csv and their plan JSON.
        struct Got { var committed = 0.0, hours = 0.0, special = 0.0, certification = false, mentor = false, current = "" }
        var groups: [String: [Got]] = [:]
        let summary = try Kit.records(out, "summary.csv")
        let header = try #require(summary.first)
        let idColumn = try #require(header.firstIndex(of: "id"))
        let trackColumn = try #require(header.firstIndex(of: "recommended_track"))
        let levelColumn = try #require(header.firstIndex(of: "current_level"))
        let committedColumn = try #require(header.firstIndex(of: "budget_committed"))
        let certificationColumn = try #require(header.firstIndex(of: "items_certification"))
        let mentoringColumn = try #require(header.firstIndex(of: "items_mentoring"))
        for row in summary.dropFirst() {
            let plan = try #require(try Kit.json(out, row[idColumn] + ".json")["plan"] as? [String: Any])
            let budget = try #require(plan["budget"] as? [String: Any])
            let currency = try #require(budget["currency"] as? String)
            let rate = try #require(TestSupport.prompts.catalog.convert(1, to: currency))
            let items = try #require(plan["items"] as? [[String: Any]])
            var got = Got()
            got.committed = try #require(budget["committed"] as? Double) / rate
            // Development hours, as summary.csv's hours per month count them: study and
            // mentoring; job time (projects, stretch work, trials) is work, not development hours.
            got.hours = items.filter { $0["time"] as? String != "job" }
                .reduce(0) { $0 + (($1["hours"] as? Double) ?? 0) }
            got.special = Double(try #require(plan["special_project_percent"] as? Int))
            got.certification = items.contains { $0["category"] as? String == "certification" }
            got.mentor = items.contains { $0["category"] as? String == "mentoring" }
            got.current = row[levelColumn].hasPrefix("mgmt.") ? "management" : "ic"
            // The summary agrees with the plan.
            #expect(Double(row[committedColumn]).map { abs($0 - got.committed * rate) < 0.051 } == true, "\(row[idColumn])")
            #expect((Int(row[certificationColumn]) ?? 0 > 0) == got.certification, "\(row[idColumn])")
            #expect((Int(row[mentoringColumn]) ?? 0 > 0) == got.mentor, "\(row[idColumn])")
            groups[row[trackColumn], default: []].append(got)
        }
        // The sheet was built so both IC and management groups are large enough.
        #expect((groups["ic"]?.count ?? 0) >= 5)
        #expect((groups["management"]?.count ?? 0) >= 5)
        #expect(groups.values.reduce(0) { $0 + $1.count } == 16)

        let report = try Kit.json(out, "equity.json")
        #expect(report["people"] as? Int == 16)
        let byTrack = try #require(report["by_recommended_track"] as? [String: Any])
        let investment = try #require(report["investment"] as? [String: Any])
        var averages: [String: (committed: Double, hours: Double)] = [:]
        let protected = Self.isProtected(Dictionary(uniqueKeysWithValues: Track.allCases.map { ($0.rawValue, groups[$0.rawValue]?.count ?? 0) }))
        var peopleCells: [String: String] = [:]
        for track in Track.allCases.map(\.rawValue) {
            let group = groups[track] ?? []
            if group.count >= 5 {
                var entry = try #require(investment[track] as? [String: Any], "\(track)")
                let people = entry.removeValue(forKey: "people")
                if protected {
                    #expect(byTrack[track] as? String == "not shown", "\(track)")
                    #expect(people as? String == "not shown", "\(track)")
                    peopleCells[track] = "not shown"
                } else {
                    #expect(byTrack[track] as? Int == group.count, "\(track)")
                    #expect(people as? Int == group.count, "\(track)")
                    peopleCells[track] = String(group.count)
                }
                let figures = try #require(numbers(entry), "\(track)")
                let n = Double(group.count)
                let committed = round1(group.reduce(0) { $0 + $1.committed } / n)
                let hours = round1(group.reduce(0) { $0 + $1.hours } / n)
                #expect(abs((figures["budget_committed_average"] ?? -1) - committed) <= 0.1 + 1e-9, "\(track): \(figures) vs \(committed)")
                #expect(figures["hours_average"] == hours, "\(track)")
                #expect(figures["special_project_percent_average"] == round1(group.reduce(0) { $0 + $1.special } / n), "\(track)")
                #expect(figures["with_certification_percent"] == round1(Double(group.filter(\.certification).count) / n * 100), "\(track)")
                #expect(figures["with_mentoring_percent"] == round1(Double(group.filter(\.mentor).count) / n * 100), "\(track)")
                averages[track] = (figures["budget_committed_average"] ?? 0, hours)
            } else if group.isEmpty, !protected {
                #expect(byTrack[track] as? Int == 0, "\(track)")
                #expect(investment[track] as? String == "nobody", "\(track)")
            } else {
                #expect(byTrack[track] as? String == "fewer than 5", "\(track)")
                #expect(investment[track] as? String == "fewer than 5", "\(track)")
            }
        }
        let ic = try #require(averages["ic"]), management = try #require(averages["management"])
        let ratio = try #require(numbers(report["ic_to_management_ratio"]))
        #expect(ratio["budget"] == (ic.committed / management.committed * 100).rounded() / 100)
        #expect(ratio["hours"] == (ic.hours / management.hours * 100).rounded() / 100)
        // The budget ratio is not trivially 1: the sheet gives the two groups different budgets.
        #expect(ratio["budget"] != nil && ratio["budget"] != 1)

        let all = groups.values.flatMap { $0 }
        let currentIC = all.filter { $0.current == "ic" }.count
        let current = ["ic": currentIC, "management": all.count - currentIC]
        let currentShown = (report["by_current_track"] as? [String: Any])?["ic"]
        if Self.isProtected(current), currentIC >= 5 {
            #expect(currentShown as? String == "not shown")
        } else if currentIC < 5, Self.isProtected(current) {
            #expect(currentShown as? String == "fewer than 5")
        } else {
            #expect(currentShown as? Int == currentIC)
        }

        // The markdown shows the same figures.
        let markdown = try Kit.text(out, "equity.md")
        let rows = investmentRows(markdown)
        var icEntry = try #require(investment["ic"] as? [String: Any])
        icEntry["people"] = nil
        let icFigures = try #require(numbers(icEntry))
        func shown(_ value: Double?) -> String {
            guard let value else { return "?" }
            return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }
        #expect(rows["Individual contributor"] == "| Individual contributor | \(peopleCells["ic"] ?? "?") | \(shown(icFigures["budget_committed_average"])) | \(shown(icFigures["hours_average"])) | \(shown(icFigures["special_project_percent_average"]))% | \(shown(icFigures["with_certification_percent"]))% | \(shown(icFigures["with_mentoring_percent"]))% |")
    }
}
