import Foundation

/// Everything about one person that shapes which catalog items suit their plan: the track
/// and levels, the room to grow, what they asked for, their experience and the limits.
struct PlanRequest {
    var track: Track
    var current: Ladder.Level?
    var target: Ladder.Level?
    var gaps: [DevelopmentPlan.Gap]
    /// The dimensions the plan works on (empty for an exploratory plan).
    var trackDimensions: [String]
    var exploratory: Bool
    /// Moving into management from individual work: the plan starts with a trial.
    var needsTrial: Bool
    /// Moving back from management to individual work: the plan starts with a hand-over.
    var movingBack: Bool
    /// Whether the plan should include teaching someone: from senior up on the technical
    /// ladder (or its equal), where every promotion asks for it; management plans grow
    /// people through their own dimensions.
    var teachesFromHere: Bool
    /// In the order named.
    var certificationInterests: [String]
    var networkingInterests: [String]
    var projectInterests: [String]
    /// What the contributor said their next steps should avoid (`goal.avoid`).
    var avoid: Set<String> = []
    var domain: String?
    var yearsExperience: Int?
    var yearsManaging: Int?
    var previous: PlanHistory
    /// What the manager's offers already give the plan: someone to learn from, a named
    /// project, a trial of a role. The catalog adds no second of these.
    /// The target level's promotion criteria that still need evidence (not shown by both).
    var criteriaNeedingEvidence: [String] = []
    var offeredMentor = false
    var offeredProject = false
    var offeredTrial = false
    /// Catalog items the person or the manager named in their own words ("book the CISSP
    /// exam"), and the items open now to someone who named one not open to them yet.
    var named: Set<String> = []
    /// Of those, the ones open now in place of a named one, with the named one's title.
    var insteadOf: [String: String] = [:]
    /// Far enough along (by rung or by years) that first steps in a field are not for them.
    var expert = false
    /// At the top of their ladder: nobody above them inside the company to learn from.
    var atTop = false
    /// The words of their field (`person.domain`), lowercased.
    var fieldWords: Set<String> = []
    /// The rung above theirs on their ladder, or nil at the top.
    var above: Ladder.Level?
    /// What the manager said they can offer (`offer.kinds`): an item that needs one of these
    /// (headcount, a committee seat, a second team) is open only when it was offered.
    var offeredKinds: Set<String> = []
    /// Whether the plan leads someone without reports toward people work, so a trial of it
    /// may come first.
    var triesPeopleWork = false
    /// Mild answers with a small lead: the plan follows the lean with a trial of each track
    /// before a decision check-in (a trial of people work only for someone without reports).
    var tentative = false
    /// Units of the budget currency per unit of the catalog currency.
    var rate: Double
    var budget: Double
    var developmentHours: Double
    /// What the manager can free in a month, how far a one-week event may go above it, and
    /// the plan's length in days.
    var hoursPerMonth: Double
    var monthSlack: Double
    var horizonDays: Int
    /// Job time a month for stretch work and trials beside the day job.
    var jobHoursPerMonth: Double = 0
    /// The longest a self-paced course or certification may be spread, in weeks.
    var maxSpreadWeeks: Int = 0


    /// Whether an item suits the current or the target level. Moving into management, only
    /// the current level counts: management items written for the target level assume the
    /// person already holds the role (a performance problem, a budget), so the plan uses what
    /// can be done from where they are, with trials of the role. Asked for every catalog item
    /// of every plan, so it builds nothing.
    func suitsLevel(_ item: Catalog.Item) -> Bool {
        if target?.track == "management", let current, current.track != "management" { return item.levels.contains(current.id) }
        // Teaching is done from where one stands: a senior does not mentor seniors toward staff.
        if item.direction == .teach, let current { return item.levels.contains(current.id) }
        if let current, item.levels.contains(current.id) { return true }
        if let target, item.levels.contains(target.id) { return true }
        return false
    }

    func suitsTrack(_ item: Catalog.Item) -> Bool {
        if exploratory {
            switch item.purpose {
            case .trial, .exploration: return true
            case .handover, .rebuild: return false
            case nil:
                return (item.category == .mentoring && item.direction == .learn)
                    || (item.category == .networking && item.kind.map(networkingInterests.contains) == true)
            }
        }
        if tentative, item.purpose == .trial { return true }
        return item.tracks.contains(track.rawValue)
    }

    /// Nil when the person meets the issuer's experience rule, else what is missing, e.g.
    /// `needs 5 years of experience (you have 3)`.
    func eligibilityProblem(_ item: Catalog.Item) -> String? {
        func check(_ needed: Int?, _ have: Int?, _ what: String) -> String? {
            guard let needed, needed > 0 else { return nil }
            guard let have else { return "needs \(needed) years of \(what), and yours are not recorded" }
            return have < needed ? "needs \(needed) years of \(what) (you have \(have))" : nil
        }
        return check(item.eligibility.yearsExperience, yearsExperience, "work experience")
            ?? check(item.eligibility.yearsManaging, yearsManaging, "leading projects or people")
    }

