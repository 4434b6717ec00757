import Foundation

/// One finished conversation as the history keeps it: who, when, the track result, the
/// dimension scores and the plan.
public struct HistoryRecord: Hashable, Sendable, Codable {
    public struct PlanItem: Hashable, Sendable, Codable {
        public var itemID: String
        public var category: String
        public var title: String
        public var due: String
        public var status: ItemStatus
        /// Why it was dropped, when it was.
        public var note: String?
    }

    public struct Milestone: Hashable, Sendable, Codable {
        public var position: Int
        public var title: String
        public var due: String
        /// A check-in is held (`done`) or not (`not_started`).
        public var status: ItemStatus
    }

    public var id: String
    /// The person's id when there is one, else their name in lower case.
    public var personKey: String
    public var personName: String
    public var personID: String?
    public var currentLevel: String
    public var date: String
    public var mode: String
    /// `talk`, `run` or `bulk`.
    public var source: String
    public var recommended: String
    public var archetype: String
    public var confidence: String
    public var fits: [String: Double]
    /// Combined dimension scores by name.
    public var dimensions: [String: Double]
    public var flags: [String]
    public var targetLevel: String
    /// The whole document of `careerpath run --format json`.
    public var document: String
    public var items: [PlanItem]
    public var milestones: [Milestone]

    /// The key a person is filed under: the id when there is one, else the name.
    public static func personKey(for person: Person) -> String {
        person.id.map { "id:" + $0 } ?? "name:" + person.name.lowercased()
    }

    /// Where a record comes from, and so its id: a talk is filed under its session id; the
    /// same answers file or sheet row recorded again (`run`, `bulk`) replaces its record and
    /// nothing else does.
    public enum Source: Hashable, Sendable {
        case run
        case bulk
        case talk(session: String)

        /// The name in the history's `source` column.
        public var name: String {
            switch self {
            case .run: "run"
            case .bulk: "bulk"
            case .talk: "talk"
            }
        }

        /// The record id. A scripted one names the session date, the mode (a
        /// self-assessment and a one-on-one of one day are two sessions) and the person,
        /// e.g. `run:2026-11-22:one-on-one:id:E1042`.
        public func id(answers: Answers, plan: DevelopmentPlan) -> String {
            if case .talk(let session) = self { return session }
            return [name, answers.date ?? SessionDate.format(plan.startDate), answers.mode.rawValue, HistoryRecord.personKey(for: answers.person)]
                .joined(separator: ":")
        }
    }

}

extension HistoryRecord {
    /// Builds the record of a scored conversation and its plan.
    /// - Parameter document: the plan's JSON document, kept whole.
    public init(source: Source, answers: Answers, assessment: Assessment, plan: DevelopmentPlan, document: String) {
        var dimensions: [String: Double] = [:]
        for score in assessment.dimensions {
            if let combined = score.combined { dimensions[score.name] = combined }
        }
        self.init(
            id: source.id(answers: answers, plan: plan), personKey: Self.personKey(for: answers.person),
            personName: answers.person.name, personID: answers.person.id,
            currentLevel: answers.person.currentLevel, date: answers.date ?? SessionDate.format(plan.startDate),
            mode: answers.mode.rawValue, source: source.name, recommended: assessment.recommended.rawValue,
            archetype: assessment.archetype, confidence: assessment.confidence.rawValue,
            fits: Dictionary(uniqueKeysWithValues: assessment.scores.map { ($0.key.rawValue, $0.value) }),
            dimensions: dimensions, flags: assessment.flags.rawValues, targetLevel: plan.targetLevel, document: document,
            items: plan.items.map {
                PlanItem(
                    itemID: $0.id, category: $0.category.rawValue, title: $0.title, due: SessionDate.format($0.due),
                    status: .notStarted, note: nil)
            },
            milestones: plan.milestones.enumerated().map {
                Milestone(position: $0.offset, title: $0.element.title, due: SessionDate.format($0.element.due), status: .notStarted)
            })
    }
}

extension PlanHistory {
    /// From the latest recorded plan of a person: what is done or dropped is left out, the
    /// rest is carried forward.
    public init(record: HistoryRecord) {
        self.init(
            excluded: Set(record.items.filter { $0.status.isClosed }.map(\.itemID)),
            carried: Set(record.items.filter { !$0.status.isClosed }.map(\.itemID)))
    }
}
