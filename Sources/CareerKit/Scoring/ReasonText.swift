import Foundation

/// Plain words for a result, shared by the plan documents and the terminal report: the
/// reasons behind it, what set the confidence, the archetype, the flags and the
/// disagreements. People-facing text speaks to the contributor as "you" (or, for a manager
/// preparing alone, to the manager about the contributor) and never shows an item id or a
/// track id.
public enum ReasonText {
    /// The reason as the JSON document words it (`track.explanation[].text`), ids included
    /// for systems that read it, e.g. "The contributor rated the technical expert path
    /// (ladder.technical) 7, extremely: 15 points toward ic." Reports use `plain(_:bank:)`.
    public static func sentence(_ reason: Assessment.Reason, bank: QuestionBank) -> String {
        let points = "\(formatPoints(reason.points)) points toward \(reason.toward.rawValue)"
        if reason.picks != nil {
            return "The contributor's top three picks (\(reason.item): \(reason.answer)): \(points)."
        }
        let item = bank.item(reason.item)
        let who = reason.role == .contributor ? "The contributor" : "The manager"
        let name = item?.short.map { "\($0) (\(reason.item))" } ?? reason.item
        return "\(who) rated \(name) \(describeAnswer(reason.answer, item: item)): \(points)."
    }

    /// The answer with its label, e.g. `7, extremely` (the JSON document's wording).
    public static func describeAnswer(_ answer: String, item: BankItem?) -> String {
        guard let item else { return answer }
        if case .scale(let scale) = item.kind, let point = Int(answer), let label = scale.labels[point] {
            return "\(point), \(label)"
        }
        return answer
    }

    /// Scores and points are whole numbers everywhere (prompts/templates/README.md).
    static func formatPoints(_ value: Double) -> String { formatScore(value) }

    // MARK: - Reasons

    /// One reason in plain words, e.g. `You rated “the technical expert path” 7 of 7
    /// (extremely): 15 points.` The points are the lead the answer gave the track it points
    /// to, against a middle answer.
    public static func plain(_ reason: Assessment.Reason, bank: QuestionBank, audience: Audience = .contributor) -> String {
        let shown = shownScore(reason.points)
        let points = shown == 0 ? "less than 1 point" : "\(formatPoints(reason.points)) point\(abs(shown) == 1 ? "" : "s")"
        if let picks = reason.picks {
            let named = picks.map { quote(bank.item($0).flatMap(\.short) ?? bank.item($0)?.text ?? $0) }
            return "\(audience.personsAtStart) top three picks (\(Dimension.list(named))): \(points)."
        }
        let item = bank.item(reason.item)
        let who = reason.role == .contributor ? audience.personAtStart : audience.managerAtStart
        let name = quote(item?.short ?? item?.text ?? reason.item)
        return "\(who) rated \(name) \(outOf(reason.answer, item: item)): \(points)."
    }

    /// A scale answer as `6 of 6 (always true of me)`; any other answer as given.
    public static func outOf(_ answer: String, item: BankItem?) -> String {
        guard let item, case .scale(let scale) = item.kind, let point = Int(answer) else { return answer }
        let label = scale.labels[point].map { " (\($0))" } ?? ""
        return "\(point) of \(scale.max)\(label)"
    }

    /// The reasons split by the way they point: toward the recommended track, and toward
    /// the other contender.
    public static func split(_ assessment: Assessment, bank: QuestionBank, audience: Audience = .contributor)
        -> (toward: [String], against: [String])
    {
        let lead = leadTrack(assessment)
        let toward = assessment.explanation.filter { $0.toward == lead }
        let against = assessment.explanation.filter { $0.toward != lead }
        return (toward.map { plain($0, bank: bank, audience: audience) }, against.map { plain($0, bank: bank, audience: audience) })
    }

    /// The track the reasons are measured for: the recommended one, or for an undecided
    /// result, the track that fits best by a little.
    public static func leadTrack(_ assessment: Assessment) -> Track {
        assessment.recommended == .undecided ? assessment.runnerUp : assessment.recommended
    }

