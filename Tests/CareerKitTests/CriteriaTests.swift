import Foundation
import Testing

@testable import CareerKit

/// Promotion criteria with ids, the catalog items that can evidence them, and the warning
/// about a criterion nothing can evidence (issue 21).
@Suite struct CriteriaTests {
    @Test func everyCriterionOfTheShippedLadderHasAnIdAndAnItemThatCanEvidenceIt() {
        let prompts = TestSupport.prompts
        #expect(prompts.ladder.allCriteria.count == 43)
        #expect(prompts.ladder.level("ic.staff")?.identifiedCriteria.map(\.id) == [
            "ic.staff.led_cross_team_effort", "ic.staff.designs_adopted_by_teams", "ic.staff.sought_out_for_advice",
            "ic.staff.explains_trade_offs",
        ])
        #expect(prompts.warnings.isEmpty)
        #expect(prompts.catalog.item("stretch.cross-team-design")?.evidences == ["ic.staff.designs_adopted_by_teams"])
    }

    @Test func aCriterionWrittenAsPlainTextStillLoadsWithANumberedId() throws {
        let folder = try TestSupport.promptsCopy(editing: PromptSet.ladderFile) { text in
            text.replacingOccurrences(
                of: "      - id: ic.junior.ships_small_changes\n        text: Can write",
                with: "      - Can write")
        }
        // The catalog named the old id: leave it out there too.
        let catalog = folder + "/" + PromptSet.catalogFile
        let text = try String(contentsOfFile: catalog, encoding: .utf8)
        try text.replacingOccurrences(of: "evidences: [ic.junior.ships_small_changes, ", with: "evidences: [")
            .write(toFile: catalog, atomically: true, encoding: .utf8)
        let prompts = try PromptSet.load(from: folder)
        let junior = try #require(prompts.ladder.level("ic.junior"))
        #expect(junior.identifiedCriteria.first?.id == "ic.junior.1")
        #expect(junior.identifiedCriteria.first?.text.hasPrefix("Can write, test and ship") == true)
        // Nothing names the new id, so validate warns about it, at its line, and still loads.
        let warning = try #require(prompts.warnings.first)
        #expect(warning.item == "ic.junior.1")
        #expect(warning.path.hasSuffix("/ladder.yaml"))
        #expect(warning.line > 0)
        #expect(warning.message.hasPrefix("warning: criterion 'ic.junior.1' of level 'ic.junior' has no catalog item that can evidence it"))
    }

    @Test func aCatalogItemNamingAnUnknownCriterionIsAnError() throws {
        let folder = try TestSupport.promptsCopy(editing: PromptSet.catalogFile) { text in
            text.replacingOccurrences(
                of: "evidences: [ic.staff.designs_adopted_by_teams]", with: "evidences: [ic.staff.designs_adoptd]")
        }
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        // Every item that named it, each at its own line, with what is allowed.
        #expect(problems.count == 3)
        #expect(problems.allSatisfy { $0.path.hasSuffix("/catalog.yaml") && $0.line > 0 })
        // The 43 criterion ids would make a line of over a thousand characters: it says how
        // many there are and shows one (fuzzing found the long line).
        #expect(problems.first?.message == "catalog item 'stretch.data-contracts-rollout' 'evidences' has 'ic.staff.designs_adoptd'; allowed: a promotion criterion id of the ladder (43 in all), such as 'ic.junior.ships_small_changes'")
        let misspeltLevel = try TestSupport.promptsCopy(editing: PromptSet.catalogFile) { text in
            text.replacingOccurrences(
                of: "evidences: [ic.staff.designs_adopted_by_teams]", with: "evidences: [ic.stafff.designs_adopted_by_teams]")
        }
        defer { try? FileManager.default.removeItem(atPath: misspeltLevel) }
        let near = TestSupport.diagnostics { _ = try PromptSet.load(from: misspeltLevel) }
        #expect(near.first?.message.hasSuffix("such as 'ic.staff.designs_adopted_by_teams'") == true)
    }

    @Test func aCriterionIdUsedTwiceIsAnError() throws {
        let folder = try TestSupport.promptsCopy(editing: PromptSet.ladderFile) { text in
            text.replacingOccurrences(of: "id: ic.junior.reads_unfamiliar_code", with: "id: ic.junior.ships_small_changes")
        }
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        #expect(problems.map(\.message).contains("criterion 'ic.junior.ships_small_changes' of level 'ic.junior' appears more than once; criterion ids must be unique"))
    }
}

