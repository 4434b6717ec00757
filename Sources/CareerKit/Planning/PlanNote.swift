/// Something the person should know about how their plan was made, as data. `sentence` words
/// it for the documents and the JSON (`plan.notes[]`), speaking to the contributor as "you";
/// reports that say a note elsewhere (the manager-has-not-answered text at the top) filter it
/// by its case, never by its words.
public enum PlanNote: Hashable, Sendable {
    /// The manager has not answered: the plan assumes these hours, this budget (nil: none)
    /// and this share of working time for special projects.
    case managerMissing(hoursPerMonth: Double, budget: String?, specialPercent: Int)
    /// No manager observations: the room to grow is estimated from what the current level
    /// expects, not from what anyone has seen.
    case gapsFromLevel(levelTitle: String)
    /// The manager rated every observation the same, so the room to grow comes from the
    /// level's expectations instead.
    case managerUniform(levelTitle: String)
    /// A certification domain the person named has no certification in the plan, and why.
    case certificationNotOffered(domain: String, why: String)
    /// A kind of networking or project the person asked for has nothing in the plan, and why.
    case interestNotOffered(interest: String, why: String)
    /// The person asked for project work, but no share of working time is agreed.
    case projectTimeNotAgreed(managerAnswered: Bool)
    /// The manager sees readiness for the target level as not yet, or within two years: the
    /// plan builds evidence against its criteria first.
    case buildEvidenceFirst(levelTitle: String, readiness: String, observed: Bool = true)
    /// The answers do not point to a track yet: the plan explores, with a trial of each track
    /// when the person's level has them.
    case exploratory(trials: Bool)
    /// A hybrid result: the plan aims at broader technical-lead scope, not a people-manager rung.
    case hybridScope(levelTitle: String)
    /// A technical lead (`role`, the level's title) whose answers point to more technical
    /// scope: the plan grows it toward the next individual-contributor rung, with no hand-over.
    case technicalScope(role: String, levelTitle: String)
    /// A technical lead who wants people to report to them too: the plan aims at the next
    /// people-management rung, people work first.
    case peopleStep(levelTitle: String)
    /// Moving back from management: the plan starts by handing the team over.
    case movingBack(levelTitle: String)
    /// What the contributor asked the plan to avoid was left out (the words they chose).
    case leftOutAsAsked(String)
    /// They would rather not manage people, yet the answers point to a role that does.
    case avoidsWhereTheAnswersPoint
    /// The manager offered an activity that runs into what the contributor asked to avoid
    /// (its title, and the avoided thing in their words, lower case).
    case offerRunsIntoAvoid(title: String, what: String)
    /// The contributor's own view of readiness differs from the manager's (with the evidence
    /// they named, when they did).
    /// `managerSooner`: the manager sees them ready sooner than they do (an underseller).
    case readinessSeenDifferently(own: String, manager: String, evidence: String?, managerSooner: Bool = false)
    /// A move across tracks, for someone who wants to be able to move back.
    case wayBack(levelTitle: String)
    /// What would keep them here, in their own words.
    case whatKeepsYouHere(String)
    /// Bulk took the manager's calibration offset off their observations (`--calibrate`).
    case calibrated(manager: String, offset: Double)
    /// The projects asked for end before the plan does: the share is free from this date.
    case projectTimeFree(percent: Int, from: String)
    /// Most of a real budget is unspent because the hours, not the money, are the limit.
    case budgetLimitedByHours(budget: String, hoursPerMonth: Double)
    /// Little time or no budget: what more time (hours a month) or money would unlock.
    case moreTimeWouldUnlock(hoursPerMonth: Double, title: String)
    case moneyWouldUnlock(amount: String, title: String)
    /// Budget left over, and what it could buy next.
    case budgetLeft(left: String, title: String, cost: String)
    /// An offer of the manager's takes more hours a month than the development hours freed.
    case offerOverHours(what: String, hoursPerMonth: Double, capacity: Double)
    /// The manager's offers cost more than the budget they named: the plan counts the offers.
    case offerOverBudget(budget: String, committed: String)
    /// The named project's share was cut to the most the team can free.
    case projectShareCapped(name: String, offered: Int, capacity: Int)
    /// A certification named in the answers that the issuer's rule does not open to the person
    /// yet: the rule, the years they have, from when it opens (nil: their years are not
    /// recorded), what they can do now, and what open to them now the plan holds.
    case notYetEligible(name: String, rule: String, have: Int?, from: String?, meanwhile: String?, inPlan: [String])
    /// An offer whose date the manager set after this plan ends (or in its last week): it is
    /// not in this plan, and opens the next one.
    case offerAfterPlan(name: String, date: String, end: String)

