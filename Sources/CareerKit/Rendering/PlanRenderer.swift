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

    public init(answers: Answers, assessment: Assessment, plan: DevelopmentPlan, prompts: PromptSet) {
        self.answers = answers
        self.assessment = assessment
        self.plan = plan
        self.prompts = prompts
    }

    public func render(_ format: Format) throws -> String {
        switch format {
        case .json:
            return AssessmentDocument(answers: answers, assessment: assessment, plan: plan, bank: prompts.bank).json()
        case .md:
            let view = PlanView(answers: answers, assessment: assessment, plan: plan, prompts: prompts, charts: false)
            return prompts.templates.markdown.render(view.context())
        case .html:
            let view = PlanView(answers: answers, assessment: assessment, plan: plan, prompts: prompts, charts: true)
            return prompts.templates.html.render(view.context())
        }
    }
}
