import Foundation
import Testing

@testable import CareerKit

@Suite struct AnswersFileTests {
    let prompts = TestSupport.prompts

    func load(_ name: String) throws -> Answers {
        try AnswersFile.load(path: TestSupport.fixture(name), prompts: prompts)
    }

    /// Writes `text` to a temporary file and returns the problems found reading it.
    func problems(_ text: String, name: String = "answers.yaml") throws -> [Diagnostic] {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return TestSupport.diagnostics { _ = try AnswersFile.load(path: path, prompts: prompts) }
    }

    @Test func readsTheExampleFile() throws {
        let ana = try load("ana-silva.yaml")
        #expect(ana.person == Person(name: "Ana Silva", id: "E1042", currentLevel: "ic.senior", domain: "software", yearsExperience: 7, yearsManaging: 0))
        #expect(ana.managerName == "Jordan Lee")
        #expect(ana.date == "2026-11-22")
        #expect(ana.mode == .oneOnOne)
        #expect(ana.value("depth.mastery", by: .contributor) == .integer(6))
        #expect(ana.value("top3", by: .contributor) == .list(["depth.mastery", "leverage.architecture", "maker.hands_on"]))
        #expect(ana.value("interest.networking", by: .contributor) == .list(["conference", "community_of_practice"]))
        #expect(ana.value("goal.promotion", by: .contributor) == .text("seeking"))
        #expect(ana.value("budget.amount", by: .manager) == .number(3000))
        #expect(ana.value("budget.currency", by: .manager) == .text("USD"))
        #expect(ana.responses[.contributor]?.count == 40)
        #expect(ana.responses[.manager]?.count == 13)
    }

    @Test func yamlJSONAndCSVGiveTheSameModel() throws {
        let yaml = try load("ana-silva.yaml")
        let json = try load("ana-silva.json")
        let rows = Array(try CSVAnswersReader(path: TestSupport.fixture("team.csv"), prompts: prompts))
        #expect(rows.count == 4)
        let csv = try rows[0].result.get()
        #expect(yaml == json)
        #expect(yaml == csv)
    }

    @Test func everyExampleReadsInEveryShape() throws {
        let rows = try CSVAnswersReader(path: TestSupport.fixture("team.csv"), prompts: prompts).map { try $0.result.get() }
        let files = try ["ana-silva.yaml", "ben-okafor.yaml", "chen-wang.yaml", "dara-novak.yaml"].map(load)
        #expect(rows == files)
        #expect(rows.map(\.person.name) == ["Ana Silva", "Ben Okafor", "Chen Wang", "Dara Novak"])
    }