    /// The note in words, e.g. for the Markdown, the HTML and `plan.notes[]` in JSON.
    public var sentence: String {
        switch self {
        case .managerMissing(let hours, let budget, let special):
            let time = "\(formatOneDecimal(hours)) development hours a month"
            let money = budget.map { "a budget of \($0)" } ?? "no budget"
            let projects = special > 0 ? "\(special)% of working time for special projects" : "no time for special projects"
            return "Your manager has not answered yet. Until you agree the real figures together, the plan assumes \(time), \(money) and \(projects)."
        case .gapsFromLevel(let level):
            return "There are no manager observations yet, so the room to grow is estimated from what \(level) expects, not from what anyone has seen. Your manager's observations will sharpen it."
        case .managerUniform(let level):
            return "Your manager gave every observation the same rating, which says little about strengths, so the room to grow is estimated from what \(level) expects. Talk through specific examples together."
        case .certificationNotOffered(let domain, let why):
            return "You named \(domain) as a certification interest, but none is in the plan. \(capitalized(why))"
        case .interestNotOffered(let interest, let why):
            return "You asked for \(interest), but nothing of that kind is in the plan. \(capitalized(why))"
        case .projectTimeNotAgreed(let managerAnswered):
            return managerAnswered
                ? "You asked for project work, but no share of working time for special projects is agreed yet. Ask what your team could free, even 5 to 10%."
                : "You asked for project work: agree with your manager what share of working time they can free for it."
        case .buildEvidenceFirst(let level, let readiness, let observed):
            // A manager who has observed nothing yet has not judged readiness: not yet seen is
            // not "not ready".
            guard observed else {
                return "Your manager has not had the chance to observe your work yet, so this plan builds evidence against the promotion criteria of \(level) before readiness is discussed."
            }
            let when = readiness == "not_yet" ? "not ready yet" : "ready in about two years"
            return "Your manager sees you as \(when) for \(level), so this plan builds evidence against its promotion criteria before readiness is discussed."
        case .exploratory(let trials):
            let what = trials ? "a short trial of each path, someone to learn from" : "someone to learn from, people to talk to on each path"
            return "Your answers do not point to one track yet, so this plan helps you find out. It holds \(what) and a check-in to decide together which way to go."
        case .hybridScope(let level):
            return "You want both technical and people leadership, so the plan aims at \(level) with broader technical-lead scope before any people-manager role: scope first, headcount later."
        case .technicalScope(let role, let level):
            return "As \(role) you lead your team's technical work already, and your answers point to more technical scope. The plan grows it toward \(level): work across teams, and you keep your role."
        case .peopleStep(let level):
            return "You lead your team's technical work already and want to lead its people too, so the plan aims at \(level), with work on growing people first."
        case .leftOutAsAsked(let what):
            return "As you asked, the plan leaves out \(what)."
        case .offerRunsIntoAvoid(let title, let what):
            return "Your manager offered \(title), which touches \(what), something you asked to avoid. Talk it through before it starts."
        case .avoidsWhereTheAnswersPoint:
            return "You would rather not manage people, yet your answers point to a role that does: talk this through before any step toward it."
        case .readinessSeenDifferently(let own, let manager, let evidence, let managerSooner):
            let named = evidence.map { " The evidence you named: \($0)" } ?? ""
            if managerSooner {
                return "Asked how ready you are for the next level, you answered \"\(own)\" and your manager answered \"\(manager)\". Ask them what they see in your work: it may be evidence you are underrating.\(named)"
            }
            return "Asked how ready you are for the next level, you answered \"\(own)\" and your manager answered \"\(manager)\". Agree together what evidence would show you are ready.\(named)"
        case .wayBack(let level):
            return "Being able to move back matters to you: agree the way back before the move, such as a trial first and a return to \(level) kept open."
        case .whatKeepsYouHere(let text):
            return "What would keep you here, in your words: \(text)"
        case .calibrated:
            // Only made when the offset was applied (`bulk --calibrate`). How a manager rates is
            // for the calibration meeting and the manager, not for the people they rate.
            return "The scores from your manager's observations were adjusted after calibration, the review that keeps ratings consistent across teams. Talk it through if anything does not match what you see."
        case .projectTimeFree(let percent, let from):
            return "Your special projects end before the plan does: your \(percent)% of project time is free from \(from). Choose the next project together then."
        case .budgetLimitedByHours(let budget, let hours):
            return "Most of the \(budget) budget is left: with \(formatOneDecimal(hours)) hours a month, the plan has no room for the course or conference it could buy. More hours would let it use the budget."
        case .movingBack(let level):
            return "Moving back to individual work is common and healthy. The plan starts by handing your team over, then rebuilds hands-on depth toward \(level)."
        case .offerOverHours(let what, let hours, let capacity):
            return "\(what) take\(what.hasPrefix("The sessions") ? "" : "s") about \(formatOneDecimal(hours)) hours a month, more than the \(formatOneDecimal(capacity)) development hours freed; agree together where the time comes from."
        case .moreTimeWouldUnlock(let hours, let title):
            return "With about \(formatOneDecimal(hours)) development hours a month, the plan could add \(title)."
        case .moneyWouldUnlock(let amount, let title):
            return "A budget of \(amount) would let the plan add \(title)."
        case .budgetLeft(let left, let title, let cost):
            return "\(left) of the budget is left; it could buy \(title) (\(cost)) next, when you agree it at a check-in."
        case .offerOverBudget(let budget, let committed):
            return "What your manager offered costs \(committed), more than the \(budget) budget named, so the plan counts the offer as the budget; agree the figure together."
        case .notYetEligible(let name, let rule, let have, let from, let meanwhile, let inPlan):
            var text = "You named \(name), which is not open to you yet: it asks for \(rule)"
            text += have.map { ", and you have \($0)." } ?? ", and your years are not recorded, so check them before you book."
            if let from { text += " You can sit it from about \(from)." }
            if let meanwhile { text += " " + meanwhile }
            if !inPlan.isEmpty { text += " " + Dimension.list(inPlan) + (inPlan.count == 1 ? " is" : " are") + " open to you now and in the plan." }
            return text
        case .offerAfterPlan(let name, let date, let end):
            let title = name.prefix(1).uppercased() + name.dropFirst()
            return "\(title) is set for \(date), after this plan ends on \(end), so it opens your next plan."
        case .projectShareCapped(let name, let offered, let capacity):
            return capacity == 0
                ? "\(capitalized(name)) was offered at \(offered)% of your working time, but no share of time for special projects is agreed. The plan counts it as part of your job until you agree the share together."
                : "\(capitalized(name)) was offered at \(offered)% of your working time, more than the \(capacity)% the team can free, so the plan uses \(capacity)%. Agree together which is right."
        }
    }
}