    /// For an item not open yet: the rule in words, the years the person has (nil: not
    /// recorded) and the day it opens (the years they lack, counted from `start`).
    func eligibilityOpening(_ item: Catalog.Item, from start: Date) -> (rule: String, have: Int?, date: Date?) {
        var rules: [String] = []
        var lacking = 0
        var have: Int?
        var known = true
        for (needed, had, what) in [
            (item.eligibility.yearsExperience, yearsExperience, "work experience"),
            (item.eligibility.yearsManaging, yearsManaging, "leading projects or people"),
        ] {
            guard let needed, needed > 0 else { continue }
            rules.append("\(needed) years of \(what)")
            guard let had else { known = false; continue }
            if had < needed {
                lacking = max(lacking, needed - had)
                have = have ?? had
            }
        }
        let rule = item.eligibility.rule ?? Dimension.list(rules)
        return (rule, known ? have : nil, known ? SessionDate.adding(months: 12 * lacking, to: start) : nil)
    }

    /// Whether a certification answers a domain the person named.
    func answersCertificationInterest(_ item: Catalog.Item) -> Bool {
        item.category == .certification && item.domains.contains(where: certificationInterests.contains)
    }

    func answersInterest(_ item: Catalog.Item) -> Bool {
        if named.contains(item.id) { return true }
        switch item.category {
        case .certification: return answersCertificationInterest(item)
        case .networking: return item.kind.map(networkingInterests.contains) == true
        case .specialProject: return item.kind.map(projectInterests.contains) == true
        default: return false
        }
    }

    /// The `goal.avoid` value an item runs into, or nil.
    func avoided(_ item: Catalog.Item) -> String? { Self.avoided(item, avoid: avoid) }

    /// The value of `avoid` (the contributor's `goal.avoid`) an item runs into, or nil.
    static func avoided(_ item: Catalog.Item, avoid: Set<String>) -> String? {
        if avoid.contains("exams"), item.category == .certification { return "exams" }
        if avoid.contains("public_speaking"), item.kind == "speaking" { return "public_speaking" }
        if avoid.contains("travel"), item.kind == "conference" { return "travel" }
        if avoid.contains("on_call"), item.kind == "incident_command" { return "on_call" }
        if avoid.contains("hiring"), item.kind == "hiring_loop" { return "hiring" }
        if avoid.contains("managing_people"), item.tracks == ["management"] || (item.purpose == .trial && item.tracks.contains("management")) {
            return "managing_people"
        }
        return nil
    }

    /// Why an item cannot be in this plan, or nil when it may (level, track, purpose,
    /// eligibility, interest for certifications, what was done before, budget and hours).
    func blocker(_ item: Catalog.Item) -> String? {
        if previous.excluded.contains(item.id) { return "was finished or dropped in the last plan" }
        if offeredMentor, item.category == .mentoring, item.direction == .learn, item.purpose == nil {
            return "is not needed: your manager named someone for you to learn from"
        }
        if offeredTrial, item.purpose == .trial { return "is not needed: your manager offered a trial" }
        if avoided(item) != nil { return "is something you said to avoid" }
        if let need = item.needsOffer, !offeredKinds.contains(need) { return "needs your manager to offer it first" }
        // What they named by name is theirs to ask for at any level and on any track.
        if !named.contains(item.id) {
            if !suitsLevel(item) { return "suits other levels" }
            if !suitsTrack(item) { return "suits another track" }
        }
        if item.purpose == .handover || item.purpose == .rebuild, !movingBack { return "is for moving back from management" }
        // A trial is for trying a track, not for someone already on it.
        let triesEachTrack = tentative && (!item.tracks.contains("management") || current?.managesPeople != true)
        if item.purpose == .trial, !exploratory, !triesEachTrack, !(item.tracks.contains("management") && triesPeopleWork) {
            return "is a trial for someone trying that path"
        }
        if item.purpose == .exploration, !exploratory { return "is for deciding between tracks" }
        if item.partOfJobIn.contains(where: fieldWords.contains) { return "is already part of your job" }
        if item.entry, expert, !named.contains(item.id) { return "is a first step in its field, and you are well past it" }
        if item.needsPeopleAbove, atTop { return "needs someone above you in the company, and your level is the top of its ladder" }
        if item.category == .certification, !answersCertificationInterest(item), !named.contains(item.id) { return "was not asked for" }
        if let problem = eligibilityProblem(item) { return problem }
        if item.cost * rate > budget + 1e-9 { return "costs more than the budget" }
        if item.category != .specialProject {
            let job = item.isJobTime
            if !job, item.hours > developmentHours + 1e-9 { return "takes more hours than the plan can free" }
            // Even at its gentlest pace, some month would hold more than the manager can free
            // (job time: more than the work time beside the day job).
            let days = min(PlanScheduler.gentlestWeeks(for: item, maxSpreadWeeks: maxSpreadWeeks) * 7, horizonDays)
            let perMonth = item.hours / Double(max(days, 1)) * min(Double(days), 31)
            let capacity = job ? jobHoursPerMonth : hoursPerMonth
            let limit = capacity * (item.weeks > 1 || job ? 1 : 1 + monthSlack)
            if perMonth > limit + 1e-9 {
                return job
                    ? "needs about \(formatOneDecimal(round1(perMonth))) hours of work a month, more than the \(formatOneDecimal(capacity)) beside the day job"
                    : "needs about \(formatOneDecimal(round1(perMonth))) hours a month even at a gentle pace, more than the \(formatOneDecimal(hoursPerMonth)) the plan can free"
            }
        }
        return nil
    }
}
