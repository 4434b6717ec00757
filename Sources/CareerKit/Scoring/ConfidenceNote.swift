/// One thing that set the confidence of a result, as data: the JSON document words it with
/// `sentence` (ids included, for systems that read it), the reports in plain words through
/// `ReasonText`. Keeping the reason as a case, not a sentence, lets the reports reword it
/// without reading the sentence back.
public enum ConfidenceNote: Hashable, Sendable {
    /// The margin between the best fit and the runner-up, on the scores as reported.
    case margin(best: Track, bestFit: Double, runnerUp: Track, runnerUpFit: Double, margin: Double)
    case noContributorAnswers
    case noManagerAnswers
    /// No fit reached `threshold`: the result leans on exploring.
    case noStrongFit(threshold: Double)
    case lowCoverage(answered: Int, asked: Int)
    /// The manager's view of the track (a track id) differs from the recommendation.
    case managerSeesAnotherTrack(view: String, recommended: Track)
    case dimensionsDiffer(count: Int)
    /// Dimensions whose own answers point different ways, by name.
    case inconsistentDimensions([String])
    case uniformAnswers
    /// The manager gave (nearly) every observation the same rating.
    case uniformObservations
    /// The best fit does not lead the next by `needed` points.
    case noClearLead(margin: Double, needed: Double)
    /// Management led only on the path's appeal: the people-work answers average `support`,
    /// below `floor`, and the manager did not name management.
    case managementNotSupported(support: Double, floor: Double)
    /// Dimensions the manager rates clearly higher than the contributor, on what the
    /// recommended track needs: a strength to name, which does not lower confidence.
    case managerSeesMore([String])
    /// The same, with the manager calling the person ready now: underselling, so a weak pull
    /// in the person's own ratings says nothing against the result, and confidence is what
    /// the margin and the rest earn.
    case undersold([String])
    /// Dimensions the plan works on that the contributor rates clearly higher than the
    /// manager has seen: a conversation about evidence, which keeps confidence at medium.
    case claimsMoreThanSeen([String])
    /// Most ratings sit on the scale's middle points (`share` of them) and the lead is
    /// `margin`, below `needed`: too little signal to be confident either way.
    case mildAnswers(share: Double, margin: Double, needed: Double)

    /// The note as the JSON document (`track.confidence_notes`) words it.
    public var sentence: String {
        let points = ReasonText.formatPoints
        switch self {
        case .margin(let best, let bestFit, let runnerUp, let runnerUpFit, let margin):
            return "The best fit, \(best.rawValue) at \(points(bestFit)), leads \(runnerUp.rawValue) at \(points(runnerUpFit)) by \(points(shownScore(bestFit) - shownScore(runnerUpFit))) points."
        case .noContributorAnswers:
            return "There are no answers from the contributor: the track is read from the manager's observations only."
        case .noManagerAnswers:
            return "There are no manager answers to compare the contributor's view with."
        case .noStrongFit(let threshold):
            return "No fit reaches \(Int(threshold)): neither track pulls strongly yet, so the result leans on challenging projects while the person explores."
        case .lowCoverage(let answered, let asked):
            return "Only \(answered) of \(asked) scoring questions were answered."
        case .managerSeesAnotherTrack(let view, let recommended):
            return "The manager sees the track as \(view); the answers point to \(recommended.rawValue)."
        case .dimensionsDiffer(let count):
            return "The contributor and manager see \(count) dimensions differently."
        case .inconsistentDimensions(let names):
            return "Answers inside \(names.count) dimensions point different ways (\(names.joined(separator: ", ")))."
        case .uniformAnswers:
            return "Nearly every rating is the same, so the ratings cannot tell the tracks apart."
        case .uniformObservations:
            return "The manager gave nearly every observation the same rating, which says little about strengths."
        case .noClearLead(let margin, let needed):
            return "No fit leads clearly: the best leads by \(points(margin)) points, less than the \(points(needed)) needed to pick a track."
        case .managementNotSupported(let support, let floor):
            return "Management led on the path's appeal, but the answers about people work average \(points(support)), below \(points(floor)), and the manager did not name management."
        case .claimsMoreThanSeen(let names):
            return "The contributor rates \(names.joined(separator: ", ")) clearly higher than the manager has seen, on skills the plan works on."
        case .managerSeesMore(let names):
            return "The manager rates \(names.joined(separator: ", ")) higher than the contributor does, in the direction of the result."
        case .undersold(let names):
            return "The manager rates \(names.joined(separator: ", ")) higher than the contributor does, in the direction of the result, and sees them ready now: underselling, which does not lower confidence."
        case .mildAnswers(let share, let margin, let needed):
            return "\(Int((share * 100).rounded()))% of the ratings are on the middle of the scale and the best fit leads by \(points(margin)) points, less than the \(points(needed)) that mild answers need."
        }
    }
}
