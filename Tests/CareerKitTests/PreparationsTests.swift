import Foundation
import Testing

@testable import CareerKit

/// Finding the preparations a one-on-one picks up, and the session that merges them.
@Suite struct PreparationsTests {
    let prompts = TestSupport.prompts
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func session(
        _ id: String, mode: Mode, date: String, person: String = "Pat Doe", personID: String? = nil, manager: String? = nil,
        status: SessionRecord.Status = .finished, answers: [Role: [String: AnswerValue]] = [:], skipped: Set<String> = []
    ) -> SessionRecord {
        var record = SessionRecord(
            id: id, person: Person(name: person, id: personID, currentLevel: "ic.senior"), managerName: manager, mode: mode,
            date: date, now: now)
        record.record(answers, skipped: skipped, now: now)
        record.status = status
        return record
    }

    func store(_ records: [SessionRecord]) throws -> SessionStore {
        let store = SessionStore(directory: try TestSupport.temporaryDirectory().path)
        for record in records { try store.save(record) }
        return store
    }

    @Test func theLatestFinishedPreparationOfEachKindWithinNinetyDaysIsFound() throws {
        let store = try store([
            session("self-new", mode: .selfAssessment, date: "2026-11-20"),
            session("self-older", mode: .selfAssessment, date: "2026-11-10"),
            session("self-open", mode: .selfAssessment, date: "2026-11-21", status: .open),
            session("self-too-old", mode: .selfAssessment, date: "2026-08-23"),
            session("self-later", mode: .selfAssessment, date: "2026-11-23"),
            session("self-someone-else", mode: .selfAssessment, date: "2026-11-21", person: "Ana Silva"),
            session("manager-jo", mode: .manager, date: "2026-11-21", manager: "Jo Lee"),
            session("manager-other", mode: .manager, date: "2026-11-22", manager: "Sam Roe"),
            session("one-on-one", mode: .oneOnOne, date: "2026-11-22", manager: "Jo Lee"),
        ])
        let found = Preparations.find(in: store, person: "pat doe", personID: nil, manager: "jo lee", date: "2026-11-22")
        #expect(found.selfAssessment?.id == "self-new")
        #expect(found.managerPreparation?.id == "manager-jo")
        #expect(found.roles == [.contributor, .manager])
        let before = Preparations.find(in: store, person: "Pat Doe", personID: nil, manager: nil, date: "2026-08-22")
        #expect(before.records.isEmpty)
    }

    @Test func aPreparationCountsForNinetyDays() throws {
        let store = try store([session("self", mode: .selfAssessment, date: "2026-08-23")])
        // 2026-11-21 is 90 days after 2026-08-23; 2026-11-22 is 91.
        #expect(Preparations.find(in: store, person: "Pat Doe", personID: nil, manager: nil, date: "2026-11-21").selfAssessment?.id == "self")
        #expect(Preparations.find(in: store, person: "Pat Doe", personID: nil, manager: nil, date: "2026-11-22").selfAssessment == nil)
    }

    /// A shared history's preparation is input like a session file: one whose answer the
    /// question bank does not allow (a mastery of 99, typed into the server) is left out.
    @Test func aSharedPreparationIsCheckedAsASessionFileIs() throws {
        let store = try store([])
        let good = session("self-good", mode: .selfAssessment, date: "2026-11-19", answers: [.contributor: ["depth.mastery": .integer(6)]])
        let hostile = session("self-bad", mode: .selfAssessment, date: "2026-11-20", answers: [.contributor: ["depth.mastery": .integer(99)]])
        let checked = Preparations.find(
            in: store, shared: [good, hostile], person: "Pat Doe", personID: nil, manager: nil, date: "2026-11-22", prompts: prompts)
        #expect(checked.selfAssessment?.id == "self-good")
        // Without the prompts nothing can be checked: the latest is taken, as for a local file.
        let unchecked = Preparations.find(in: store, shared: [good, hostile], person: "Pat Doe", personID: nil, manager: nil, date: "2026-11-22")
        #expect(unchecked.selfAssessment?.id == "self-bad")
    }

    @Test func employeeIdsDecideWhenBothSessionsHaveOne() throws {
        let store = try store([
            session("pat-e1", mode: .selfAssessment, date: "2026-11-20", personID: "E1"),
            session("pat-e2", mode: .selfAssessment, date: "2026-11-19", person: "P. Doe", personID: "E2"),
            session("pat-no-id", mode: .manager, date: "2026-11-19", manager: "Jo Lee"),
        ])
        let found = Preparations.find(in: store, person: "Pat Doe", personID: "e2", manager: nil, date: "2026-11-22")
        #expect(found.selfAssessment?.id == "pat-e2")
        #expect(found.managerPreparation?.id == "pat-no-id")
    }