/// Where the two views stand on the target level's criteria, and what the plan does with it.
@Suite struct CriteriaInPlansTests {
    let prompts = TestSupport.prompts

    /// Coach: Ana and Jordan both say she already writes designs other teams adopt; she also
    /// says she explains trade-offs to leaders, which Jordan has not seen. The adopted designs
    /// get a line ("you both say it is already shown"), no activity; the trade-offs keep an
    /// activity, with both views said; the two criteria neither named keep theirs.
    @Test func aCriterionBothSayIsShownGetsALineNotAnActivity() throws {
        var ana = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        ana.responses[.contributor]?["criteria.shown"] = .list(["ic.staff.designs_adopted_by_teams", "ic.staff.explains_trade_offs"])
        ana.responses[.manager]?["criteria.seen"] = .list(["ic.staff.designs_adopted_by_teams"])
        let assessment = Scorer(prompts: prompts).assess(ana)
        let plan = try Planner(prompts: prompts).plan(for: ana, assessment: assessment, today: SessionDate.parse("2026-11-23")!)
        let adopted = try #require(plan.criteria.first { $0.id == "ic.staff.designs_adopted_by_teams" })
        #expect(adopted.shownByBoth)
        #expect(adopted.evidence.isEmpty)
        #expect(!plan.items.contains { $0.doneWhen.contains("Evidence for Staff Engineer: has written design documents") })
        let tradeOffs = try #require(plan.criteria.first { $0.id == "ic.staff.explains_trade_offs" })
        #expect(tradeOffs.contributor == true && tradeOffs.manager == false)
        #expect(!tradeOffs.evidence.isEmpty)
        #expect(PlanView.views(of: tradeOffs) == "You say it is already shown; your manager says it is not shown yet.")
        #expect(PlanView.views(of: adopted) == "You both say it is already shown.")
        let markdown = try PlanRenderer(
            answers: ana, assessment: assessment, plan: plan, prompts: prompts).render(.md)
        #expect(markdown.contains("- **Has written design documents or standards that other teams adopted.** You both say it is already shown. Nothing to add for it."))
    }
}

/// Over the generated population: every criterion of the target level is in the plan, with
/// the items that evidence it really able to (their catalog entry names it), or a line.
@Suite struct CriteriaPopulationTests {
    @Test func everyCriterionOfTheTargetIsReportedWithRealEvidence() {
        let prompts = TestSupport.prompts
        var withEvidence = 0
        var total = 0
        for result in PlanPopulationTests.population {
            let plan = result.plan
            let id = result.answers.person.id ?? result.answers.person.name
            let target = prompts.ladder.level(plan.targetLevel)
            let expected = plan.targetLevel == plan.currentLevel ? [] : target?.identifiedCriteria.map(\.id) ?? []
            #expect(plan.criteria.map(\.id) == expected, "\(id)")
            for criterion in plan.criteria {
                total += 1
                if !criterion.evidence.isEmpty || criterion.shownByBoth { withEvidence += 1 }
                for itemID in criterion.evidence {
                    // A catalog item that lists it, or the person's own work chosen for it.
                    let own = plan.items.first { $0.id == itemID }?.source == .criterion
                    #expect(own || prompts.catalog.item(itemID)?.evidences.contains(criterion.id) == true, "\(id) \(itemID)")
                    #expect(plan.items.contains { $0.id == itemID }, "\(id) \(itemID)")
                }
            }
        }
        // Not every criterion finds room in every plan (the plan says so for those); most do.
        #expect(total > 0 && Double(withEvidence) / Double(total) >= 0.6)
    }
}