    @Test func outOfRangeValueNamesItemAndAllowedValues() throws {
        let text = "person: {name: A, current_level: ic.senior}\nanswers:\n  contributor:\n    depth.mastery: 9\n"
        #expect(try problems(text).map(\.description).map { $0.components(separatedBy: "/").last! } == [
            "answers.yaml:4:20: contributor item 'depth.mastery': '9' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)"
        ])
    }

    @Test func unknownItemIsReportedAtItsKey() throws {
        let text = "person: {name: A, current_level: ic.senior}\nanswers:\n  manager:\n    obs.depthh: 3\n"
        let found = try problems(text)
        #expect(found.count == 1)
        #expect(found[0].line == 4)
        #expect(found[0].column == 5)
        #expect(found[0].message == "unknown manager item 'obs.depthh'; see `careerpath template yaml` for every item id")
    }

    @Test func itemUnderTheWrongRoleIsReported() throws {
        let text = "person: {name: A, current_level: ic.senior}\nanswers:\n  contributor:\n    obs.depth: 3\n"
        #expect(try problems(text).map(\.message) == [
            "item 'obs.depth' is answered by the manager, not the contributor; put it under manager"
        ])
    }

    @Test func top3MustBeExactlyThreeKnownIds() throws {
        let two = "person: {name: A, current_level: ic.senior}\nanswers:\n  contributor:\n    top3: [depth.mastery, maker.flow]\n"
        #expect(try problems(two).map(\.message) == [
            "contributor item 'top3': [depth.mastery, maker.flow] names 2 questions; allowed: exactly 3 different question ids of the eight groups"
        ])
        let unknown = "person: {name: A, current_level: ic.senior}\nanswers:\n  contributor:\n    top3: [depth.mastery, maker.flow, motive.pay_status]\n"
        #expect(try problems(unknown).map(\.message) == [
            "contributor item 'top3': [depth.mastery, maker.flow, motive.pay_status] has 'motive.pay_status', which is not one of the questions to pick from; allowed: exactly 3 different question ids of the eight groups"
        ])
        let twice = "person: {name: A, current_level: ic.senior}\nanswers:\n  contributor:\n    top3: [depth.mastery, maker.flow, maker.flow]\n"
        #expect(try problems(twice).map(\.message) == [
            "contributor item 'top3': [depth.mastery, maker.flow, maker.flow] names 'maker.flow' twice; allowed: exactly 3 different question ids of the eight groups"
        ])
    }

    @Test func unknownLevelListsTheLadder() throws {
        let text = "person: {name: A, current_level: ic.seniorr}\nanswers: {}\n"
        let found = try problems(text)
        #expect(found.count == 1)
        #expect((found[0].line, found[0].column) == (1, 34))
        #expect(found[0].message == "'person.current_level' is 'ic.seniorr'; allowed: ic.junior, ic.developer, ic.senior, ic.staff, ic.principal, ic.distinguished, mgmt.tech_lead, mgmt.em, mgmt.senior_em, mgmt.director, mgmt.vp")
    }

    @Test func negativeBudgetIsReported() throws {
        let text = "person: {name: A, current_level: ic.senior}\nanswers:\n  manager: {budget.amount: -100}\n"
        #expect(try problems(text).map(\.message) == [
            "manager item 'budget.amount': '-100' is not allowed; allowed: a number 0..10000000"
        ])
    }

    @Test func aHugeBudgetIsRefusedNotACrash() throws {
        let text = "person: {name: A, current_level: ic.senior}\nanswers:\n  manager: {budget.amount: 1e20}\n"
        #expect(try problems(text).map(\.message) == [
            "manager item 'budget.amount': '1e20' is not allowed; allowed: a number 0..10000000"
        ])
    }

    @Test func controlCharactersInTypedTextAreDropped() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("a.yaml").path
        try "person: {name: \"Ana\\e[31mSilva\", current_level: ic.senior}\nanswers:\n  contributor: {goal.statement: \"a\\u0007b\\nc\"}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let answers = try AnswersFile.load(path: path, prompts: prompts)
        #expect(answers.person.name == "Ana[31mSilva")
        #expect(answers.value("goal.statement", by: .contributor) == .text("ab\nc"))
    }

    @Test func missingRequiredPersonFieldsAreReported() throws {
        let text = "person: {id: E1}\nanswers: {}\n"
        #expect(try problems(text).map(\.message) == [
            "'person.name' is required",
            "'person.current_level' is required; allowed: ic.junior, ic.developer, ic.senior, ic.staff, ic.principal, ic.distinguished, mgmt.tech_lead, mgmt.em, mgmt.senior_em, mgmt.director, mgmt.vp",
        ])
    }

    @Test func everyProblemInAFileIsReportedInLineOrder() throws {
        let text = """
            person: {name: A, current_level: ic.senior}
            session: {date: 2026-02-30, mode: solo}
            answers:
              contributor:
                goal.horizon_months: 48
                interest.networking: [conference, party]
                budget.amount: 5
            """
        let found = try problems(text)
        #expect(found.map(\.line) == [2, 2, 5, 6, 7])
        #expect(found.map(\.message) == [
            "'session.date' is '2026-02-30'; allowed: a date as YYYY-MM-DD, in the years 1970 to 2199",
            "'session.mode' is 'solo'; allowed: one-on-one, self, manager",
            "contributor item 'goal.horizon_months': '48' is not allowed; allowed: a whole number 3..36",
            "contributor item 'interest.networking': [conference, party] has 'party', which is not a choice; allowed: any of internal_forum, community_of_practice, conference, association, speaking, external_mentor, open_source (or none)",
            "item 'budget.amount' is answered by the manager, not the contributor; put it under manager",
        ])
    }

    @Test func malformedYAMLIsReportedWithPosition() throws {
        let found = try problems("person: {name: A\nanswers: [\n")
        #expect(found.count == 1)
        #expect(found[0].message.hasPrefix("malformed YAML: "))
        #expect(found[0].line == 2)
    }

    @Test func malformedJSONIsReportedWithPosition() throws {
        let text = "{\"person\": {\"name\": \"A\", \"current_level\": \"ic.senior\"},\n \"answers\": {\"contributor\": {\"depth.mastery\" 4}}}"
        let found = try problems(text, name: "answers.json")
        #expect(found.count == 1)
        #expect(found[0].message.hasPrefix("malformed JSON: "))
        #expect((found[0].line, found[0].column) == (2, 46))
    }

    @Test func jsonCutOffIsReportedAtItsEnd() throws {
        let found = try problems("{\"person\": {\"name\": \"A\"", name: "cut.json")
        #expect(found.map(\.description).map { $0.components(separatedBy: "/").last! } == [
            "cut.json:1:24: malformed JSON: ',' or '}' is expected, found the end of the text"
        ])
    }

    @Test func emptyRequiredFieldIsReportedWhereItStands() throws {
        let found = try problems("person:\n  name:\n  current_level: ic.senior\nanswers: {}\n")
        #expect(found.map { [$0.line, $0.column] } == [[2, 8]])
        #expect(found.map(\.message) == ["'person.name' is required"])
    }

    @Test func modeWithoutTheRoleGivenIsReported() throws {
        let text = "person: {name: A, current_level: ic.senior}\nsession: {mode: self}\nanswers:\n  manager: {obs.depth: 4}\n"
        #expect(try problems(text).map(\.message) == [
            "'session.mode' is 'self', which has no manager answers, but manager answers are given; use one-on-one"
        ])
    }

    @Test func modeFollowsTheRolesWhenNotGiven() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("a.yaml").path
        try "person: {name: A, current_level: ic.senior}\nanswers:\n  contributor: {depth.mastery: 4}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try AnswersFile.load(path: path, prompts: prompts).mode == .selfAssessment)
    }

    @Test func nullValuesAreUnanswered() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("a.yaml").path
        try "person: {name: A, current_level: ic.senior}\nanswers:\n  contributor:\n    depth.mastery:\n    depth.learning: ~\n    maker.flow: 3\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let answers = try AnswersFile.load(path: path, prompts: prompts)
        #expect(answers.responses[.contributor] == ["maker.flow": .integer(3)])
    }
}
