import Foundation

/// The JSON document of `docs/contract.md` (`careerpath.plan/1`): person, track,
/// dimensions, divergence, flags and the plan. Keys are snake_case and sorted, so output
/// is stable.
public struct AssessmentDocument {
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

    /// The document as a JSON value; one place defines its shape.
    var value: JSONValue {
        let person: JSONValue = .object([
            ("name", .string(answers.person.name)), ("id", JSONValue(answers.person.id)),
            ("current_level", .string(answers.person.currentLevel)), ("domain", JSONValue(answers.person.domain)),
        ])
        let session: JSONValue = .object([
            ("date", JSONValue(answers.date)), ("mode", .string(answers.mode.rawValue)),
            ("manager", JSONValue(answers.managerName)), ("manager_id", JSONValue(answers.managerID)),
        ])
        let reasons: [JSONValue] = assessment.explanation.map { reason in
            .object([
                ("item", .string(reason.item)), ("role", .string(reason.role.rawValue)), ("answer", .string(reason.answer)),
                ("toward", .string(reason.toward.rawValue)), ("points", .number(reason.points)),
                ("text", .string(ReasonText.sentence(reason, bank: bank))),
            ])
        }
        let track: JSONValue = .object([
            ("recommended", .string(assessment.recommended.rawValue)), ("runner_up", .string(assessment.runnerUp.rawValue)),
            ("archetype", .string(assessment.archetype)), ("confidence", .string(assessment.confidence.rawValue)),
            ("confidence_notes", JSONValue(assessment.confidenceNotes)),
            ("scores", .object([
                ("ic", JSONValue(assessment.scores[.ic])), ("management", JSONValue(assessment.scores[.management])),
                ("hybrid", JSONValue(assessment.scores[.hybrid])),
            ])),
            ("explanation", .array(reasons)),
        ])
        let dimensions: [(String, JSONValue)] = assessment.dimensions.map { score in
            (score.name, .object([
                ("self", JSONValue(score.selfScore)), ("manager", JSONValue(score.managerScore)),
                ("combined", JSONValue(score.combined)),
            ]))
        }
        let divergence: [JSONValue] = assessment.divergence.map { gap in
            // Numbers stay numbers for every entry: the track views have keys of their own, and
            // the contract names the track entry's dimension `track`.
            switch gap {
            case .track(let recommended, let view):
                .object([
                    ("dimension", .string("track")), ("self", .null), ("manager", .null), ("gap", .null),
                    ("self_view", .string(recommended.rawValue)), ("manager_view", .string(view)),
                ])
            case .dimension(let name, let selfScore, let managerScore, let apart):
                .object([
                    ("dimension", .string(name)), ("self", .number(selfScore)),
                    ("manager", .number(managerScore)), ("gap", .number(apart)),
                ])
            }
        }
        var root: [(String, JSONValue)] = [
            ("schema", .string("careerpath.plan/1")), ("person", person), ("session", session), ("track", track),
            ("dimensions", .object(dimensions)), ("divergence", .array(divergence)),
            ("flags", JSONValue(assessment.flags.rawValues)), ("notes", JSONValue(answers.notes)),
        ]
        if let plan { root.append(("plan", PlanJSON(plan: plan).value)) }
        return .object(root)
    }

    /// The document as pretty-printed JSON with sorted keys, ending in a newline.
    public func json() -> String {
        value.prettyText() + "\n"
    }
}
