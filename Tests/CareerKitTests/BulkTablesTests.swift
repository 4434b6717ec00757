import Foundation
import Testing
@testable import CareerKit

/// summary.csv and errors.csv read as an HR analyst's spreadsheet reads them: a byte-order
/// mark, a header, one row per person, a column per quantity in one unit.
@Suite struct BulkTablesTests {
    typealias Kit = BulkTestKit

    /// The four people of team.csv with a manager id, Ben's budget in euros and Chen's in pounds.
    static func sheet() -> String {
        let header = Kit.header + ["manager.id"]
        let rows = [
            Kit.person(0) + ["M7"],
            Kit.person(1, ["manager.budget.currency": "EUR", "manager.budget.amount": "2000"]) + ["M7"],
            Kit.person(2, ["manager.budget.currency": "GBP", "manager.budget.amount": "1500"]) + ["M7"],
            Kit.person(3) + [""],
        ]
        return Kit.sheet(rows, header: header)
    }

    static func column(_ records: [[String]], _ name: String) throws -> [String] {
        let index = try #require(records.first?.firstIndex(of: name), "no column \(name)")
        return records.dropFirst().map { $0.count > index ? $0[index] : "<missing>" }
    }

    @Test func theSummaryJoinsAndSumsHonestly() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try Kit.write(Self.sheet(), to: root.appendingPathComponent("team.csv"))
        let out = root.appendingPathComponent("out")
        let outcome = try Kit.run([sheet], into: out)
        #expect(outcome.people == 4)
        let summary = try Kit.records(out, "summary.csv")
        #expect(summary.first == BulkRun.summaryHeader)
        // One row per person, each as wide as the header.
        #expect(summary.count == 5)
        #expect(summary.allSatisfy { $0.count == BulkRun.summaryHeader.count })
        #expect(try Self.column(summary, "id") == ["E1042", "E1043", "E1044", "E1045"])
        #expect(try Self.column(summary, "manager_id") == ["M7", "M7", "M7", ""])
        #expect(try Self.column(summary, "manager_name") == ["Jordan Lee", "Jordan Lee", "Jordan Lee", "Jordan Lee"])
        #expect(try Self.column(summary, "current_level") == ["ic.senior", "ic.senior", "mgmt.tech_lead", "ic.developer"])
        #expect(try Self.column(summary, "current_level_title") == [
            "Senior Engineer", "Senior Engineer", "Tech Lead", "Software Engineer",
        ])
        let targets = try Self.column(summary, "target_level")
        let titles = try Self.column(summary, "target_level_title")
        #expect(titles == targets.map { TestSupport.prompts.ladder.level($0)?.title ?? "?" })
        // The row's own money, then the same in the catalog's currency (1 USD = 0.87 EUR = 0.75 GBP).
        let own = try Self.column(summary, "budget_committed").map { try #require(Double($0)) }
        #expect(try Self.column(summary, "currency") == ["USD", "EUR", "GBP", "USD"])
        let converted = try Self.column(summary, "budget_committed_catalog")
        #expect(converted == [own[0], own[1] / 0.87, own[2] / 0.75, own[3]].map(formatOneDecimal))
        #expect(try Self.column(summary, "catalog_currency") == ["USD", "USD", "USD", "USD"])
        // Each plan says the same committed amount as its row.
        let ben = try #require(Kit.json(out, "E1043.json")["plan"] as? [String: Any])
        let budget = try #require(ben["budget"] as? [String: Any])
        #expect(budget["currency"] as? String == "EUR")
        #expect((budget["committed"] as? NSNumber)?.doubleValue == own[1])
        #expect(own[1] > 0 && own[2] > 0)
        // No column mixes units: every number column parses as a number in every row.
        for name in ["fit_ic", "fit_management", "fit_hybrid", "budget_committed", "budget_committed_catalog", "hours_per_month"] {
            #expect(try Self.column(summary, name).allSatisfy { Double($0) != nil }, "\(name)")
        }
        // The plan JSON names the manager's id too.
        let session = try #require(Kit.json(out, "E1042.json")["session"] as? [String: Any])
        #expect(session["manager_id"] as? String == "M7")
    }

    @Test func everyCSVStartsWithAByteOrderMarkAndReadsBackWithAccents() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let name = "Zoë Müller-Łukasz"
        let rows = [
            Kit.person(0, ["person.name": name]),
            Kit.person(1, ["person.name": "Ünal Øre", "person.id": "E9", "contributor.depth.mastery": "9"]),
        ]
        let sheet = try Kit.write(Kit.sheet(rows), to: root.appendingPathComponent("names.csv"))
        let out = root.appendingPathComponent("out")
        _ = try Kit.run([sheet], into: out)
        for file in ["summary.csv", "errors.csv"] {
            let data = try Data(contentsOf: out.appendingPathComponent(file))
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(file)")
            // Only the first cell carries it: the mark is not repeated in a later row.
            #expect(data.dropFirst(3).firstRange(of: Data([0xEF, 0xBB, 0xBF])) == nil, "\(file)")
        }
        #expect(try Self.column(Kit.records(out, "summary.csv"), "name") == [name])
        let errors = try Kit.records(out, "errors.csv")
        #expect(errors.first == BulkRun.errorsHeader)
        #expect(try Self.column(errors, "person_id") == ["E9"])
        #expect(try Self.column(errors, "person_name") == ["Ünal Øre"])
    }
}

