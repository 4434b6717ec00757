import Foundation

/// One finished conversation as the history keeps it: who, when, the track result, the
/// dimension scores and the plan.
public struct HistoryRecord: Hashable, Sendable {
    public struct PlanItem: Hashable, Sendable {
        public var itemID: String
        public var category: String
        public var title: String
        public var due: String
        /// `not_started`, `in_progress`, `done` or `dropped`.
        public var status: String
        /// Why it was dropped, when it was.
        public var note: String?
    }

    public struct Milestone: Hashable, Sendable {
        public var position: Int
        public var title: String
        public var due: String
        public var status: String
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

    /// The id of a record made from an answers file or a sheet (`run`, `bulk`): the same
    /// answers recorded again replace their record, and nothing else does. It names the
    /// session date, the mode (a self-assessment and a one-on-one of one day are two
    /// sessions) and the person, e.g. `run:2026-11-22:one-on-one:id:E1042`.
    public static func scriptedID(source: String, answers: Answers, plan: DevelopmentPlan) -> String {
        [source, answers.date ?? SessionDate.format(plan.startDate), answers.mode.rawValue, personKey(for: answers.person)]
            .joined(separator: ":")
    }

    /// Builds the record of a scored conversation and its plan.
    public static func make(
        id: String, source: String, answers: Answers, assessment: Assessment, plan: DevelopmentPlan, prompts: PromptSet
    ) throws -> HistoryRecord {
        let document = AssessmentDocument(answers: answers, assessment: assessment, plan: plan, bank: prompts.bank).json()
        var dimensions: [String: Double] = [:]
        for score in assessment.dimensions {
            if let combined = score.combined { dimensions[score.name] = combined }
        }
        return HistoryRecord(
            id: id, personKey: personKey(for: answers.person), personName: answers.person.name, personID: answers.person.id,
            currentLevel: answers.person.currentLevel, date: answers.date ?? SessionDate.format(plan.startDate),
            mode: answers.mode.rawValue, source: source, recommended: assessment.recommended.rawValue,
            archetype: assessment.archetype, confidence: assessment.confidence.rawValue,
            fits: Dictionary(uniqueKeysWithValues: assessment.scores.map { ($0.key.rawValue, $0.value) }),
            dimensions: dimensions, flags: assessment.flags.rawValues, targetLevel: plan.targetLevel, document: document,
            items: plan.items.map {
                PlanItem(
                    itemID: $0.id, category: $0.category.rawValue, title: $0.title, due: SessionDate.format($0.due),
                    status: "not_started", note: nil)
            },
            milestones: plan.milestones.enumerated().map {
                Milestone(position: $0.offset, title: $0.element.title, due: SessionDate.format($0.element.due), status: "not_started")
            })
    }
}
