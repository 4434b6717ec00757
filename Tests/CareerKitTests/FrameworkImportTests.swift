import Foundation
import Testing

@testable import CareerKit

/// Issue 25: a company's competency framework becomes careerpath's ladder, deterministically,
/// with the framework's ids and examples, and every competency the map cannot place named.
@Suite struct FrameworkImportTests {
    let shipped = TestSupport.prompts.ladder
    static let example = TestSupport.repoRoot.appendingPathComponent("prompts/examples/framework").path

    func imported() throws -> String {
        try FrameworkImport.ladder(
            framework: Self.example + "/competencies.yaml", map: Self.example + "/map.yaml", shipped: shipped)
    }

    @Test func theSameInputGivesTheSameFileByteForByte() throws {
        #expect(try imported() == imported())
    }

    @Test func theExampleFrameworkHasFortyCompetenciesOnFourLevelsAndARole() throws {
        let text = try imported()
        #expect(text.components(separatedBy: "\n      - id: ").count - 1 == 51)
        #expect(text.contains("  - id: \"eng.4\"\n    track: ic\n    title: \"Staff Engineer\"\n"))
        #expect(text.contains("roles:\n\n  - id: \"role.tech_lead\"\n    track: ic\n    title: \"Tech Lead\"\n"))
        // The framework's own id is kept; a competency without one gets a stable id from its text.
        #expect(text.contains("      - id: \"engineer-i-technical-1\"\n        text: \"Ships small, well-tested changes to one service with a reviewer's help.\"\n        dimensions: [technical_depth, challenge]\n        examples:\n          - \"Merged a bug fix"))
        #expect(text.contains("      - id: \"eng.1.reads_unfamiliar_code_in_the\"\n"))
    }

    @Test func expectationsNotInTheMapComeFromTheRankAndSaySo() throws {
        let text = try imported()
        // Four IC levels against the shipped six: the second sits at 5/3 of the shipped track,
        // two thirds of the way from Software Engineer to Senior Engineer.
        let track = shipped.levels(onTrack: "ic")
        #expect(track.map(\.id).prefix(3) == ["ic.junior", "ic.developer", "ic.senior"])
        let position = 1.0 * Double(track.count - 1) / 3
        let low = track[Int(position)].expects["technical_depth"]!, high = track[Int(position) + 1].expects["technical_depth"]!
        let depth = Int((Double(low) + Double(high - low) * (position - Double(Int(position)))).rounded())
        #expect(text.contains("    # expects: not in the map; from rank 2 of 4 against the shipped ladder (between ic.developer and ic.senior).\n    expects:\n      technical_depth: \(depth)\n"))
        // Each level says which of careerpath's it ranks with; every shipped IC level is one's.
        #expect(text.contains("    like: [ic.junior]\n"))
        #expect(text.contains("    like: [ic.developer, ic.senior]\n"))
        #expect(text.contains("    # expects: not in the map; from rank 1 of 4 against the shipped ladder (ic.junior).\n"))
    }

