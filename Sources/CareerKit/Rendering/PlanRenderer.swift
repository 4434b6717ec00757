import Foundation

/// Renders a scored conversation and its plan in each output format.
public struct PlanRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case md, json, html

        public var fileExtension: String { rawValue }
    }

    let answers: Answers
    let assessment: Assessment
    let plan: DevelopmentPlan
    let prompts: PromptSet
    let shared: PlanView.Shared

    /// - Parameter shared: what depends only on the prompts, when the caller renders many
    ///   plans (bulk makes it once per run); made here otherwise.
    init(answers: Answers, assessment: Assessment, plan: DevelopmentPlan, shared: PlanView.Shared) {
        self.answers = answers
        self.assessment = assessment
        self.plan = plan
        self.prompts = shared.prompts
        self.shared = shared
    }

    public init(answers: Answers, assessment: Assessment, plan: DevelopmentPlan, prompts: PromptSet) {
        self.init(answers: answers, assessment: assessment, plan: plan, shared: PlanView.Shared(prompts: prompts))
    }

    public func render(_ format: Format) throws -> String {
        switch format {
        case .json:
            return AssessmentDocument(answers: answers, assessment: assessment, plan: plan, bank: prompts.bank).json()
        case .md:
            return prompts.templates.markdown.render(PlanView(answers: answers, assessment: assessment, plan: plan, shared: shared, charts: false))
        case .html:
            return prompts.templates.html.render(PlanView(answers: answers, assessment: assessment, plan: plan, shared: shared, charts: true))
        }
    }
}