    /// The track most reasons against the lead track point to (the runner-up).
    public static func otherTrack(_ assessment: Assessment) -> Track {
        let lead = leadTrack(assessment)
        if let other = assessment.explanation.first(where: { $0.toward != lead })?.toward { return other }
        if assessment.recommended != .undecided { return assessment.runnerUp }
        return Track.scored.filter { $0 != lead }.max { (assessment.scores[$0] ?? 0, $1) < (assessment.scores[$1] ?? 0, $0) } ?? lead
    }

    private static func quote(_ text: String) -> String {
        "“" + text + "”"
    }

    // MARK: - Archetype and confidence

    /// The archetype as a name, e.g. `Tech lead manager`.
    public static func archetypeTitle(_ name: String) -> String {
        switch name {
        case "solver": return "Problem solver"
        default:
            let words = String(name.map { $0 == "_" ? " " : $0 })
            return words.prefix(1).uppercased() + words.dropFirst()
        }
    }

    /// One short sentence on what the archetype means, or nil for one without a text.
    public static func archetypeText(_ name: String, audience: Audience = .contributor) -> String? {
        if audience.isManager { return managerArchetypeText(name, person: audience.personName) }
        switch name {
        case "specialist": return "You want to go deep in one field and be the person others turn to for it."
        case "architect": return "You like to shape how large systems fit together, beyond your own team."
        case "solver": return "You are drawn to hard, varied problems more than to any title."
        case "right_hand": return "You stay technical while helping to run the team: coordinating work and people."
        case "tech_lead": return "You want to lead a team's technical work while still building things yourself."
        case "tech_lead_manager": return "You want to lead a small team, its technical work and the growth of its people."
        case "people_manager": return "You find your satisfaction in growing people and in what your team achieves."
        case "explorer": return "Your answers do not point to one path yet: trying each for a short while is the best next step."
        default: return nil
        }
    }

    /// The archetype's sentence about the contributor, for the manager.
    private static func managerArchetypeText(_ name: String, person: String) -> String? {
        switch name {
        case "specialist": return "\(person) wants to go deep in one field and be the person others turn to for it."
        case "architect": return "\(person) likes to shape how large systems fit together, beyond their own team."
        case "solver": return "\(person) is drawn to hard, varied problems more than to any title."
        case "right_hand": return "\(person) stays technical while helping to run the team: coordinating work and people."
        case "tech_lead": return "\(person) wants to lead a team's technical work while still building things themselves."
        case "tech_lead_manager": return "\(person) wants to lead a small team, its technical work and the growth of its people."
        case "people_manager": return "\(person) finds satisfaction in growing people and in what their team achieves."
        case "explorer": return "The answers do not point to one path yet: trying each for a short while is the best next step."
        default: return nil
        }
    }

    /// E.g. `high confidence`.
    public static func confidenceText(_ confidence: Confidence) -> String {
        "\(confidence.rawValue) confidence"
    }

    /// A track id as people read it; a value that is not a track (such as `unsure`) as given.
    public static func trackTitle(_ id: String?) -> String {
        guard let id else { return "no track" }
        return Track(rawValue: id)?.title ?? id
    }

    // MARK: - Confidence notes