    @Test func aCompetencyWhoseLevelOrAreaTheMapDoesNotKnowIsNamed() throws {
        let folder = TestSupport.fixture("framework")
        let problems = TestSupport.diagnostics {
            _ = try FrameworkImport.ladder(framework: folder + "/bad.yaml", map: folder + "/map.yaml", shipped: shipped)
        }.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
        #expect(problems == [
            "bad.yaml:5:12: the competency 'Sets direction for the whole company.' is for 'Principal Engineer', which the map does not know; allowed: Engineer I, Engineer II, Engineering Manager, engineer i to engineer ii",
            "bad.yaml:8:11: the competency 'Writes tidy code.' is in the area 'craft', which the map does not know; allowed: delivery, technical",
        ])
    }

    @Test func aSheetReadsLikeTheYAML() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = folder.appendingPathComponent("framework.csv").path
        try """
            level,area,summary,examples
            Engineer II,technical,Designs a feature end to end.,"Shipped a feature alone; Wrote the design note"
            Engineer I to Engineer II,delivery,Estimates their own work.,
            Principal,technical,Sets direction.,

            """.write(toFile: sheet, atomically: true, encoding: .utf8)
        let map = TestSupport.fixture("framework") + "/map.yaml"
        let problems = TestSupport.diagnostics { _ = try FrameworkImport.ladder(framework: sheet, map: map, shipped: shipped) }
        #expect(problems.map(\.description) == [
            "\(sheet):4:1: the competency 'Sets direction.' is for 'Principal', which the map does not know; allowed: Engineer I, Engineer II, Engineering Manager, engineer i to engineer ii"
        ])
        try """
            level,area,summary,examples
            Engineer II,technical,Designs a feature end to end.,"Shipped a feature alone; Wrote the design note"

            """.write(toFile: sheet, atomically: true, encoding: .utf8)
        let text = try FrameworkImport.ladder(framework: sheet, map: map, shipped: shipped)
        #expect(text.contains("""
                  - id: "eng.2.designs_a_feature_end_to"
                    text: "Designs a feature end to end."
                    dimensions: [technical_depth]
                    examples:
                      - "Shipped a feature alone"
                      - "Wrote the design note"

            """))
        // Expectations given in the map are used as they are, without the comment.
        #expect(text.contains("    title: \"Engineer II\"\n    summary: \"Level 2 of 2 on the individual-contributor track in the company's framework: 1 competency to show.\"\n"))
        #expect(text.contains("    like: [ic.staff, ic.principal, ic.distinguished]\n    expects:\n      technical_depth: 45\n"))
    }
}

/// Issue 25 end to end: the imported ladder loads with the shipped catalog (each level is like
/// careerpath's levels of its rank), and a plan toward its next level carries the framework's
/// criteria, their examples and, through the work that builds their dimensions, evidence.
@Suite struct ImportedLadderPlanTests {
    @Test func thePlanOfAnEngineerOnTheImportedLadderCarriesTheFrameworksCriteria() throws {
        let shipped = TestSupport.prompts.ladder
        let example = FrameworkImportTests.example
        let text = try FrameworkImport.ladder(framework: example + "/competencies.yaml", map: example + "/map.yaml", shipped: shipped)
        let folder = try TestSupport.promptsCopy(editing: PromptSet.ladderFile) { _ in text }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let prompts = try PromptSet.load(from: folder)
        #expect(prompts.ladder.isImported)
        #expect(prompts.ladder.roles.map(\.title) == ["Tech Lead"])
        #expect(prompts.ladder.level("eng.3")?.like == ["ic.staff", "ic.principal"])
        var answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: TestSupport.prompts)
        answers.person.currentLevel = "eng.3"
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-22")!)
        #expect(plan.targetLevel == "eng.4")
        let framework = try String(contentsOfFile: example + "/competencies.yaml", encoding: .utf8)
        for criterion in plan.criteria {
            #expect(framework.contains("summary: \"\(criterion.text)\""), "\(criterion.text)")
            #expect(!criterion.examples.isEmpty)
        }
        #expect(plan.criteria.count == 12)
        // Every piece of evidence names an item of the plan.
        let ids = Set(plan.items.map(\.id))
        #expect(plan.criteria.allSatisfy { $0.evidence.allSatisfy(ids.contains) })
        #expect(plan.criteria.filter { !$0.evidence.isEmpty }.count >= 4)
        // Each criterion has an item or a "shown" line; what no activity evidences comes from
        // the person's own work, with the framework's examples as ways to show it.
        #expect(plan.criteria.allSatisfy { !$0.evidence.isEmpty || $0.shownByBoth })
        if let own = plan.items.first(where: { $0.source == .criterion }) {
            #expect(own.summary.contains("For example: "))
        }
        #expect(!plan.items.isEmpty)
    }
}
