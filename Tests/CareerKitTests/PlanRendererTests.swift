import Foundation
import Testing

@testable import CareerKit

/// Rendered plans compared with snapshot files. Set CAREERPATH_RECORD=1 to write them anew
/// after an intended change, then read the diff before committing.
@Suite struct PlanRendererTests {
    let prompts = TestSupport.prompts
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func renderer(_ fixture: String, edit: (inout Answers) -> Void = { _ in }) throws -> PlanRenderer {
        var answers = try AnswersFile.load(path: TestSupport.fixture(fixture), prompts: prompts)
        edit(&answers)
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-23")!)
        return PlanRenderer(answers: answers, assessment: assessment, plan: plan, prompts: prompts)
    }

    func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = Self.snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CAREERPATH_RECORD"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if text != expected {
            let got = text.components(separatedBy: "\n")
            let want = expected.components(separatedBy: "\n")
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record(
                "\(name) differs from the snapshot at line \(line + 1):\n  got:  \(line < got.count ? got[line] : "<end>")\n  want: \(line < want.count ? want[line] : "<end>")",
                sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["ana-silva", "ben-okafor"])
    func markdownMatchesTheSnapshot(_ fixture: String) throws {
        try assertSnapshot(try renderer(fixture + ".yaml").render(.md), named: fixture + ".md")
    }

    @Test(arguments: ["ana-silva", "ben-okafor"])
    func htmlMatchesTheSnapshot(_ fixture: String) throws {
        try assertSnapshot(try renderer(fixture + ".yaml").render(.html), named: fixture + ".html")
    }

    @Test func userTextIsEscapedInHTMLAndMarkdown() throws {
        let hostile = try renderer("ana-silva.yaml") { answers in
            answers.person.name = "<script>alert('x')</script> & Co"
            answers.notes = "<img src=x onerror=alert(1)> | pipe"
            answers.responses[.contributor]?["goal.statement"] = .text("<b>bold</b>")
        }
        let html = try hostile.render(.html)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b>bold</b>"))
        #expect(html.contains("<h1>Development plan: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co</h1>"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
        let markdown = try hostile.render(.md)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;img src=x onerror=alert(1)&gt; \\| pipe"))
    }

    @Test func htmlIsOneSelfContainedFileWithThreeCharts() throws {
        let html = try renderer("ana-silva.yaml").render(.html)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        // The only address is the SVG namespace, once per chart: nothing is fetched.
        #expect(html.components(separatedBy: "http").count - 1 == 3)
        #expect(html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1 == 3)
    }

    @Test func jsonHasTheContractKeyPaths() throws {
        let json = try renderer("ana-silva.yaml").render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func value(_ path: String) -> Any? {
            var node: Any? = object
            for key in path.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
            return node
        }
        #expect(value("schema") as? String == "careerpath.plan/1")
        for path in [
            "person.name", "person.id", "person.current_level", "track.recommended", "track.archetype", "track.confidence",
            "track.scores.ic", "track.scores.management", "track.scores.hybrid", "track.explanation", "divergence", "flags",
            "plan.current_level", "plan.target_level", "plan.equivalent_level", "plan.horizon_months", "plan.hours_per_month",
            "plan.allocation.on_the_job", "plan.allocation.social", "plan.allocation.formal", "plan.special_project_percent",
            "plan.budget.amount", "plan.budget.currency", "plan.budget.committed", "plan.items", "plan.milestones",
        ] {
            #expect(value(path) != nil, "missing \(path)")
        }
        for name in Dimension.names {
            #expect((value("dimensions.\(name)") as? [String: Any])?.keys.sorted() == ["combined", "manager", "self"])
        }
        let items = try #require(value("plan.items") as? [[String: Any]])
        for item in items {
            for key in ["category", "id", "title", "cost", "hours", "due", "builds"] { #expect(item[key] != nil) }
        }
        let reasons = try #require(value("track.explanation") as? [[String: Any]])
        #expect(reasons.allSatisfy { $0["item"] is String })
    }

    @Test func selfOnlyJSONHasNullManagerScores() throws {
        let json = try renderer("dara-novak.yaml").render(.json)
        #expect(json.contains("\"manager\" : null"))
    }
}