    /// What set the confidence, in plain words: the scorer's reasons worded for people, so no
    /// id shows.
    ///
    /// - Parameters:
    ///   - missingManager: whether to say that the manager has not answered (documents say
    ///     it once elsewhere and pass false).
    ///   - divergenceBelow: where the disagreements are listed, for the pointer to them.
    ///   - audience: who reads the notes.
    ///
    /// - Parameter mode: the kind of session. A preparation is made apart on purpose, so the
    ///   other side's view is not "missing" there: the note says where the two views meet.
    public static func confidenceNotes(
        _ assessment: Assessment, missingManager: Bool, divergenceBelow: String = "Worth talking about, below",
        audience: Audience = .contributor, mode: Mode? = nil
    ) -> [String] {
        let a = audience
        let ranked = Track.scored.sorted { (assessment.scores[$0] ?? 0, $1) > (assessment.scores[$1] ?? 0, $0) }
        let first = assessment.scores[ranked[0]] ?? 0
        let second = assessment.scores[ranked[1]] ?? 0
        var notes = [
            first == second
                ? "\(ranked[0].shortTitle) and \(ranked[1].shortTitle) fit equally well, at \(formatPoints(first)) out of 100."
                : "\(ranked[0].shortTitle) fits best at \(formatPoints(first)) out of 100, "
                    + "\(formatPoints(shownScore(first) - shownScore(second))) points ahead of \(ranked[1].shortTitle) at \(formatPoints(second))."
        ]
        var sawTrack = false
        var sawDimensions = false
        for note in assessment.confidenceReasons {
            switch note {
            case .margin:
                continue  // said above, with titles
            case .noManagerAnswers:
                if mode == .selfAssessment, !a.isManager {
                    notes.append("Your manager's view is not part of a self-assessment: the two views meet in the one-on-one.")
                } else if missingManager {
                    notes.append("\(a.managerAtStart) \(a.isManager ? "have" : "has") not answered yet, so there is nothing to compare \(a.persons) view with.")
                }
            case .noContributorAnswers:
                if mode == .manager, a.isManager {
                    notes.append(
                        "\(a.personsAtStart) own answers are not part of your preparation, so the track is read from your observations only; the two views meet in the one-on-one.")
                } else {
                    notes.append("\(a.personAtStart) \(a.isManager ? "has" : "have") not answered yet: the track is read from \(a.managers) observations only.")
                }
            case .noStrongFit:
                notes.append("No track pulls strongly yet, so the plan leans on challenging projects while \(a.person) \(a.isManager ? "explores" : "explore").")
            case .lowCoverage(let answered, let asked):
                notes.append("Only \(answered) of the \(asked) questions the fit is read from were answered, so it says less.")
            case .managerSeesAnotherTrack:
                sawTrack = true
            case .dimensionsDiffer:
                sawDimensions = true
            case .inconsistentDimensions(let names):
                let titles = names.map { Dimension.title($0).lowercased() }
                notes.append("\(a.personsAtStart) answers within \(Dimension.list(titles)) point different ways, so they say less.")
            case .uniformAnswers:
                notes.append("Nearly all \(a.persons) ratings are the same, so they cannot tell the tracks apart.")
            case .uniformObservations:
                notes.append("\(a.managerAtStart) gave nearly every observation the same rating, which says little about \(a.persons) strengths.")
            case .noClearLead:
                notes.append(
                    a.isManager
                        ? "No path leads clearly yet, so the plan helps \(a.person) try before choosing."
                        : "No path leads clearly yet, so the plan helps you try before you choose.")
            case .managementNotSupported:
                notes.append(
                    "The management path appeals to \(a.person), but \(a.persons) answers about people work show less pull toward it: worth trying before deciding.")
            case .claimsMoreThanSeen(let names):
                let titles = names.map { Dimension.title($0).lowercased() }
                notes.append(
                    a.isManager
                        ? "\(a.personsAtStart) own rating of \(Dimension.list(titles)) is higher than you have seen so far: agree together what evidence would show it."
                        : "You rate your \(Dimension.list(titles)) higher than your manager has seen so far: agree together what evidence would show it.")
            case .managerSeesMore(let names):
                let titles = names.map { Dimension.title($0).lowercased() }
                notes.append(
                    a.isManager
                        ? "You see more \(Dimension.list(titles)) in \(a.person) than \(a.persons) own ratings claim: a strength to name."
                        : "Your manager sees more \(Dimension.list(titles)) in you than you claim: a strength to name.")
            case .undersold(let names):
                let titles = names.map { Dimension.title($0).lowercased() }
                notes.append(
                    a.isManager
                        ? "You see more \(Dimension.list(titles)) in \(a.person) than \(a.persons) own ratings claim, and you see them ready now: a strength to name, and no reason for less confidence in the result."
                        : "Your manager sees more \(Dimension.list(titles)) in you than you claim, and sees you ready now: a strength to name, and no reason for less confidence in the result.")
            case .mildAnswers:
                notes.append(
                    a.isManager
                        ? "Most of \(a.persons) ratings are in the middle of the scale, so the lead is small: a short trial of each path will say more than the ratings."
                        : "Most of your ratings are in the middle of the scale, so the lead is small: a short trial of each path will say more than the ratings.")
            }
        }
        if sawTrack || sawDimensions {
            let count = assessment.divergence.filter { $0.dimension != nil }.count
            var what: [String] = []
            if sawTrack { what.append("the track") }
            if sawDimensions { what.append("\(count) dimension\(count == 1 ? "" : "s")") }
            if a.isManager, sawTrack, !sawDimensions {
                notes.append("Your view of the track differs from the one the answers so far point to (see \(divergenceBelow)).")
            } else {
                let others = a.isManager ? "You and \(a.person)" : "You and your manager"
                notes.append("\(others) see \(Dimension.list(what)) differently (see \(divergenceBelow)).")
            }
        }
        return notes
    }

