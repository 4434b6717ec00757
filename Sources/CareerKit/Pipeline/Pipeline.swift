import Foundation

/// The core use case, in one place for `run`, `talk` and `bulk`: answers are scored, the
/// plan is made, and the result is rendered and turned into a history record the same way
/// whoever asks.
public struct Pipeline: Sendable {
    public let prompts: PromptSet
    private let scorer: Scorer
    private let planner: Planner
    /// What the plan documents take from the prompts alone, made once for every plan.
    private let shared: PlanView.Shared

    public init(prompts: PromptSet) {
        self.prompts = prompts
        scorer = Scorer(prompts: prompts)
        planner = Planner(prompts: prompts)
        shared = PlanView.Shared(prompts: prompts)
    }

    /// Scores the answers and makes the plan.
    /// - Parameters:
    ///   - today: the plan's start when the answers name no session date.
    ///   - previous: what the last plan's review says the new plan should leave out or carry.
    ///   - calibration: a manager's offset to take from their observations before scoring
    ///     (`bulk --calibrate`); the plan says so.
    /// - Throws: `CareerError.invalidData` when the answers cannot make a plan.
    public func consult(
        _ answers: Answers, today: Date, previous: PlanHistory? = nil, calibration offset: Double? = nil
    ) throws -> ScoredPlan {
        var answers = answers
        let asGiven = scorer.assess(answers)
        var assessment = asGiven
        if let offset {
            answers = Calibration.adjusted(
                answers, by: offset, observations: prompts.weights.dimensions.flatMap(\.observations))
            assessment = scorer.assess(answers)
            assessment.flags.append(.calibrated)
        }
        var plan = try planner.plan(for: answers, assessment: assessment, today: today, previous: previous)
        if let offset, let manager = answers.managerName { plan.notes.append(.calibrated(manager: manager, offset: offset)) }
        // Every plan careerpath makes holds its own claims, in its documents too (debug builds).
        assert(
            PlanCheck.failures(of: plan, answers: answers, assessment: assessment, prompts: prompts).isEmpty,
            "the plan check failed: \(PlanCheck.failures(of: plan, answers: answers, assessment: assessment, prompts: prompts))")
        return ScoredPlan(answers: answers, assessment: assessment, asGiven: asGiven, plan: plan, shared: shared)
    }

    /// The track fit of answers so far, without a plan (the REPL's `:fit`).
    public func assess(_ answers: Answers) -> Assessment {
        scorer.assess(answers)
    }
}
