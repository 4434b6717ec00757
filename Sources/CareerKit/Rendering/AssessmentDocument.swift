import Foundation

/// The JSON document of `shared/instrument.md` (`careerpath.plan/1`): person, track,
/// dimensions, divergence, flags and the plan. Keys are snake_case and sorted, so output
/// is stable.
public struct AssessmentDocument: Encodable {
    let answers: Answers
    let assessment: Assessment
    let plan: DevelopmentPlan?
    let bank: QuestionBank

    public init(answers: Answers, assessment: Assessment, plan: DevelopmentPlan? = nil, bank: QuestionBank) {
        self.answers = answers
        self.assessment = assessment
        self.plan = plan
        self.bank = bank
    }

    enum Keys: String, CodingKey {
        case schema, person, session, track, dimensions, divergence, flags, notes, plan
        case name, id, currentLevel = "current_level", domain, date, mode
        case recommended, runnerUp = "runner_up", archetype, confidence, confidenceNotes = "confidence_notes", scores
        case explanation, ic, management, hybrid
        case item, role, answer, toward, points, text
        case selfScore = "self", manager, combined, dimension, gap
        case selfView = "self_view", managerView = "manager_view"
    }

    public func encode(to encoder: Encoder) throws {
        var root = encoder.container(keyedBy: Keys.self)
        try root.encode("careerpath.plan/1", forKey: .schema)
        var person = root.nestedContainer(keyedBy: Keys.self, forKey: .person)
        try person.encode(answers.person.name, forKey: .name)
        try person.encode(answers.person.id, forKey: .id)
        try person.encode(answers.person.currentLevel, forKey: .currentLevel)
        try person.encode(answers.person.domain, forKey: .domain)
        var session = root.nestedContainer(keyedBy: Keys.self, forKey: .session)
        try session.encode(answers.date, forKey: .date)
        try session.encode(answers.mode.rawValue, forKey: .mode)
        try session.encode(answers.managerName, forKey: .manager)

        var track = root.nestedContainer(keyedBy: Keys.self, forKey: .track)
        try track.encode(assessment.recommended.rawValue, forKey: .recommended)
        try track.encode(assessment.runnerUp.rawValue, forKey: .runnerUp)
        try track.encode(assessment.archetype, forKey: .archetype)
        try track.encode(assessment.confidence.rawValue, forKey: .confidence)
        try track.encode(assessment.confidenceNotes, forKey: .confidenceNotes)
        var scores = track.nestedContainer(keyedBy: Keys.self, forKey: .scores)
        try scores.encode(assessment.scores[.ic], forKey: .ic)
        try scores.encode(assessment.scores[.management], forKey: .management)
        try scores.encode(assessment.scores[.hybrid], forKey: .hybrid)
        var reasons = track.nestedUnkeyedContainer(forKey: .explanation)
        for reason in assessment.explanation {
            var entry = reasons.nestedContainer(keyedBy: Keys.self)
            try entry.encode(reason.item, forKey: .item)
            try entry.encode(reason.role.rawValue, forKey: .role)
            try entry.encode(reason.answer, forKey: .answer)
            try entry.encode(reason.toward.rawValue, forKey: .toward)
            try entry.encode(reason.points, forKey: .points)
            try entry.encode(ReasonText.sentence(reason, bank: bank), forKey: .text)
        }

        var dimensions = root.nestedContainer(keyedBy: DynamicKey.self, forKey: .dimensions)
        for score in assessment.dimensions {
            var entry = dimensions.nestedContainer(keyedBy: Keys.self, forKey: DynamicKey(score.name))
            try entry.encode(score.selfScore, forKey: .selfScore)
            try entry.encode(score.managerScore, forKey: .manager)
            try entry.encode(score.combined, forKey: .combined)
        }
        var divergence = root.nestedUnkeyedContainer(forKey: .divergence)
        for gap in assessment.divergence {
            var entry = divergence.nestedContainer(keyedBy: Keys.self)
            try entry.encode(gap.dimension, forKey: .dimension)
            if gap.dimension == "track" {
                // Numbers stay numbers for every entry: the views have keys of their own.
                try entry.encodeNil(forKey: .selfScore)
                try entry.encodeNil(forKey: .manager)
                try entry.encodeNil(forKey: .gap)
                try entry.encode(gap.selfView, forKey: .selfView)
                try entry.encode(gap.managerView, forKey: .managerView)
            } else {
                try entry.encode(gap.selfScore, forKey: .selfScore)
                try entry.encode(gap.managerScore, forKey: .manager)
                try entry.encode(gap.gap, forKey: .gap)
            }
        }
        try root.encode(assessment.flags, forKey: .flags)
        try root.encode(answers.notes, forKey: .notes)
        if let plan { try root.encode(PlanJSON(plan: plan), forKey: .plan) }
    }

    /// The document as pretty-printed JSON with sorted keys, ending in a newline.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// A coding key made from any string, for maps keyed by data (dimension names).
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
