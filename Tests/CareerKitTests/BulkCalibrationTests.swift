import Foundation
import Testing

@testable import CareerKit

/// Team calibration in a bulk run: six managers of six reports each, built from the team's
/// one-on-one people; the first manager rates everyone 6 on every observation.
@Suite struct BulkCalibrationTests {
    typealias Kit = BulkTestKit

    static let observations = ["obs.depth", "obs.craft", "obs.mentoring", "obs.hard_conversations", "obs.coordination",
                               "obs.influence", "obs.problem_solving"]

    static func sheet(lenient: Bool = true, managers: Int = 6, reports: Int = 6) -> String {
        var rows: [[String]] = []
        for manager in 0..<managers {
            for report in 0..<reports {
                var changes = [
                    "person.id": "T\(manager)\(report)", "person.name": "Report \(manager)-\(report)",
                    "manager.name": "Manager \(manager)",
                ]
                if lenient, manager == 0 { for id in observations { changes["manager." + id] = "6" } }
                rows.append(Kit.person(report % 3, changes))
            }
        }
        return Kit.sheet(rows)
    }

    func run(_ sheet: String, calibrate: Bool = false, byManager: Bool = false) throws -> (URL, BulkRun.Outcome) {
        let root = try TestSupport.temporaryDirectory()
        let input = try Kit.write(sheet, to: root.appendingPathComponent("team.csv"))
        let out = root.appendingPathComponent("out")
        let options = BulkRun.Options(
            outDirectory: out.path, formats: [.md, .json], jobs: 2, today: Kit.today, calibrate: calibrate, byManager: byManager)
        let outcome = try BulkRun(prompts: TestSupport.prompts, options: options)
            .run(BulkSource(inputs: [input], prompts: TestSupport.prompts))
        return (out, outcome)
    }

    @Test func theReportFlagsTheLenientManagerAndNoOneElse() throws {
        let (out, outcome) = try run(Self.sheet())
        #expect(outcome.people == 36)
        let report = try Kit.json(out, "calibration.json")
        #expect(report["schema"] as? String == "careerpath.calibration/1")
        #expect(report["applied"] as? Bool == false)
        let managers = try #require(report["managers"] as? [[String: Any]])
        #expect(managers.map { $0["manager"] as? String } == (0..<6).map { "Manager \($0)" })
        #expect(managers.map { $0["reports"] as? Int } == Array(repeating: 6, count: 6))
        #expect(managers.compactMap { $0["flag"] as? String } == ["lenient"])
        #expect(managers[0]["flag"] as? String == "lenient")
        #expect((managers[0]["offset"] as? Double ?? 0) > 1)
        let markdown = try Kit.text(out, "calibration.md")
        #expect(markdown.contains("| Manager 0 | 6 | +"))
        #expect(markdown.contains("## What to do with a flag"))
        #expect(markdown.contains("not a verdict"))
    }

    @Test func aManagerWithFewerThanFiveReportsIsNeverShown() throws {
        let (out, _) = try run(Self.sheet(managers: 6, reports: 4))
        let report = try Kit.json(out, "calibration.json")
        #expect((report["managers"] as? [Any])?.isEmpty == true)
        #expect(report["managers_left_out"] as? Int == 6)
        #expect(!(try Kit.text(out, "calibration.md")).contains("Manager 0"))
    }

