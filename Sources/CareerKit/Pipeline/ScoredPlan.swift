import Foundation

/// One person's scored answers and plan: what every output of careerpath is made from.
public struct ScoredPlan: Sendable {
    /// The answers the plan was made from (with a calibrated manager's offset taken off).
    public let answers: Answers
    public let assessment: Assessment
    /// The assessment of the answers as given, before any calibration; the calibration
    /// report reads this one.
    public let asGiven: Assessment
    public let plan: DevelopmentPlan
    let shared: PlanView.Shared

    /// The plan document in one format.
    public func render(_ format: PlanRenderer.Format) throws -> String {
        try PlanRenderer(answers: answers, assessment: assessment, plan: plan, shared: shared).render(format)
    }

    /// The history's record of this result.
    public func record(_ source: HistoryRecord.Source) -> HistoryRecord {
        HistoryRecord(
            source: source, answers: answers, assessment: assessment, plan: plan,
            document: AssessmentDocument(answers: answers, assessment: assessment, plan: plan, bank: shared.prompts.bank).json())
    }

    /// Writes the plan in each format as `folder/base.<format>`, owner-only, each file whole
    /// or not at all, and returns the paths in the order of `formats`.
    public func write(_ formats: [PlanRenderer.Format], into folder: String, base: String) throws -> [String] {
        try PrivateFile.makeDirectory(folder)
        return try formats.map { format in
            let path = PathName.join(folder, "\(base).\(format.fileExtension)")
            try PrivateFile.write(try render(format), to: path, durably: true)
            return path
        }
    }
}
