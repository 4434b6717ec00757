import Foundation
import Testing

@testable import CareerKit

@Suite struct FollowUpTests {
    let bank = TestSupport.prompts.bank
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// A finished session of `mode` on `date` with a valid answer to every question it asks,
    /// the manager offering all four kinds of offer (the most a follow-up can ask).
    func finished(_ mode: Mode, date: String = "2026-11-20", id: String = "20261120-pat-doe-00000001") -> SessionRecord {
        var engine = DialogEngine(bank: bank, mode: mode)
        while let question = engine.current {
            let input: String
            switch question.item.kind {
            case .scale: input = "4"
            case .choice(let choices): input = choices[0].value
            case .multi(let choices): input = question.item.id == "offer.kinds" ? "mentor, project, trial, course" : choices[0].value
            case .pick: input = "1 2 3"
            case .integer(let min, _): input = String(min)
            case .number(let min, _): input = String(Int(min))
            case .text: input = "words"
            case .currency: input = "EUR"
            case .date: input = "2027-03-01"
            }
            engine.handle(.answer(input))
        }
        var record = SessionRecord(
            id: id, person: Person(name: "Pat Doe", currentLevel: "ic.senior"), managerName: "Jo Lee", mode: mode, date: date,
            now: Self.now)
        record.record(engine, now: Self.now)
        record.status = .finished
        return record
    }

    /// The new session following `earlier`, and its dialog.
    func following(_ earlier: SessionRecord, mode: Mode) -> (SessionRecord, DialogEngine) {
        var record = SessionRecord(
            id: "20270220-pat-doe-00000002", person: Person(name: "Pat Doe", currentLevel: "ic.senior"), managerName: "Jo Lee",
            mode: mode, date: "2027-02-20", now: Self.now)
        record.follow(FollowUp(earlier: earlier, bank: bank, mode: mode))
        return (record, record.engine(bank: bank))
    }

    @Test func aOneOnOneFollowUpAsksTwentyQuestionsAtMostAndKeepsTheRest() {
        let earlier = finished(.oneOnOne)
        let followUp = FollowUp(earlier: earlier, bank: bank, mode: .oneOnOne)
        #expect(followUp.session == "20261120-pat-doe-00000001")
        #expect(followUp.date == "2026-11-20")
        let (_, engine) = following(earlier, mode: .oneOnOne)
        // Goals, what gives and drains energy, readiness and the criteria, time, budget, first
        // steps, offers and their dates; the details of an offer made then are kept.
        let asked = [
            "goal.statement", "goal.promotion", "goal.horizon_months", "reality.energizers", "reality.drainers",
            "readiness.self", "readiness.evidence", "criteria.shown", "view.readiness", "criteria.seen",
            "capacity.dev_hours_per_month", "capacity.special_project_percent", "budget.amount", "budget.currency",
            "will.first_step", "will.support", "offer.kinds", "offer.project.from", "offer.trial.from", "offer.course.when",
        ]
        #expect(engine.stepCount == 20)
        var shown: [String] = []
        var engineCopy = engine
        while let question = engineCopy.current {
            shown.append(question.item.id)
            engineCopy.handle(.answer(""))
        }
        #expect(shown == asked)
        // 79 answers last time: 59 kept, 20 asked again.
        #expect(earlier.answeredCount == 79)
        #expect(followUp.keptCount == 59)
        #expect(followUp.kept[.contributor]?["depth.mastery"] == .integer(4))
        #expect(followUp.kept[.manager]?["offer.mentor.name"] == .text("words"))
        #expect(followUp.kept[.contributor]?["goal.statement"] == nil)
        #expect(followUp.defaults[.contributor]?["goal.statement"] == .text("words"))
        #expect(followUp.keptBySection(bank).map { "\($0.section.id) \($0.count)" } == ["goal 5", "reality 40", "options 4", "will 10"])
    }

    @Test func enterOnEveryQuestionGivesExactlyTheEarlierAnswers() {
        let earlier = finished(.oneOnOne)
        var (record, engine) = following(earlier, mode: .oneOnOne)
        let first = engine.current
        #expect(first?.item.id == "goal.statement")
        #expect(first?.index == 1)
        #expect(first?.total == 20)
        #expect(first?.currentAnswer == .text("words"))
        #expect(first?.lastTime == true)
        var questions = 0
        while engine.current != nil {
            #expect(engine.current?.lastTime == true)
            if questions == 19 {
                // Gone back to, an answer confirmed today is no longer last time's.
                engine.handle(.back)
                #expect(engine.current?.item.id == "offer.trial.from")
                #expect(engine.current?.lastTime == false)
                engine.handle(.answer(""))
            }
            engine.handle(.answer(""))
            questions += 1
        }
        #expect(questions == 20)
        #expect(engine.answers == earlier.responses)
        record.record(engine, now: Self.now)
        #expect(record.asAnswers.responses == earlier.asAnswers.responses)
        #expect(record.followUp?.changed == [])
        #expect(record.followUp?.kept.count == 59)
        #expect(record.followUp?.kept.first == "contributor.anchor.autonomy")
        #expect(record.ownAnswerCount == 20)
    }