@Suite struct NaturalOrderTests {
    @Test func numbersCompareAsNumbersAndTheOrderIsTotal() {
        let names = ["Manager 10", "manager 2", "Manager 2", "Manager 1", "Manager 02", "Ana", "Manager", "Zoë", "Manager 1b"]
        #expect(names.sorted(by: NaturalOrder.precedes) == [
            "Ana", "Manager", "Manager 1", "Manager 1b", "Manager 2", "Manager 02", "manager 2", "Manager 10", "Zoë",
        ])
        #expect(!NaturalOrder.precedes("Manager 2", "Manager 2"))
    }
}

@Suite struct BulkIndexTests {
    typealias Kit = BulkTestKit

    /// Two reports each of Manager 10 and Manager 2, one person without a manager, one bad row.
    @discardableResult
    func runTeams(byManager: Bool, in root: URL, outcome: ((BulkRun.Outcome) -> Void)? = nil) throws -> URL {
        var rows: [[String]] = []
        for manager in [10, 2] {
            for report in 0..<2 {
                rows.append(Kit.person(report, ["person.id": "X\(manager)\(report)", "manager.name": "Manager \(manager)"]))
            }
        }
        rows.append(Kit.person(3, ["person.id": "X99", "manager.name": ""]))
        rows.append(Kit.person(0, ["person.id": "BAD", "person.current_level": "ic.wizard"]))
        let sheet = try Kit.write(Kit.sheet(rows), to: root.appendingPathComponent("team.csv"))
        let out = root.appendingPathComponent("out")
        let options = BulkRun.Options(outDirectory: out.path, formats: [.md, .html], jobs: 2, today: Kit.today, byManager: byManager)
        let result = try BulkRun(prompts: TestSupport.prompts, options: options).run(BulkSource(inputs: [sheet], prompts: TestSupport.prompts))
        #expect(result.people == 5)
        outcome?(result)
        return out
    }

