/// The track-fit result as text for a terminal: the three fits as bars, confidence, the
/// reasons, the dimension profile and the disagreements worth talking about.
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
    let style: Style

    public init(answers: Answers, assessment: Assessment, bank: QuestionBank, style: Style) {
        self.answers = answers
        self.assessment = assessment
        self.bank = bank
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
        var heading = "\(answers.person.name) (\(answers.person.currentLevel))"
        switch answers.mode {
        case .oneOnOne: heading += answers.managerName.map { ", one-on-one with \($0)" } ?? ", one-on-one"
        case .selfAssessment: heading += ", self-assessment"
        case .manager: heading += answers.managerName.map { ", prepared by \($0)" } ?? ", prepared by the manager"
        }
        if let date = answers.date { heading += ", \(date)" }
        lines.append(paint(heading, "1"))
        lines.append("")
        lines += fitLines()
        lines.append("")
        lines.append(paint("Why", "1"))
        if assessment.explanation.isEmpty { lines.append("  No single answer stands out.") }
        for reason in assessment.explanation.prefix(5) {
            lines += wrap(ReasonText.sentence(reason, bank: bank), indent: "  - ")
        }
        lines.append("")
        lines += dimensionLines()
        let talk = discussionLines()
        if !talk.isEmpty {
            lines.append("")
            lines.append(paint("Worth talking about", "1"))
            lines += talk
        }
        if !assessment.flags.isEmpty {
            lines.append("")
            lines.append("Flags: " + assessment.flags.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func fitLines() -> [String] {
        var lines = [paint("Track fit", "1")]
        let labelWidth = 24
        let barWidth = max(10, min(30, style.width - labelWidth - 30))
        let order = Track.allCases.sorted { (assessment.scores[$0] ?? 0, $1) > (assessment.scores[$1] ?? 0, $0) }
        for track in order {
            let score = assessment.scores[track] ?? 0
            let label = track.shortTitle
            var line = "  " + label.padding(toLength: labelWidth - 2, withPad: " ", startingAt: 0) + " "
            line += paint(Self.bar(score, width: barWidth), track == assessment.recommended ? "32" : "2")
            line += " " + String(Int(score.rounded())).leftPadded(3)
            if track == assessment.recommended { line += "  <- recommended (\(assessment.archetype.replacingOccurrences(of: "_", with: " ")))" }
            lines.append(line)
        }
        lines.append("Confidence: " + paint(assessment.confidence.rawValue, assessment.confidence == .high ? "32" : "33"))
        for note in assessment.confidenceNotes { lines += wrap(note, indent: "  ") }
        return lines
    }

    func dimensionLines() -> [String] {
        var lines = [paint("Dimensions", "1") + String(repeating: " ", count: 19) + "   self  manager  combined"]
        func cell(_ value: Double?) -> String { value.map { String(Int($0.rounded())) } ?? "-" }
        for score in assessment.dimensions {
            let name = Dimension.title(score.name).padding(toLength: 28, withPad: " ", startingAt: 0)
            lines.append("  \(name) \(cell(score.selfScore).leftPadded(5))  \(cell(score.managerScore).leftPadded(7))  \(cell(score.combined).leftPadded(8))")
        }
        return lines
    }

    func discussionLines() -> [String] {
        assessment.divergence.flatMap { gap -> [String] in
            if gap.dimension == "track" {
                return wrap(
                    "Track: the manager sees \(gap.managerView ?? "?"), the answers point to \(gap.selfView ?? "?").",
                    indent: "  - ")
            }
            let own = Int((gap.selfScore ?? 0).rounded())
            let seen = Int((gap.managerScore ?? 0).rounded())
            let who = (gap.gap ?? 0) > 0 ? "the contributor rates it higher" : "the manager rates it higher"
            return wrap("\(Dimension.title(gap.dimension)): contributor \(own), manager \(seen); \(who).", indent: "  - ")
        }
    }

    /// Wraps `text` to the width, the first line after `indent`, the rest aligned under it.
    func wrap(_ text: String, indent: String) -> [String] {
        let limit = max(30, style.width - indent.count)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > limit {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        let hanging = String(repeating: " ", count: indent.count)
        return lines.enumerated().map { ($0.offset == 0 ? indent : hanging) + $0.element }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