    @Test func aNewAnswerReplacesTheDefaultAndANewOfferAsksItsDetails() {
        var earlier = finished(.oneOnOne)
        earlier.answers["manager"]?["offer.kinds"] = .list(["mentor"])
        for id in bank.items.map(\.id) where ["offer.project.", "offer.trial.", "offer.course."].contains(where: id.hasPrefix) {
            earlier.answers["manager"]?[id] = nil
        }
        var (record, engine) = following(earlier, mode: .oneOnOne)
        // No offer with a date was made: no date to ask again.
        #expect(engine.stepCount == 17)
        #expect(engine.handle(.answer("seeking it now")) == .accepted(itemID: "goal.statement", value: .text("seeking it now")))
        while let question = engine.current, question.item.id != "offer.kinds" { engine.handle(.answer("")) }
        engine.handle(.answer("mentor, project"))
        // The project was not offered last time: every detail of it is asked, with no default.
        var asked: [String] = []
        while let question = engine.current {
            asked.append(question.item.id)
            #expect(question.currentAnswer == nil)
            engine.handle(.answer(question.item.kind.isNumeric ? "10" : question.item.id == "offer.project.from" ? "2027-03-01" : "Cache rewrite"))
        }
        #expect(asked == ["offer.project.name", "offer.project.percent", "offer.project.hours_per_month", "offer.project.from"])
        #expect(engine.answers[.contributor]?["goal.statement"] == .text("seeking it now"))
        #expect(engine.answers[.manager]?["offer.project.name"] == .text("Cache rewrite"))
        #expect(engine.answers[.manager]?["offer.mentor.name"] == .text("words"))
        record.record(engine, now: Self.now)
        #expect(record.followUp?.changed == [
            "contributor.goal.statement", "manager.offer.kinds", "manager.offer.project.from", "manager.offer.project.hours_per_month",
            "manager.offer.project.name", "manager.offer.project.percent",
        ])
    }

    @Test func aKeptQuestionSkippedLastTimeStaysSkippedAndOneNeverReachedIsAsked() {
        var earlier = finished(.selfAssessment)
        earlier.answers["contributor"]?["goal.avoid"] = nil
        earlier.skipped = ["goal.avoid"]
        earlier.answers["contributor"]?["anchor.security"] = nil  // as if the question were new
        let followUp = FollowUp(earlier: earlier, bank: bank, mode: .selfAssessment)
        #expect(followUp.keptSkipped == ["goal.avoid"])
        #expect(followUp.asked.contains("anchor.security"))
        #expect(followUp.defaults[.contributor]?["anchor.security"] == nil)
        let (record, engine) = following(earlier, mode: .selfAssessment)
        #expect(record.skipped == ["goal.avoid"])
        #expect(engine.skipped == ["goal.avoid"])
        // A self-assessment asks again: goals (3), energy and drain (2), readiness (2), the
        // criteria shown, the first step; and the new question.
        #expect(engine.stepCount == 10)
    }

    @Test func theEarlierSessionIsTheLastFinishedOneOfTheSameKindBeforeToday() {
        let old = finished(.selfAssessment, date: "2026-08-01", id: "a")
        let last = finished(.selfAssessment, date: "2026-11-20", id: "b")
        var open = finished(.selfAssessment, date: "2026-12-01", id: "c")
        open.status = .open
        let today = finished(.selfAssessment, date: "2027-02-20", id: "d")
        let oneOnOne = finished(.oneOnOne, date: "2027-01-10", id: "e")
        var other = finished(.selfAssessment, date: "2027-01-15", id: "f")
        other.person.name = "Ana Silva"
        let sessions = [old, last, open, today, oneOnOne, other]
        func earlier(_ mode: Mode, _ name: String = "pat doe", id: String? = nil) -> String? {
            FollowUp.earlierSession(in: sessions, person: name, personID: id, mode: mode, before: "2027-02-20")?.id
        }
        #expect(earlier(.selfAssessment) == "b")
        #expect(earlier(.oneOnOne) == "e")
        #expect(earlier(.manager) == nil)
        #expect(earlier(.selfAssessment, "Nobody") == nil)
        // With ids on both sides, the id decides, not the name.
        var withID = last
        withID.person.id = "E1"
        #expect(FollowUp.earlierSession(in: [withID], person: "Pat Doe", personID: "E2", mode: .selfAssessment, before: "2027-02-20") == nil)
        #expect(FollowUp.earlierSession(in: [withID], person: "P. Doe", personID: "e1", mode: .selfAssessment, before: "2027-02-20")?.id == "b")
    }

    @Test func followUpIsReadFromSectionsAndItems() throws {
        #expect(bank.item("goal.promotion")?.followUp == .ask)
        #expect(bank.item("ladder.technical")?.followUp == .keep)
        #expect(bank.item("depth.mastery")?.followUp == .keep)
        #expect(bank.item("readiness.self")?.followUp == .ask)
        #expect(bank.item("offer.project.from")?.followUp == .ask)
        #expect(bank.item("offer.project.name")?.followUp == .keep)
        let original = try String(contentsOfFile: TestSupport.promptsDirectory + "/bank.yaml", encoding: .utf8)
        let folder = try TestSupport.promptsCopy(editing: "bank.yaml") {
            $0.replacingOccurrences(of: "    follow_up: keep\n    intro:\n      one-on-one: Look", with: "    follow_up: sometimes\n    intro:\n      one-on-one: Look")
        }
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        let first = try #require(problems.first)
        #expect(first.path == folder + "/bank.yaml")
        let before = try #require(original.range(of: "    follow_up: keep\n    intro:\n      one-on-one: Look"))
        #expect(first.line == original[..<before.lowerBound].filter { $0 == "\n" }.count + 1)
        #expect(first.column == 16)
        #expect(first.message == "section 'reality' 'follow_up' is 'sometimes'; allowed: ask, keep")
    }
}
