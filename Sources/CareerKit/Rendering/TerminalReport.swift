/// The track-fit result as text for a terminal: the three fits as bars, confidence, the
/// reasons, the dimension profile and the disagreements worth talking about. It speaks to
/// the contributor as "you", like the plan documents, or to a manager preparing alone about
/// the contributor.
public struct TerminalReport {
    public struct Style: Sendable {
        /// Columns available.
        public var width: Int
        /// Whether to use ANSI colours.
        public var color: Bool

        public init(width: Int = 80, color: Bool = false) {
            self.width = width
            self.color = color
        }
    }

    let answers: Answers
    let assessment: Assessment
    let bank: QuestionBank
    /// For level titles and the size of a disagreement worth talking about; without them
    /// the report shows level ids and leaves the size out.
    let ladder: Ladder?
    let weights: Weights?
    let style: Style
    /// Who reads the report.
    public var audience: Audience = .contributor

    public init(answers: Answers, assessment: Assessment, bank: QuestionBank, style: Style) {
        self.answers = answers
        self.assessment = assessment
        self.bank = bank
        self.ladder = nil
        self.weights = nil
        self.style = style
    }

    /// The report with level titles and the disagreement threshold from the prompts.
    public init(answers: Answers, assessment: Assessment, prompts: PromptSet, style: Style) {
        self.answers = answers
        self.assessment = assessment
        self.bank = prompts.bank
        self.ladder = prompts.ladder
        self.weights = prompts.weights
        self.style = style
    }

    private func paint(_ text: String, _ code: String) -> String {
        style.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// A bar of `value` out of 100 in `width` cells.
    public static func bar(_ value: Double, width: Int) -> String {
        let filled = max(0, min(width, Int((value / 100 * Double(width)).rounded())))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    public func render() -> String {
        var lines: [String] = []
        let level = ladder?.level(answers.person.currentLevel)?.title ?? answers.person.currentLevel
        var heading = "\(answers.person.name) (\(level))"
        switch answers.mode {
        case .oneOnOne: heading += answers.managerName.map { ", one-on-one with \($0)" } ?? ", one-on-one"
        case .selfAssessment: heading += answers.managerName.map { ", self-assessment (manager: \($0))" } ?? ", self-assessment"
        case .manager: heading += answers.managerName.map { ", prepared by \($0)" } ?? ", prepared by the manager"
        }
        if let date = answers.date { heading += ", \(date)" }
        lines.append(paint(heading, "1"))
        lines.append("")
        lines += fitLines()
        lines.append("")
        lines += reasonLines()
        lines.append("")
        lines += dimensionLines()
        let talk = discussionLines()
        if !talk.isEmpty {
            lines.append("")
            lines.append(paint("Worth talking about", "1"))
            lines += talk
        }
        let callouts = ReasonText.flagCallouts(assessment.flags, audience: audience)
        if !callouts.isEmpty {
            lines.append("")
            for callout in callouts { lines += wrap(callout, indent: "! ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func fitLines() -> [String] {
        var lines = [paint("Track fit", "1")]
        let labelWidth = 24
        let barWidth = max(10, min(30, style.width - labelWidth - 30))
        let order = Track.scored.sorted { (assessment.scores[$0] ?? 0, $1) > (assessment.scores[$1] ?? 0, $0) }
        for track in order {
            let score = assessment.scores[track] ?? 0
            let label = track.shortTitle
            var line = "  " + label.padding(toLength: labelWidth - 2, withPad: " ", startingAt: 0) + " "
            line += paint(Self.bar(score, width: barWidth), track == assessment.recommended ? "32" : "2")
            line += " " + String(Int(score.rounded())).leftPadded(3)
            if track == assessment.recommended { line += "  <- recommended" }
            lines.append(line)
        }
        let confidence = paint(ReasonText.confidenceText(assessment.confidence), assessment.confidence == .high ? "32" : "33")
        lines.append("Recommended: \(assessment.recommended.title), \(confidence).")
        var profile = "\(audience.personsAtStart) profile: \(ReasonText.archetypeTitle(assessment.archetype))."
        if let text = ReasonText.archetypeText(assessment.archetype, audience: audience) { profile += " " + text }
        lines += wrap(profile, indent: "")
        for note in ReasonText.confidenceNotes(assessment, missingManager: true, audience: audience, mode: answers.mode) {
            lines += wrap(note, indent: "  - ")
        }
        return lines
    }

    func reasonLines() -> [String] {
        var lines = [paint("Why", "1")]
        guard !assessment.explanation.isEmpty else { return lines + ["  No single answer stands out."] }
        let reasons = ReasonText.split(assessment, bank: bank, audience: audience)
        lines += wrap("Points: what each answer added to the lead of the track it points to, against a middle answer.", indent: "  ")
        if !reasons.toward.isEmpty {
            lines.append("  Toward \(ReasonText.leadTrack(assessment).shortTitle):")
            for reason in reasons.toward.prefix(5) { lines += wrap(reason, indent: "  - ") }
        }
        if !reasons.against.isEmpty {
            lines.append("  The other way, toward \(ReasonText.otherTrack(assessment).shortTitle):")
            for reason in reasons.against.prefix(5) { lines += wrap(reason, indent: "  - ") }
        }
        return lines
    }

    /// The scores of whoever answered: you, your manager, and combined when there are both (for
    /// the manager: theirs, yours).
    func dimensionLines() -> [String] {
        let showSelf = assessment.dimensions.contains { $0.selfScore != nil }
        // A manager who could observe nothing yet still answered: their column shows n/a.
        let showManager = assessment.dimensions.contains { $0.managerScore != nil || $0.isUnseen(in: answers, weights: weights) }
        let showCombined = showSelf && showManager
        var header = paint("Dimensions", "1") + String(repeating: " ", count: 19)
        if showSelf { header += audience.isManager ? " theirs" : "    you" }
        if showManager { header += audience.isManager ? "    yours" : "  manager" }
        if showCombined { header += "  combined" }
        var lines = [header]
        func cell(_ value: Double?) -> String { value.map { String(Int($0.rounded())) } ?? "-" }
        for score in assessment.dimensions {
            var line = "  " + Dimension.title(score.name).padding(toLength: 28, withPad: " ", startingAt: 0)
            if showSelf { line += cell(score.selfScore).leftPadded(7) }
            let unseen = score.isUnseen(in: answers, weights: weights)
            if showManager { line += (unseen ? AnswerValue.notObservedText : cell(score.managerScore)).leftPadded(9) }
            if showCombined { line += cell(score.combined).leftPadded(10) }
            lines.append(line)
        }
        lines.append("  Scores run from 0 to 100.")
        return lines
    }

    func discussionLines() -> [String] {
        guard !assessment.divergence.isEmpty else { return [] }
        var lines: [String] = []
        if let points = weights?.thresholds.divergencePoints {
            lines += wrap(
                "A difference of \(ReasonText.formatPoints(ReasonText.materialGap(scalePoints: points))) points or more "
                    + "(\(ReasonText.formatPoints(points)) points on the six-point answer scale) is worth talking about.",
                indent: "  ")
        }
        for gap in assessment.divergence { lines += wrap(ReasonText.divergence(gap, audience: audience), indent: "  - ") }
        return lines
    }

    /// Wraps `text` to the width, the first line after `indent`, the rest aligned under it.
    func wrap(_ text: String, indent: String) -> [String] {
        TextWrap.lines(text, width: max(30 + indent.count, style.width), indent: indent)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
