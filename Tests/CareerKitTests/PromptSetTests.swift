import Foundation
import Testing

@testable import CareerKit

@Suite struct PromptSetTests {
    @Test func shippedPromptsLoadClean() throws {
        let prompts = try PromptSet.load(from: TestSupport.promptsDirectory)
        for requirement in Instrument.requirements {
            let item = try #require(prompts.bank.item(requirement.id), "missing \(requirement.id)")
            #expect(item.role == requirement.role)
        }
        #expect(prompts.bank.sections.map(\.id) == ["goal", "reality", "options", "will"])
        #expect(prompts.bank.dimensionItems.count == 24)
        #expect(prompts.ladder.levels.count == 11)
        #expect(prompts.catalog.items.count >= 60)
    }

    @Test func catalogCoversEveryCategoryAndInterest() {
        let catalog = TestSupport.prompts.catalog
        // First steps come from the answers, never from the catalog.
        for category in Catalog.Category.allCases where category != .firstStep {
            #expect(catalog.items.filter { $0.category == category }.count >= 8, "\(category)")
        }
        #expect(!catalog.items.contains { $0.category == .firstStep })
        let networking = Set(catalog.items.filter { $0.category == .networking }.compactMap(\.kind))
        #expect(networking == Set(Instrument.networkingKinds))
        let projects = Set(catalog.items.filter { $0.category == .specialProject }.compactMap(\.kind))
        #expect(projects == Set(Instrument.projectKinds))
        #expect(catalog.items.filter { $0.category == .certification }.allSatisfy { $0.issuer != nil })
    }

    @Test func ladderEquivalencesAndNextLevels() {
        let ladder = TestSupport.prompts.ladder
        #expect(ladder.equivalent(of: "ic.staff")?.id == "mgmt.em")
        #expect(ladder.equivalent(of: "mgmt.director")?.id == "ic.distinguished")
        #expect(ladder.equivalent(of: "ic.junior") == nil)
        #expect(ladder.equivalent(of: "mgmt.vp") == nil)
        #expect(ladder.next(after: "ic.senior")?.id == "ic.staff")
        #expect(ladder.next(after: "mgmt.vp") == nil)
        #expect(ladder.levels(onTrack: "ic").map(\.id).first == "ic.junior")
    }

    @Test func unknownQuestionTypeIsReportedAtItsPosition() throws {
        let original = try String(contentsOfFile: TestSupport.promptsDirectory + "/bank.yaml", encoding: .utf8)
        let folder = try TestSupport.promptsCopy(editing: "bank.yaml") {
            $0.replacingOccurrences(of: "type: text", with: "type: scal")
        }
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        let line = TestSupport.line(of: "type: text", in: original)
        let first = try #require(problems.first)
        #expect(first.path == folder + "/bank.yaml")
        #expect(first.line == line)
        #expect(first.column == 15)
        #expect(first.message == "item 'goal.statement' 'type' is 'scal'; allowed: scale, choice, multi, pick, integer, number, text, currency, date")
    }