    /// Every `href` of an HTML file, resolved against its folder, is a file that exists.
    func expectLinksResolve(_ file: URL, count: Int) throws {
        let html = try String(contentsOf: file, encoding: .utf8)
        let targets = html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        #expect(targets.count == count)
        for target in targets {
            let path = file.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: path), "\(target)")
        }
    }

    @Test func withoutByManagerPlansStayFlatAndTheIndexLinksThem() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = try runTeams(byManager: false, in: root)
        let lines = try Kit.text(out, "index.md").split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("### ") } == ["### Manager 2", "### Manager 10", "### Without a manager's name"])
        #expect(lines.contains("- Ana Silva (X20): [X20.md](X20.md) [X20.html](X20.html)"))
        #expect(lines.contains("- Dara Novak (X99): [X99.md](X99.md) [X99.html](X99.html)"))
        let listing = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!listing.contains("Manager-2") && !listing.contains(ManagerFolders.unmanaged) && !listing.contains("managers"))
        try expectLinksResolve(out.appendingPathComponent("index.html"), count: 5 * 2 + 1 + BulkRun.reports.count)
    }

    @Test func aPlanLeftInAManagersFolderByAnEarlierRunIsNamed() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = try runTeams(byManager: true, in: root)
        FileManager.default.createFile(atPath: out.appendingPathComponent("Manager-2/X29.md").path, contents: Data("old".utf8))
        var others: [String] = []
        try runTeams(byManager: true, in: root) { others = $0.otherFiles }
        #expect(others == ["Manager-2/X29.md"])
    }

    @Test func theIndexListsEveryoneByManagerWithLinksThatResolve() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = try runTeams(byManager: true, in: root)
        let markdown = try Kit.text(out, "index.md")
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(5) == [
            "# Plans of this run", "", "- 5 people planned, 1 row could not be (see errors.csv)", "- 2 managers",
            "- 1 person without a manager's name",
        ])
        // Reading order of managers, input order within a team, the unmanaged last.
        let headings = lines.filter { $0.hasPrefix("### ") }
        #expect(headings == [
            "### Manager 2 ([team page](managers/Manager-2.md))", "### Manager 10 ([team page](managers/Manager-10.md))",
            "### Without a manager's name",
        ])
        // Plans filed in a folder per manager, named as the team page; the unmanaged in their own.
        #expect(lines.contains("- Ana Silva (X20): [X20.md](Manager-2/X20.md) [X20.html](Manager-2/X20.html)"))
        #expect(lines.contains("- Ana Silva (X100): [X100.md](Manager-10/X100.md) [X100.html](Manager-10/X100.html)"))
        #expect(lines.contains("- Dara Novak (X99): [X99.md](no-manager/X99.md) [X99.html](no-manager/X99.html)"))
        #expect(!markdown.contains("BAD"))
        for report in BulkRun.reports.map(\.name) { #expect(lines.contains { $0.hasPrefix("- [\(report)](\(report)): ") }) }
        let files = { (folder: String) in try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(folder).path).sorted() }
        #expect(try files("Manager-2") == ["X20.html", "X20.md", "X21.html", "X21.md"])
        #expect(try files("Manager-10") == ["X100.html", "X100.md", "X101.html", "X101.md"])
        #expect(try files("no-manager") == ["X99.html", "X99.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix("X") }.isEmpty)
        #expect(try Kit.permissions(out.appendingPathComponent("Manager-2").path) == 0o700)
        // Every link of the HTML index, and of each team page, points at a file the run wrote.
        try expectLinksResolve(out.appendingPathComponent("index.html"), count: 5 * 2 + 2 + BulkRun.reports.count + 1)
        try expectLinksResolve(out.appendingPathComponent("managers/Manager-2.html"), count: 2 * 2)
        let page = try Kit.text(out, "managers/Manager-10.md")
        #expect(page.contains("[X100.md](../Manager-10/X100.md) [X100.html](../Manager-10/X100.html)"))
        #expect(try Kit.permissions(out.appendingPathComponent("index.html").path) == 0o600)
    }
}

@Suite struct EquityGroupsTests {
    typealias Kit = BulkTestKit

    func run(_ sheet: String, in root: URL, name: String, groupBy: [String] = []) throws -> URL {
        let input = try Kit.write(sheet, to: root.appendingPathComponent(name + ".csv"))
        let out = root.appendingPathComponent(name)
        let options = BulkRun.Options(outDirectory: out.path, formats: [.json], jobs: 2, today: Kit.today, groupBy: groupBy)
        _ = try BulkRun(prompts: TestSupport.prompts, options: options)
            .run(BulkSource(inputs: [input], prompts: TestSupport.prompts, extraColumns: Set(groupBy)))
        return out
    }