    @Test func theMeetingMergesBothPreparationsAndRecordsWhereEachAnswerCameFrom() throws {
        let own = session(
            "self", mode: .selfAssessment, date: "2026-11-20",
            answers: [.contributor: ["depth.mastery": .integer(6), "interest.networking": .list(["conference"]), "readiness.self": .text("ready_now")]],
            skipped: ["goal.statement"])
        var seen = session(
            "manager", mode: .manager, date: "2026-11-21", manager: "Jo Lee",
            answers: [.manager: ["obs.depth": .integer(2), "view.readiness": .text("within_2y"), "capacity.dev_hours_per_month": .integer(16)]],
            skipped: ["will.support"])
        seen.person.id = "E7"
        let preparations = Preparations(selfAssessment: own, managerPreparation: seen)
        #expect(preparations.currentLevel == "ic.senior")
        let (record, agenda) = preparations.meeting(
            id: "meeting", person: Person(name: "Pat Doe", currentLevel: "ic.staff"), managerName: nil, date: "2026-11-22",
            prompts: prompts, now: now)
        #expect(record.mode == .oneOnOne)
        #expect(record.managerName == "Jo Lee")
        #expect(record.person.id == "E7")
        #expect(record.person.currentLevel == "ic.staff")
        #expect(record.responses[.contributor]?["depth.mastery"] == .integer(6))
        #expect(record.responses[.manager]?["obs.depth"] == .integer(2))
        #expect(record.skipped == ["goal.statement", "will.support"])
        #expect(record.answerSources == [
            "contributor": ["depth.mastery": "self", "interest.networking": "self", "readiness.self": "self"],
            "manager": ["obs.depth": "manager", "view.readiness": "manager", "capacity.dev_hours_per_month": "manager"],
        ])
        #expect(record.preparations == [
            SessionRecord.Preparation(id: "self", mode: .selfAssessment, date: "2026-11-20", by: "Pat Doe", answered: 3),
            SessionRecord.Preparation(id: "manager", mode: .manager, date: "2026-11-21", by: "Jo Lee", answered: 3),
        ])
        #expect(record.agenda == agenda.steps)
        // Readiness differs; a single rating and observation are no dimension score to compare.
        #expect(agenda.steps.first?.key == "gap:readiness")
        #expect(record.covered == [])

        // An answer changed in the meeting is no longer the preparation's.
        var engine = record.engine(bank: prompts.bank)
        #expect(engine.handle(.answer("within_1y")) == .accepted(itemID: "view.readiness", value: .text("within_1y")))
        var saved = record
        saved.record(engine, now: now)
        #expect(saved.answerSources?["manager"] == ["obs.depth": "manager", "capacity.dev_hours_per_month": "manager"])
        #expect(saved.covered == ["gap:readiness"])
        #expect(saved.outcomes == [.readiness: GapOutcome(resolution: .agreed, value: "within_1y")])
    }

    @Test func aMeetingSessionFileReadsBackTheSame() throws {
        let own = session("self", mode: .selfAssessment, date: "2026-11-20", answers: [.contributor: ["readiness.self": .text("ready_now")]])
        let seen = session("manager", mode: .manager, date: "2026-11-21", answers: [.manager: ["view.readiness": .text("not_yet")]])
        var (record, _) = Preparations(selfAssessment: own, managerPreparation: seen).meeting(
            id: "meeting", person: Person(name: "Pat Doe", currentLevel: "ic.senior"), managerName: "Jo Lee", date: "2026-11-22",
            prompts: prompts, now: now)
        var engine = record.engine(bank: prompts.bank)
        engine.handle(.answer("keep the evidence is new"))
        record.record(engine, now: now)
        let store = try store([record])
        let loaded = try SessionStore.load(path: store.path(for: "meeting"))
        #expect(loaded == record)
        #expect(loaded.outcomes?[.readiness]?.note == "the evidence is new")
        let text = try String(contentsOfFile: store.path(for: "meeting"), encoding: .utf8)
        #expect(text.contains(#""answer_sources" : {"#))
        #expect(text.contains(#""gap" : {"#))
        // Topics keep the spelling of earlier session files.
        #expect(text.contains(#""topic" : "readiness""#))
        #expect(text.contains("\"outcomes\" : {\n    \"readiness\" : {"))
    }
}