    // MARK: - Flags and disagreements

    /// The callouts for the flags that no other part of a report already says. Flags said
    /// elsewhere (disagreements, missing views, exploratory and uniform answers, which the
    /// confidence notes cover) give none.
    public static func flagCallouts(_ flags: [AssessmentFlag], audience: Audience = .contributor) -> [String] {
        let a = audience
        return flags.compactMap { flag in
            switch flag {
            case .payStatusMotive:
                return a.isManager
                    ? "Pay and recognition matter to \(a.person), which is fair. Talk through what else draws them to managing, and what a move would change day to day."
                    : "Pay and recognition matter to you, which is fair. Talk through what else draws you to managing, and what a move would change day to day."
            case .growthInPlace:
                return a.isManager
                    ? "\(a.personAtStart) said not now to a promotion, so the plan grows them where they are."
                    : "You said not now to a promotion, so the plan grows you where you are."
            case .exploratory, .undecided, .noSelfView, .noManagerView, .managerUniform, .raterDivergence, .uniformAnswers,
                .calibrated:
                return nil
            }
        }
    }

    /// One disagreement in plain words, e.g. `Growing people: you rate yourself 93, your
    /// manager rates you 20 (73 points apart).`
    public static func divergence(_ gap: Assessment.Divergence, audience: Audience = .contributor) -> String {
        let a = audience
        switch gap {
        case .track(let recommended, let view):
            if a.isManager {
                return "Track: you see \(trackTitle(view)) as the better fit; the answers so far point to \(trackTitle(recommended.rawValue))."
            }
            return "Track: your manager sees \(trackTitle(view)) as the better fit; "
                + "your answers point to \(trackTitle(recommended.rawValue))."
        case .dimension(let name, let selfScore, let managerScore, _):
            let own = formatPoints(selfScore)
            let seen = formatPoints(managerScore)
            let apart = formatPoints(abs(shownScore(selfScore) - shownScore(managerScore)))
            if a.isManager {
                return "\(Dimension.title(name)): \(a.persons) own rating \(own), yours \(seen) (\(apart) points apart)."
            }
            return "\(Dimension.title(name)): you rate yourself \(own), your manager rates you \(seen) (\(apart) points apart)."
        }
    }

    /// The size of a disagreement worth talking about on the 0..100 scale, from the one in
    /// points of the six-point answer scale (`divergence_points` in weights.yaml): 2 is 40.
    public static func materialGap(scalePoints: Double) -> Double {
        scalePoints / 5 * 100
    }
}