    @Test func eachGroupGetsTheRatioItsPeopleAloneWouldAndSmallGroupsAreNeverNamed() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        func rows(_ site: String, _ count: Int, from start: Int) -> [[String]] {
            (0..<count).map { Kit.person(($0 + start) % 4, ["person.id": "\(site.prefix(1))\($0)"]) + [site, "Eng"] }
        }
        let header = Kit.header + ["person.site", "person.department"]
        let lisbon = rows("Lisbon", 20, from: 0), berlin = rows("Berlin", 16, from: 1), tiny = rows("Oslo", 3, from: 0)
        let out = try run(Kit.sheet(lisbon + tiny + berlin, header: header), in: root, name: "all", groupBy: ["person.site", "person.department"])
        let report = try Kit.json(out, "equity-groups.json")
        #expect(report["schema"] as? String == "careerpath.equity-groups/1")
        #expect(report["group_by"] as? [String] == ["person.site", "person.department"])
        #expect(report["groups_hidden"] as? Int == 1)
        let groups = try #require(report["groups"] as? [[String: Any]])
        #expect(groups.map { ($0["values"] as? [String: String]) ?? [:] } == [
            ["person.site": "Berlin", "person.department": "Eng"], ["person.site": "Lisbon", "person.department": "Eng"],
        ])
        // At least one ratio is a figure, not only words saying why it is hidden.
        #expect(groups.contains { ($0["ic_to_management_ratio"] as? [String: Any])?["budget"] is NSNumber })
        // Each group's ratio is the one equity.json gives for its people alone.
        for (index, (name, people)) in [("Berlin", berlin), ("Lisbon", lisbon)].enumerated() {
            let alone = try run(Kit.sheet(people.map { Array($0.dropLast(2)) }), in: root, name: name)
            let expected = try #require(try Kit.json(alone, "equity.json")["ic_to_management_ratio"] as? [String: Any])
            let got = try #require(groups[index]["ic_to_management_ratio"] as? [String: Any])
            #expect("\(got["budget"] ?? "-")" == "\(expected["budget"] ?? "?")", "\(name)")
            #expect("\(got["hours"] ?? "-")" == "\(expected["hours"] ?? "?")", "\(name)")
        }
        let markdown = try Kit.text(out, "equity-groups.md")
        #expect(markdown.contains("| person.site | person.department | Budget ratio | Hours ratio |"))
        #expect(markdown.contains("1 group has fewer than 5 people and is not shown or named."))
        for file in ["equity-groups.md", "equity-groups.json", "index.md", "index.html"] {
            #expect(!(try Kit.text(out, file)).contains("Oslo"), "\(file)")
        }
        // The extra columns are not answers: the plans are those of the sheet without them.
        let plain = try run(Kit.sheet((lisbon + tiny + berlin).map { Array($0.dropLast(2)) }), in: root, name: "plain")
        #expect(try Kit.text(out, "L3.json") == (try Kit.text(plain, "L3.json")))
        // Without --group-by, such a column is an unknown one.
        #expect(throws: CareerError.self) { _ = try run(Kit.sheet(lisbon, header: header), in: root, name: "refused") }
    }
}

@Suite struct ManagerFoldersTests {
    @Test func eachManagerGetsOneSafeFolderAndTheRunsOwnNamesAreNeverTaken() {
        var folders = ManagerFolders()
        #expect(folders.folder(for: "Ben Okafor") == ("Ben-Okafor", true))
        #expect(folders.folder(for: "Ben Okafor") == ("Ben-Okafor", false))
        #expect(folders.folder(for: "ben/okafor") == ("ben-okafor-2", true))
        #expect(folders.folder(for: "../../etc") == ("etc", true))
        #expect(folders.folder(for: "Managers") == ("Managers-2", true))
        #expect(folders.folder(for: "No manager") == ("No-manager-2", true))
        #expect(folders.folder(for: nil) == ("no-manager", true))
        #expect(folders.folder(for: "") == ("no-manager", false))
        #expect(folders.name(of: "ben/okafor") == "ben-okafor-2")
        #expect(folders.name(of: "Zoë") == nil)
    }
}
