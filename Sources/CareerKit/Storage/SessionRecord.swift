import Foundation

/// A conversation in progress or finished, as saved after every accepted answer.
public struct SessionRecord: Codable, Hashable, Sendable {
    public static let format = "careerpath.session/1"

    public var format: String = SessionRecord.format
    public var id: String
    /// `open` while questions remain, `finished` once the plan was written.
    public var status: Status
    public var created: String
    public var updated: String
    public var person: PersonFields
    public var managerName: String?
    public var mode: Mode
    /// The session date, `YYYY-MM-DD`.
    public var date: String
    /// Answers as text, by role then item id: numbers as digits, lists joined with `;`.
    public var answers: [String: [String: AnswerValue]]
    public var skipped: [String]
    public var notes: [String]
    /// Where the plan files went, once written.
    public var planFiles: [String]
    /// The recorded session whose plan this one reviews first, when there is one.
    public var follows: String?
    /// The review of that plan: what became of each activity and check-in.
    public var review: [ReviewKey: ReviewEntry]?
    /// The preparations a one-on-one picked up (a self-assessment, a manager's preparation).
    public var preparations: [Preparation]?
    /// Where each prepared answer came from: by role, then item id, the preparation's session
    /// id. An answer given or changed in this session is not listed.
    public var answerSources: [String: [String: String]]?
    /// What a one-on-one that follows preparations goes through; nil walks the whole dialog.
    public var agenda: [AgendaStep]?
    /// The keys of the agenda steps dealt with so far.
    public var covered: [String]?
    /// What was decided about each difference between the prepared views, by topic.
    public var outcomes: [GapTopic: GapOutcome]?
    /// In a follow-up, the earlier session it started from and which answers it carried over.
    public var followUp: FollowUpRecord?

    /// What a follow-up carried over from the earlier session of the same kind.
    public struct FollowUpRecord: Codable, Hashable, Sendable {
        /// The earlier session's id and date.
        public var session: String
        public var date: String
        /// The answers kept without asking (`role.id`), exactly as given then: they count as
        /// answered in this session.
        public var kept: [String]
        /// The questions asked again (item ids), with the earlier answer as the default.
        public var asked: [String]
        /// The questions asked again whose earlier answer this session changed (`role.id`).
        public var changed: [String]

        public init(_ followUp: FollowUp) {
            session = followUp.session
            date = followUp.date
            kept = followUp.kept.flatMap { role, items in items.keys.map { role.rawValue + "." + $0 } }.sorted()
                + followUp.keptSkipped.sorted()
            asked = followUp.asked
            changed = []
        }
    }

    /// A finished preparation a one-on-one picked up.
    public struct Preparation: Codable, Hashable, Sendable {
        /// The preparation's session id.
        public var id: String
        /// `self` or `manager`.
        public var mode: Mode
        public var date: String
        /// Who prepared: the contributor's or the manager's name.
        public var by: String
        public var answered: Int

        public init(id: String, mode: Mode, date: String, by: String, answered: Int) {
            self.id = id
            self.mode = mode
            self.date = date
            self.by = by
            self.answered = answered
        }
    }

    /// What became of one activity or check-in of the last plan.
    public struct ReviewEntry: Codable, Hashable, Sendable {
        public var status: ItemStatus
        /// Why it was dropped, when it was.
        public var note: String?

        public init(status: ItemStatus, note: String? = nil) {
            self.status = status
            self.note = note
        }
    }

    public enum Status: String, Codable, Sendable { case open, finished }

    public struct PersonFields: Codable, Hashable, Sendable {
        public var name: String
        public var id: String?
        public var currentLevel: String
        public var domain: String?

        enum CodingKeys: String, CodingKey {
            case name, id, domain
            case currentLevel = "current_level"
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, id, status, created, updated, person, mode, date, answers, skipped, notes
        case managerName = "manager_name"
        case planFiles = "plan_files"
        case follows, review, preparations, agenda, covered, outcomes
        case followUp = "follow_up"
        case answerSources = "answer_sources"
    }

    public init(id: String, person: Person, managerName: String?, mode: Mode, date: String, now: Date) {
        self.id = id
        self.status = .open
        self.created = SessionDate.timestamp(now)
        self.updated = self.created
        self.person = PersonFields(name: person.name, id: person.id, currentLevel: person.currentLevel, domain: person.domain)
        self.managerName = managerName
        self.mode = mode
        self.date = date
        self.answers = [:]
        self.skipped = []
        self.notes = []
        self.planFiles = []
    }


    /// The accepted answers, typed.
    public var responses: [Role: [String: AnswerValue]] {
        var result: [Role: [String: AnswerValue]] = [:]
        for (role, items) in answers {
            guard let role = Role(rawValue: role) else { continue }
            result[role] = items
        }
        return result
    }

    /// Replaces the saved answers with the dialog's.
    public mutating func record(_ responses: [Role: [String: AnswerValue]], skipped: Set<String>, now: Date) {
        answers = [:]
        for (role, items) in responses where !items.isEmpty {
            answers[role.rawValue] = items
        }
        self.skipped = skipped.sorted()
        updated = SessionDate.timestamp(now)
    }

    /// Saves where the dialog stands: its answers, and for a one-on-one after preparations, the
    /// steps dealt with, the decisions, and which answers are still as prepared.
    public mutating func record(_ engine: DialogEngine, now: Date) {
        record(engine.answers, skipped: engine.skipped, now: now)
        guard engine.tracksCovered else { return }
        covered = engine.covered.sorted()
        if followUp != nil {
            followUp?.changed = engine.changed.sorted()
            return
        }
        outcomes = engine.outcomes.isEmpty ? nil : engine.outcomes
        if var sources = answerSources {
            for key in engine.changed {
                guard let dot = key.firstIndex(of: ".") else { continue }
                sources[String(key[..<dot])]?[String(key[key.index(after: dot)...])] = nil
            }
            answerSources = sources.filter { !$0.value.isEmpty }
        }
    }

    /// A dialog over this session's answers: the whole dialog, or its agenda after preparations.
    public func engine(bank: QuestionBank) -> DialogEngine {
        DialogEngine(
            bank: bank, mode: mode, answers: responses, skipped: Set(skipped), agenda: agenda, covered: Set(covered ?? []),
            outcomes: outcomes ?? [:], asking: followUp?.asked)
    }

    /// The session as answers, for scoring and planning. Notes are joined into one text.
    public var asAnswers: Answers {
        Answers(
            person: Person(
                name: person.name, id: person.id, currentLevel: person.currentLevel, domain: person.domain,
                yearsManaging: Answers.yearsManaging(answeredIn: responses)),
            managerName: managerName, date: date, mode: mode, responses: responses,
            notes: notes.isEmpty ? nil : notes.joined(separator: "\n"))
    }

    /// Starts this session from an earlier one of the same kind: the kept answers and the
    /// defaults filled in, the kept left-out questions left out.
    public mutating func follow(_ followUp: FollowUp) {
        self.followUp = FollowUpRecord(followUp)
        for (role, items) in followUp.startingAnswers where !items.isEmpty {
            answers[role.rawValue, default: [:]].merge(items) { _, new in new }
        }
        skipped = Array(Set(skipped).union(followUp.keptSkipped)).sorted()
        covered = []
    }

    /// The answers given in this session itself: in a follow-up, those not carried over unasked.
    public var ownAnswerCount: Int {
        followUp == nil ? answeredCount : covered?.count ?? 0
    }

    public var answeredCount: Int {
        answers.values.reduce(0) { $0 + $1.count }
    }
}
