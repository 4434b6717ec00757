/// What a one-on-one that follows preparations asks, in order: first the differences between
/// the two prepared views, one at a time; then the questions neither preparation answered; and,
/// when both prepared, the questions marked `together` (options and commitments), with the
/// prepared answers as defaults. With one preparation only, that leaves the other side's
/// questions.
public struct MeetingAgenda: Sendable {
    public var steps: [AgendaStep]
    /// Differences left out so the meeting stays within its limit, largest first. The plan
    /// still lists them under the disagreements worth talking about.
    public var leftOut: [ViewGap]

    /// The most questions a one-on-one asks when both preparations exist.
    public static let questionLimit = 20
    /// The contributor's own view of readiness, compared with `view.readiness`.
    public static let selfReadiness = "readiness.self"
    public static let readinessEvidence = "readiness.evidence"
    public static let managerReadiness = "view.readiness"
    public static let managerTrack = "view.track"

    /// - Parameters:
    ///   - answers: the prepared answers, merged (mode one-on-one).
    ///   - skipped: the optional items a preparation left out on purpose: not asked again.
    ///   - prepared: the roles that prepared.
    public init(
        prompts: PromptSet, answers: Answers, skipped: Set<String>, prepared: Set<Role>, limit: Int = questionLimit
    ) {
        let both = prepared == Set(Role.allCases)
        var gaps = both ? Self.gaps(prompts: prompts, answers: answers) : []
        let bank = prompts.bank
        // A follow-up question counts when the answers so far ask it, or when the question it
        // follows is on the agenda too (its answer may change in the meeting).
        let prepared = DialogEngine(bank: bank, mode: .oneOnOne, answers: answers.responses, skipped: skipped)
        var included: Set<String> = []
        let items: [AgendaStep] = DialogEngine.askingOrder(bank, mode: .oneOnOne).compactMap { position in
            let item = bank.items[position]
            let open = answers.value(item.id, by: item.role) == nil && !skipped.contains(item.id)
            guard open || (both && item.together) else { return nil }
            if let condition = item.condition, !prepared.isAsked(item), !included.contains(condition.item) { return nil }
            included.insert(item.id)
            return .item(item.id)
        }
        func count() -> Int {
            DialogEngine(
                bank: bank, mode: .oneOnOne, answers: answers.responses, skipped: skipped,
                agenda: gaps.map(AgendaStep.gap) + items
            ).stepCount
        }
        var leftOut: [ViewGap] = []
        while count() > limit, let smallest = gaps.lastIndex(where: \.isDimension) {
            leftOut.insert(gaps.remove(at: smallest), at: 0)
        }
        steps = gaps.map(AgendaStep.gap) + items
        self.leftOut = leftOut
    }

    /// The differences between the two prepared views: dimensions two or more scale points
    /// apart (largest first), then the track, then readiness for the next level.
    static func gaps(prompts: PromptSet, answers: Answers) -> [ViewGap] {
        let assessment = Scorer(prompts: prompts).assess(answers)
        var gaps: [ViewGap] = []
        let order = prompts.weights.dimensions.map(\.name)
        func rank(_ divergence: Assessment.Divergence) -> (Double, Int) {
            (abs(divergence.gap ?? 0), -(divergence.dimension.flatMap { order.firstIndex(of: $0) } ?? 0))
        }
        var trackView: (recommended: Track, view: String)?
        var dimensions: [(name: String, selfScore: Double, managerScore: Double, rank: (Double, Int))] = []
        for divergence in assessment.divergence {
            switch divergence {
            case .dimension(let name, let selfScore, let managerScore, _):
                dimensions.append((name, selfScore, managerScore, rank(divergence)))
            case .track(let recommended, let view):
                trackView = (recommended, view)
            }
        }
        for divergence in dimensions.sorted(by: { $0.rank > $1.rank }) {
            guard let rule = prompts.weights.dimension(divergence.name) else { continue }
            let observed = rule.observations.filter {
                if case .integer? = answers.value($0, by: .manager) { return true }
                return false
            }
            gaps.append(
                ViewGap(
                    topic: .dimension(rule.name), contributorItems: rule.items, managerItems: observed, selfScore: divergence.selfScore,
                    managerScore: divergence.managerScore, managerAnswers: observed.map { answers.value($0, by: .manager)?.text ?? "" }))
        }
        if let trackView {
            gaps.append(
                ViewGap(
                    topic: .track, contributorItems: [], managerItems: [managerTrack],
                    selfView: trackView.recommended.rawValue, managerAnswers: [trackView.view]))
        }
        if let own = answers.value(selfReadiness, by: .contributor)?.text,
            let seen = answers.value(managerReadiness, by: .manager)?.text, own != seen
        {
            let items = [selfReadiness, readinessEvidence].filter { prompts.bank.item($0) != nil }
            gaps.append(
                ViewGap(
                    topic: .readiness, contributorItems: items, managerItems: [managerReadiness], selfView: own,
                    managerAnswers: [seen]))
        }
        return gaps
    }
}
