import Foundation

/// The latest finished self-assessment and manager's preparation of one person from the days
/// before a one-on-one, and the one-on-one session that picks them up.
public struct Preparations: Sendable {
    public var selfAssessment: SessionRecord?
    public var managerPreparation: SessionRecord?

    /// How many days before the one-on-one a preparation still counts.
    public static let windowDays = 90

    public init(selfAssessment: SessionRecord? = nil, managerPreparation: SessionRecord? = nil) {
        self.selfAssessment = selfAssessment
        self.managerPreparation = managerPreparation
    }

    /// The preparations found, the contributor's first.
    public var records: [SessionRecord] { [selfAssessment, managerPreparation].compactMap { $0 } }

    /// The contributor's level in the latest preparation.
    public var currentLevel: String? {
        records.max { ($0.date, $0.updated) < ($1.date, $1.updated) }?.person.currentLevel
    }

    /// The roles that prepared.
    public var roles: Set<Role> { Set(records.flatMap(\.mode.roles)) }

    /// Finds the latest finished preparation of each kind for a person, dated on or before
    /// `date` and at most `days` earlier.
    ///
    /// A session is the person's when both carry an employee id and the ids match, or else when
    /// the names match (ignoring case). A manager's preparation by another manager than the
    /// one named does not count. With `prompts`, a preparation whose file does not pass the
    /// checks of an answers file is left out.
    ///
    /// - Parameter shared: preparations from a shared history (other laptops') or sent as
    ///   files; a session file of the same id on this laptop wins. With `prompts`, they are
    ///   checked as a session file is: one that does not pass is left out too.
    public static func find(
        in store: SessionStore, shared: [SessionRecord] = [], person: String, personID: String?, manager: String?, date: String,
        days: Int = windowDays, prompts: PromptSet? = nil
    ) -> Preparations {
        guard let earliest = earliestDate(before: date, days: days) else { return Preparations() }
        func same(_ one: String?, _ other: String?) -> Bool {
            guard let one, let other else { return false }
            return one.trimmingWhitespace().lowercased() == other.trimmingWhitespace().lowercased()
        }
        let local = store.all(prompts: prompts).map(\.record)
        let localIDs = Set(local.map(\.id))
        let others = shared.filter { record in
            !localIDs.contains(record.id) && prompts.map { SessionFile.accepts(record, prompts: $0) } != false
        }
        let candidates = (local + others).filter { record in
            guard record.status == .finished, record.mode != .oneOnOne, record.date <= date, record.date >= earliest else {
                return false
            }
            let samePerson = personID != nil && record.person.id != nil
                ? same(personID, record.person.id) : same(person, record.person.name)
            guard samePerson else { return false }
            return record.mode == .selfAssessment || manager == nil || record.managerName == nil || same(manager, record.managerName)
        }
        func latest(_ mode: Mode) -> SessionRecord? {
            candidates.filter { $0.mode == mode }.max { ($0.date, $0.updated) < ($1.date, $1.updated) }
        }
        return Preparations(selfAssessment: latest(.selfAssessment), managerPreparation: latest(.manager))
    }

    /// The first day a preparation for a one-on-one on `date` may be from.
    public static func earliestDate(before date: String, days: Int = windowDays) -> String? {
        SessionDate.parse(date).map { SessionDate.format(SessionDate.adding(days: -days, to: $0)) }
    }

    /// A new one-on-one that starts from these preparations: their answers merged, each
    /// answer's source recorded, and the agenda of what is left to ask.
    ///
    /// - Parameters:
    ///   - person: the contributor; a level or id left out is taken from the preparations.
    public func meeting(
        id: String, person: Person, managerName: String?, date: String, prompts: PromptSet, now: Date
    ) -> (record: SessionRecord, agenda: MeetingAgenda) {
        var merged = person
        merged.id = person.id ?? records.lazy.compactMap(\.person.id).first
        merged.domain = person.domain ?? records.lazy.compactMap(\.person.domain).first
        var record = SessionRecord(
            id: id, person: merged, managerName: managerName ?? managerPreparation?.managerName, mode: .oneOnOne, date: date,
            now: now)
        var responses: [Role: [String: AnswerValue]] = [:]
        var skipped: Set<String> = []
        var sources: [String: [String: String]] = [:]
        for preparation in records {
            for role in preparation.mode.roles {
                let answers = preparation.responses[role] ?? [:]
                responses[role, default: [:]].merge(answers) { _, new in new }
                for itemID in answers.keys { sources[role.rawValue, default: [:]][itemID] = preparation.id }
                skipped.formUnion(preparation.skipped.filter { prompts.bank.item($0)?.role == role })
            }
        }
        record.record(responses, skipped: skipped, now: now)
        record.preparations = records.map {
            SessionRecord.Preparation(
                id: $0.id, mode: $0.mode, date: $0.date,
                by: $0.mode == .manager ? ($0.managerName ?? "the manager") : $0.person.name, answered: $0.answeredCount)
        }
        record.answerSources = sources
        let agenda = MeetingAgenda(prompts: prompts, answers: record.asAnswers, skipped: skipped, prepared: roles)
        record.agenda = agenda.steps
        record.covered = []
        return (record, agenda)
    }
}