    /// --calibrate takes the flagged manager's offset off their observations, says so in
    /// their plans and in the summary, and changes no other plan.
    @Test func calibratingChangesOnlyTheFlaggedManagersPlansAndSaysSo() throws {
        let (plain, _) = try run(Self.sheet())
        let (calibrated, _) = try run(Self.sheet(), calibrate: true)
        #expect(try Kit.json(calibrated, "calibration.json")["applied"] as? Bool == true)
        let summary = try Kit.records(calibrated, "summary.csv")
        let flags = summary[0].firstIndex(of: "flags")!
        for row in summary.dropFirst() {
            let lenient = row[0].hasPrefix("T0")
            #expect(row[flags].contains("calibrated") == lenient, "\(row[0])")
            let name = row[0] + ".md"
            if lenient {
                // The plan says its scores were adjusted, and nothing of how the manager rates.
                let plan = try Kit.text(calibrated, name)
                #expect(plan.contains(Self.adjusted))
                #expect(!plan.contains("ratings run") && !plan.contains("Manager 0's") && !plan.contains("lenient"))
            } else {
                #expect(try Kit.text(calibrated, name) == (try Kit.text(plain, name)), "\(name) changed")
            }
        }
        // Without a flag, nothing changes.
        let (again, _) = try run(Self.sheet(lenient: false), calibrate: true)
        let (asIs, _) = try run(Self.sheet(lenient: false))
        #expect(try Kit.planFiles(again) == (try Kit.planFiles(asIs)))
        for name in try Kit.planFiles(asIs) { #expect(try Kit.text(again, name) == (try Kit.text(asIs, name))) }
    }

    static let adjusted =
        "The scores from your manager's observations were adjusted after calibration, the review that keeps ratings consistent across teams."

    @Test func managersComeInReadingOrderAndTheMeetingGetsAPage() throws {
        let (out, _) = try run(Self.sheet(managers: 11, reports: 5))
        let names = (0..<11).map { "Manager \($0)" }
        let report = try Kit.json(out, "calibration.json")
        let managers = try #require(report["managers"] as? [[String: Any]])
        #expect(managers.map { $0["manager"] as? String ?? "" } == names)
        let markdown = try Kit.text(out, "calibration.md")
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| Manager ") && !$0.hasPrefix("| Manager |") }
        #expect(rows.map { $0.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } == names)
        let html = try Kit.text(out, "calibration.html")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<tr><td>Manager 0</td><td class=\"num\">5</td><td class=\"num\">+"))
        #expect(html.contains("<span class=\"flag\">lenient</span>"))
        let positions = names.map { html.range(of: "<tr><td>\($0)</td>")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.contains("<strong>lenient</strong>"))
        #expect(!html.contains("**"))
    }

    @Test func theFlagIsOnTheFlaggedManagersOwnPageOnly() throws {
        for calibrate in [false, true] {
            let (out, _) = try run(Self.sheet(), calibrate: calibrate, byManager: true)
            let pages = out.appendingPathComponent(BulkRun.managersFolder)
            let flagged = try String(contentsOf: pages.appendingPathComponent("Manager-0.md"), encoding: .utf8)
            let offset = try #require(((try Kit.json(out, "calibration.json"))["managers"] as? [[String: Any]])?.first?["offset"] as? Double)
            #expect(flagged.contains(
                "**Calibration:** The calibration of this run flags your ratings as lenient: they run about \(formatFixed(offset, decimals: 2)) points above what the other managers would be expected to give the same people, over 6 reports."))
            #expect(flagged.contains(calibrate ? "each plan says only that its scores were adjusted after calibration" : "say nothing of this"))
            let html = try String(contentsOf: pages.appendingPathComponent("Manager-0.html"), encoding: .utf8)
            #expect(html.contains("<a href=\"../calibration.html\">calibration.html</a>"))
            for other in 1..<6 {
                let page = try String(contentsOf: pages.appendingPathComponent("Manager-\(other).md"), encoding: .utf8)
                #expect(!page.contains("Calibration"), "Manager \(other)")
            }
            // Without --calibrate no plan mentions calibration at all.
            if !calibrate {
                #expect(!(try Kit.text(out, "Manager-0/T00.md")).contains("calibration"))
            }
        }
    }

    @Test func eachManagerGetsAPageOfTheirOwnReportsOnly() throws {
        let (out, _) = try run(Self.sheet(), byManager: true)
        let pages = out.appendingPathComponent(BulkRun.managersFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted()
        #expect(names == (0..<6).flatMap { ["Manager-\($0).html", "Manager-\($0).md"] }.sorted())
        let page = try String(contentsOf: pages.appendingPathComponent("Manager-2.md"), encoding: .utf8)
        #expect(page.hasPrefix("# Team page: Manager 2\n"))
        for report in 0..<6 { #expect(page.contains("Report 2-\(report) (T2\(report))")) }
        #expect(!page.contains("Report 1-"))
        // The plans are filed in the manager's folder, named as the page.
        #expect(page.contains("[T20.md](../Manager-2/T20.md)"))
        let html = try String(contentsOf: pages.appendingPathComponent("Manager-2.html"), encoding: .utf8)
        #expect(html.contains("<a href=\"../Manager-2/T20.md\">T20.md</a>"))
        #expect(try Kit.permissions(pages.appendingPathComponent("Manager-2.md").path) == 0o600)
    }
}