/// A text that starts a sentence, with its first letter in capitals.
func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

// MARK: - Where a note stands

extension PlanNote {
    /// At most this many notices stand before a plan's first activity: the manager-has-not-
    /// answered text and the flag callouts count among them. The rest go under Notes at the end.
    public static let leadLimit = 2

    /// How strongly a note changes the way the whole plan reads, lower first, when it may
    /// stand before the first activity; nil for a note that belongs under Notes at the end.
    /// Fixed per case, never read from the words.
    public var leadRank: Int? {
        switch self {
        case .managerMissing: return 0
        case .notYetEligible: return 1
        case .exploratory: return 2
        case .movingBack: return 3
        case .buildEvidenceFirst: return 4
        case .peopleStep, .technicalScope, .hybridScope: return 5
        case .avoidsWhereTheAnswersPoint: return 6
        case .offerRunsIntoAvoid: return 7
        case .wayBack: return 8
        case .offerOverHours, .offerOverBudget, .projectShareCapped: return 9
        case .gapsFromLevel, .managerUniform, .certificationNotOffered, .interestNotOffered, .projectTimeNotAgreed,
            .leftOutAsAsked, .readinessSeenDifferently, .whatKeepsYouHere, .calibrated, .projectTimeFree,
            .budgetLimitedByHours, .moreTimeWouldUnlock, .moneyWouldUnlock, .budgetLeft, .offerAfterPlan:
            return nil
        }
    }

    /// The notes a document shows, split into the few that lead (before the first activity,
    /// best ranked first) and the rest for the end (in the plan's order). `notices` is how
    /// many other notices stand before the first activity already (the manager-has-not-
    /// answered text, the flag callouts); `managerMissingShown` drops the `managerMissing`
    /// note, which that text says already.
    public static func arranged(_ notes: [PlanNote], notices: Int, managerMissingShown: Bool) -> (lead: [PlanNote], end: [PlanNote]) {
        let shown = notes.filter {
            if case .managerMissing = $0 { return !managerMissingShown }
            return true
        }
        let slots = max(0, leadLimit - notices)
        let ranked = shown.enumerated().compactMap { index, note in note.leadRank.map { (rank: $0, index: index) } }
            .sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }
        let leading = Set(ranked.prefix(slots).map(\.index))
        let lead = ranked.prefix(slots).map { shown[$0.index] }
        let end = shown.enumerated().filter { !leading.contains($0.offset) }.map(\.element)
        return (lead, end)
    }

    /// The same for a plan's documents: the notices before the first activity are the
    /// manager-has-not-answered text (when the manager gave no answers) and the flag callouts.
    public static func arranged(_ plan: DevelopmentPlan, answers: Answers, assessment: Assessment) -> (lead: [PlanNote], end: [PlanNote]) {
        let managerMissing = answers.responses[.manager]?.isEmpty ?? true
        let notices = (managerMissing ? 1 : 0) + ReasonText.flagCallouts(assessment.flags).count
        return arranged(plan.notes, notices: notices, managerMissingShown: managerMissing)
    }
}