    @Test func droppedInstrumentItemIsReported() throws {
        let folder = try TestSupport.promptsCopy(editing: "bank.yaml") {
            $0.replacingOccurrences(of: "id: obs.influence", with: "id: obs.influential")
        }
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        #expect(problems.map(\.message).contains(
            "the bank must have the item 'obs.influence' (manager, type scale with scale seen6 (1..6)); its id is fixed by the instrument"))
    }

    @Test func aSectionIntroMayBeWordedForEachMode() throws {
        let bank = TestSupport.prompts.bank
        let reality = try #require(bank.section("reality"))
        #expect(reality.intro(for: .oneOnOne).hasPrefix("Look at how things are today. {person} answers first"))
        #expect(!reality.intro(for: .selfAssessment).contains("both"))
        #expect(reality.intro(for: .manager).hasPrefix("Say what you have seen of {person}'s work so far."))
        // A manager's preparation has no options: the section has no intro for it.
        #expect(bank.section("options")?.intro(for: .manager) == "")
        #expect(bank.section("will")?.intro(for: .oneOnOne).hasSuffix("agree who does what and by when.") == true)
        #expect(bank.differences.title == "Where your views differ")
    }

    @Test func theNewKeysOfAnItemAreChecked() throws {
        let folder = try TestSupport.promptsCopy(editing: "bank.yaml") {
            $0.replacingOccurrences(of: "        after: top3\n        text: Which track", with: "        after: top4\n        text: Which track")
                .replacingOccurrences(of: "      - id: goal.statement\n", with: "      - id: goal.statement\n        unit: percent\n        after: goal.statement\n")
                .replacingOccurrences(of: "      2: disagree\n", with: "      2: Strongly Agree\n")
                .replacingOccurrences(of: "        shows: next_level_criteria", with: "        shows: the ladder")
        }
        let messages = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }.map(\.message)
        #expect(messages.contains("scale 'agreement6': labels 2 and 6 are both 'strongly agree'; give each point its own words so a typed label picks one"))
        #expect(messages.contains("item 'goal.statement' has a 'unit' but is of type text; only integer and number questions take one"))
        #expect(messages.contains("item 'goal.statement' 'after' names itself; name the item it is asked after"))
        #expect(messages.contains("item 'view.track' 'after' names 'top4', which is not in the bank"))
        #expect(messages.contains("item 'readiness.self' 'shows' is 'the ladder'; allowed: next_level_criteria"))
    }

    @Test func unknownLevelInEquivalenceIsReported() throws {
        let folder = try TestSupport.promptsCopy(editing: "ladder.yaml") {
            $0.replacingOccurrences(of: "{ic: ic.staff,", with: "{ic: ic.staf,")
                .replacingOccurrences(of: "ic: ic.staff\n", with: "ic: ic.staf\n")
        }
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        #expect(problems.count == 1)
        #expect(problems.first?.message == "an equivalence names level 'ic.staf'; allowed: ic.junior, ic.developer, ic.senior, ic.staff, ic.principal, ic.distinguished")
    }

    @Test func negativeCatalogCostAndMissingIssuerAreReported() throws {
        var text = try String(contentsOfFile: TestSupport.promptsDirectory + "/catalog.yaml", encoding: .utf8)
        let costLine = TestSupport.line(of: "cost:", in: text)
        let lines = text.components(separatedBy: "\n")
        let costText = lines[costLine - 1]
        let column = costText.distance(from: costText.startIndex, to: costText.range(of: "cost:")!.upperBound) + 2
        text = lines.enumerated().map { $0.offset == costLine - 1 ? costText.replacingOccurrences(of: #"cost: \d+"#, with: "cost: -5", options: .regularExpression) : $0.element }
            .joined(separator: "\n")
        let edited = text
        let folder = try TestSupport.promptsCopy(editing: "catalog.yaml") { _ in edited }
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.line == costLine)
        #expect(problem.column == column)
        #expect(problem.message.hasSuffix("'cost' is -5; allowed: 0 or more"))
    }

    @Test func anUnknownNeedsOfferIsReportedWithWhatIsAllowed() throws {
        let shipped = try String(contentsOfFile: TestSupport.promptsDirectory + "/catalog.yaml", encoding: .utf8)
        let edited = shipped.replacingOccurrences(of: "needs_offer: headcount", with: "needs_offer: budget")
        let line = TestSupport.line(of: "needs_offer: budget", in: edited)
        let folder = try TestSupport.promptsCopy(editing: "catalog.yaml") { _ in edited }
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        let problem = try #require(problems.first)
        #expect(problems.count == 2)
        #expect(problem.line == line)
        #expect(problem.column == 18)
        #expect(problem.message == "catalog item 'project.build-a-new-team' 'needs_offer' is 'budget'; allowed: headcount, committee_seat, second_team")
    }

    @Test func malformedYAMLIsOneLineWithPosition() throws {
        let folder = try TestSupport.promptsCopy(editing: "ladder.yaml") { $0 + "\nbroken: [unclosed\n" }
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("malformed YAML: ") == true)
        #expect(problems.first?.path.hasSuffix("ladder.yaml") == true)
    }

    @Test func missingFolderIsACannotRead() {
        #expect(throws: CareerError.cannotRead(path: "/nonexistent/prompts", reason: "no such prompts folder")) {
            try PromptSet.load(from: "/nonexistent/prompts")
        }
    }
}
