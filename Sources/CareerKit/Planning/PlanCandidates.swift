import Foundation

/// The catalog items that may go into one person's plan, each with what it is worth to them:
/// the room it closes, the interests it answers and what every plan of its kind needs. Also
/// the words a plan uses about them: why each was chosen, and why an interest was not met.
struct PlanCandidates {
    struct Entry {
        var item: Catalog.Item
        var candidate: CatalogSelector.Candidate
        /// Lower comes first when dates are given: a hand-over, someone to learn from, a trial.
        var schedulingRank: Int
        /// Days after the plan's start before it can begin.
        var earliestDay: Int
    }

    /// What a required group asks for, in the order of the selector's group bits.
    private enum Need: Hashable {
        case mentor, onTheJob, formal, trial, handover, rebuild, managementTrial, technicalTrial, exploration
        /// Toward a promotion: work at the target level's scope, which builds evidence for it.
        case evidence(String)
        /// From senior up: teaching someone, which every promotion from there asks for.
        case teach
        case certification(String)
        case networking(String)
        /// A promotion criterion of the target level that needs evidence.
        case criterion(String)
        /// An item the person or the manager named in their own words.
        case named(String)
    }

    let request: PlanRequest
    let catalog: Catalog
    let settings: PlanningSettings
    let bank: QuestionBank
    private(set) var items: [Entry] = []
    private var needs: [Need] = []

    init(request: PlanRequest, catalog: Catalog, settings: PlanningSettings, bank: QuestionBank) {
        self.request = request
        self.catalog = catalog
        self.settings = settings
        self.bank = bank
        var needs: [Need] = []
        if !request.offeredMentor { needs.append(.mentor) }
        if !request.offeredProject, !request.offeredTrial { needs.append(.onTheJob) }
        if !request.exploratory { needs.append(.formal) }
        if request.needsTrial, !request.offeredTrial { needs.append(.trial) }
        if request.movingBack { needs += [.handover, .rebuild] }
        if let target = request.target, !request.exploratory, target.id != request.current?.id, !request.movingBack {
            needs.append(.evidence(target.id))
        }
        if request.teachesFromHere { needs.append(.teach) }
        if request.exploratory { needs += [.managementTrial, .technicalTrial, .exploration] }
        if request.tentative {
            // A trial of each track; of people work only for someone without reports.
            if request.current?.managesPeople != true, !needs.contains(.trial) { needs.append(.managementTrial) }
            needs.append(.technicalTrial)
        }
        needs += request.certificationInterests.map(Need.certification)
        needs += request.networkingInterests.map(Need.networking)
        needs += request.named.sorted().map(Need.named)
        // The selector has 32 group bits; the criteria take what is left.
        needs += request.criteriaNeedingEvidence.prefix(max(0, 32 - needs.count)).map(Need.criterion)
        self.needs = needs
        let categories = Catalog.Category.allCases
        var kindNumbers: [String: Int] = [:]
        for item in catalog.items where item.category != .specialProject && request.blocker(item) == nil {
            var groups: UInt32 = 0
            for (bit, need) in needs.enumerated() where Self.covers(item, need, gaps: request.gaps) { groups |= 1 << UInt32(bit) }
            let closure = request.gaps.map { gap in
                item.builds.contains(gap.dimension) ? settings.closurePoints * Double(item.impact) : 0
            }
            let interest = request.answersInterest(item) && item.category != .certification
            var bonus = interest ? settings.interestBonus : 0
            if request.previous.carried.contains(item.id) { bonus += settings.interestBonus }
            // Field and level choose between items that bring something; alone they add nothing.
            var tie = 0.0
            if let domain = request.domain, item.domains.contains(domain) { tie += settings.domainBonus }
            if let target = request.target, target.id != request.current?.id, item.levels.contains(target.id) {
                tie += settings.targetLevelBonus
            }
            var kind = -1
            // One person to learn from is enough; each networking or project kind once.
            let kindName = item.category == .mentoring && item.direction == .learn ? "learn" : item.kind
            if let name = kindName {
                let key = item.category.rawValue + "/" + name
                if kindNumbers[key] == nil { kindNumbers[key] = kindNumbers.count }
                kind = kindNumbers[key]!
            }
            let candidate = CatalogSelector.Candidate(
                cost: round2(item.cost * request.rate), hours: item.hours, closure: closure, bonus: bonus, tie: tie, groups: groups,
                category: categories.firstIndex(of: item.category)!, kind: kind, mix: CatalogSelector.mixClass(of: item.category),
                onTrack: request.exploratory || item.builds.contains(where: request.trackDimensions.contains),
                studyHours: item.isJobTime ? 0 : nil)
            let rank: Int
            switch item.purpose {
            case .handover: rank = 0
            case .rebuild: rank = 3
            case .trial, .exploration: rank = 2
            case nil:
                // Someone to learn from first; then one-week events, which need a month with room.
                rank = item.category == .mentoring && item.direction == .learn ? 1 : item.weeks == 1 ? 2 : 3
            }
            let earliest: Int
            switch item.category {
            case .mentoring, .networking: earliest = 0
            case .training, .certification: earliest = 7
            case .stretchAssignment, .specialProject, .firstStep: earliest = item.purpose == nil || item.purpose == .rebuild ? 14 : 0
            }
            items.append(
                Entry(
                    item: item, candidate: candidate, schedulingRank: rank, earliestDay: earliest))
        }
    }

    private static func covers(_ item: Catalog.Item, _ need: Need, gaps: [DevelopmentPlan.Gap]) -> Bool {
        switch need {
        case .mentor: return item.category == .mentoring && item.direction == .learn
        case .onTheJob: return item.category == .stretchAssignment || item.category == .specialProject
        case .formal:
            // A course or credential that works on the room to grow, never formal learning for its own sake.
            // A real step (impact 2 or more), not the shortest course on the list.
            return (item.category == .training || item.category == .certification) && item.impact >= 2
                && gaps.contains { $0.gap > 0 && item.builds.contains($0.dimension) }
        case .trial, .managementTrial: return item.purpose == .trial && item.tracks.contains("management")
        case .technicalTrial: return item.purpose == .trial && !item.tracks.contains("management")
        case .handover: return item.purpose == .handover && item.category != .mentoring
        case .rebuild: return item.purpose == .rebuild
        case .evidence(let level):
            return (item.category == .stretchAssignment || item.category == .specialProject) && item.levels.contains(level)
                && item.purpose == nil && item.impact >= 2 && gaps.contains { $0.gap > 0 && item.builds.contains($0.dimension) }
        case .teach: return item.category == .mentoring && item.direction == .teach
        case .exploration: return item.purpose == .exploration
        case .certification(let domain): return item.category == .certification && item.domains.contains(domain)
        case .networking(let kind): return item.category == .networking && item.kind == kind
        case .criterion(let id): return item.evidences.contains(id)
        case .named(let id): return item.id == id
        }
    }

    private func value(of need: Need) -> Double {
        let required = settings.required
        switch need {
        case .mentor: return required.mentor
        case .onTheJob: return required.onTheJob
        case .formal: return required.formal
        case .trial: return required.trial
        case .handover, .rebuild: return required.handover
        case .evidence: return required.evidence
        case .teach: return required.teach
        case .managementTrial, .technicalTrial, .exploration: return required.exploration
        case .certification, .networking, .named: return required.interest
        case .criterion: return required.criterion
        }
    }

    /// The selector over these items, with the special projects already in the plan.
    func selector(fixed: [Catalog.Item], maxItems: Int) -> CatalogSelector {
        let categories = Catalog.Category.allCases
        let fixedCandidates = fixed.map { item in
            var groups: UInt32 = 0
            for (bit, need) in needs.enumerated() where Self.covers(item, need, gaps: request.gaps) { groups |= 1 << UInt32(bit) }
            return CatalogSelector.Candidate(
                cost: 0, hours: 0,
                closure: request.gaps.map { item.builds.contains($0.dimension) ? settings.closurePoints * Double(item.impact) : 0 },
                bonus: 0, groups: groups, category: categories.firstIndex(of: item.category)!, kind: -1,
                mix: CatalogSelector.mixClass(of: item.category),
                // A hand-over is what a move back needs: it never crowds out the track's own work.
                onTrack: request.exploratory || item.purpose == .handover || item.builds.contains(where: request.trackDimensions.contains))
        }
        var selector = CatalogSelector(
            candidates: items.map(\.candidate), fixed: fixedCandidates, gaps: request.gaps.map { max(0, $0.gap) },
            groupValues: needs.map(value), limits: .init(
                budget: request.budget, hours: request.developmentHours * settings.maxFill, maxItems: max(0, maxItems),
                maxPerCategory: settings.maxPerCategory),
            mix: settings.mix, mixWeight: settings.mixWeight, keepOnTrack: !request.exploratory)
        selector.minGain = settings.minGain
        selector.closurePerMode = settings.closurePerMode
        selector.repeatShare = settings.repeatShare
        return selector
    }

    /// The best special project of a kind for this person: suited to their level and, where
    /// one is, to their track; the one that closes most, then in their field.
    func bestProject(_ kind: String) -> Catalog.Item? {
        let projects = catalog.items.filter {
            $0.category == .specialProject && $0.kind == kind && request.suitsLevel($0)
                && !request.previous.excluded.contains($0.id) && request.avoided($0) == nil
                && $0.needsOffer.map(request.offeredKinds.contains) != false
        }
        let onTrack = projects.filter { request.exploratory || $0.tracks.contains(request.track.rawValue) }
        func worth(_ item: Catalog.Item) -> Double {
            var value = 0.0
            for gap in request.gaps where item.builds.contains(gap.dimension) {
                value += min(max(0, gap.gap), settings.closurePoints * Double(item.impact))
            }
            if let domain = request.domain, item.domains.contains(domain) { value += settings.domainBonus }
            if request.previous.carried.contains(item.id) { value += settings.interestBonus }
            return value
        }
        return (onTrack.isEmpty ? projects : onTrack).max { (worth($0), $1.id) < (worth($1), $0.id) }
    }

    /// What an item would bring this person: the room it closes, an interest it answers, their field.
    func worth(_ item: Catalog.Item) -> Double {
        var value = 0.0
        for gap in request.gaps where item.builds.contains(gap.dimension) {
            value += min(max(0, gap.gap), settings.closurePoints * Double(item.impact))
        }
        if request.answersInterest(item) { value += settings.interestBonus }
        if let domain = request.domain, item.domains.contains(domain) { value += settings.domainBonus }
        return value
    }

    /// The most worthwhile development item not in the plan that `relaxed` (this request with
    /// more hours or more money) would allow and this one does not: what more would unlock.
    /// With `onlyNew`, only items this request rules out (what more time or money unlocks);
    /// without, any that fits (what budget left over could buy next).
    func unlockedBy(
        _ relaxed: PlanRequest, plan items: [DevelopmentPlan.Item], costAtMost: Double = .infinity, onlyNew: Bool = true,
        ranked: [(item: Catalog.Item, worth: Double)]? = nil
    ) -> Catalog.Item? {
        let ranked = ranked ?? rankedForUnlock(plan: items)
        return ranked.first {
            $0.item.cost * request.rate <= costAtMost + 1e-9 && relaxed.blocker($0.item) == nil
                && (!onlyNew || request.blocker($0.item) != nil)
        }?.item
    }

    /// The catalog items a note on what more would unlock may name, most worthwhile first:
    /// not in the plan, not a second of a kind it has, worth something to this person.
    func rankedForUnlock(plan items: [DevelopmentPlan.Item]) -> [(item: Catalog.Item, worth: Double)] {
        let ids = Set(items.map(\.id))
        let learns = items.contains { $0.category == .mentoring && $0.direction == .learn }
        // One of a kind, as the plan itself chooses: no second person to learn from, no
        // second event of the same kind.
        let kinds = Set(items.compactMap { item in item.kind.map { item.category.rawValue + "/" + $0 } })
        // Cheap tests first, then the most worthwhile first, so the rules are asked of a few
        // items only: this runs for most plans, over the whole catalog.
        var ranked: [(item: Catalog.Item, worth: Double)] = []
        for item in catalog.items {
            guard item.category != .specialProject, item.purpose == nil, !ids.contains(item.id),
                !(learns && item.category == .mentoring && item.direction == .learn)
            else { continue }
            if let kind = item.kind, kinds.contains(item.category.rawValue + "/" + kind) { continue }
            let value = worth(item)
            if value > 0 { ranked.append((item, value)) }
        }
        ranked.sort { ($0.worth, $1.item.id) > ($1.worth, $0.item.id) }
        return ranked
    }

    /// Whether the special projects of a kind are all things the contributor asked to avoid.
    func projectKindAvoided(_ kind: String) -> Bool {
        let projects = catalog.items.filter { $0.category == .specialProject && $0.kind == kind }
        return !projects.isEmpty && projects.allSatisfy { request.avoided($0) != nil }
    }

    /// The words people chose from, e.g. "speaking at meetups or conferences".
    func label(_ value: String, of itemID: String) -> String {
        let label = bank.item(itemID)?.kind.choices.first { $0.value == value }?.label ?? value
        return label.prefix(1).lowercased() + label.dropFirst()
    }

    /// The plan's entry for a catalog item: cost in the budget currency, the kind it answers,
    /// and why it was chosen. Dates come from the scheduler.
    func planItem(_ item: Catalog.Item) -> DevelopmentPlan.Item {
        var kind = item.kind
        if item.category == .certification {
            kind = request.certificationInterests.first(where: item.domains.contains) ?? item.domains.first
        }
        return DevelopmentPlan.Item(
            category: item.category, id: item.id, title: words(item.title), summary: words(item.summary), doneWhen: words(item.doneWhen),
            cost: round2(item.cost * request.rate), hours: item.hours, weeks: item.weeks, start: .distantPast,
            due: .distantPast, builds: item.builds, reason: reason(item), issuer: item.issuer, kind: kind,
            levels: item.levels, direction: item.direction, purpose: item.purpose,
            time: item.isJobTime ? .job : item.category == .mentoring ? .mentoring : .study)
    }

    /// A catalog text with its blanks filled for this person: `{field}`, their field in their
    /// words ("infrastructure"); `{above}`, the rung above theirs ("a Principal Engineer").
    func words(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        let field = request.domain.flatMap { $0.isBlank ? nil : $0 } ?? "your field"
        let above = request.above.map { Self.withArticle($0.title) } ?? "someone who has done your role elsewhere"
        // By hand rather than Foundation's replacingOccurrences, which bridges every text.
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[open...]
            if after.hasPrefix("{field}") {
                out += field
                rest = after.dropFirst(7)
            } else if after.hasPrefix("{above}") {
                out += above
                rest = after.dropFirst(7)
            } else {
                out.append("{")
                rest = after.dropFirst()
            }
        }
        return out + rest
    }

    /// "a Staff Engineer", "an Engineering Manager".
    static func withArticle(_ title: String) -> String {
        let vowel = title.first.map { "AEIOUaeiou".contains($0) } ?? false
        return (vowel ? "an " : "a ") + title
    }


    /// Why an item is in the plan, in a few words.
    private func reason(_ item: Catalog.Item) -> String {
        var why: [String] = []
        if request.previous.carried.contains(item.id) { why.append("carried over from the last plan") }
        switch item.purpose {
        case .handover where item.category == .mentoring: why.append("someone who made the same move")
        case .handover: why.append("a careful hand-over of your team comes first")
        case .trial where request.exploratory:
            why.append(item.tracks.contains("management") ? "a short, low-risk trial of the management path" : "a short trial of deep technical work")
        case .trial where request.needsTrial: why.append("a low-risk way to try management before committing to it")
        case .trial where request.tentative:
            why.append(item.tracks.contains("management") ? "a short, low-risk trial of the management path before the decision check-in" : "a short trial of deep technical work before the decision check-in")
        case .exploration: why.append("helps you find out which path fits you")
        default: break
        }
        if item.category == .mentoring, item.direction == .learn { why.append("someone to learn from") }
        if let target = request.target, target.id != request.current?.id, !request.exploratory, item.purpose == nil,
            Self.covers(item, .evidence(target.id), gaps: request.gaps)
        {
            why.append("work at \(target.title)'s scope, which shows readiness for it")
        }
        if request.teachesFromHere, item.category == .mentoring, item.direction == .teach {
            why.append("teaching others, which every promotion from here asks for")
        }
        let closing = request.gaps.filter { $0.gap > 0 && item.builds.contains($0.dimension) }
            .map { Dimension.title($0.dimension).lowercased() }
        if !closing.isEmpty {
            let toward = request.target.map { $0.id == request.current?.id ? " in your role" : " toward \($0.title)" } ?? ""
            why.append("builds " + Dimension.list(closing) + toward)
        }
        if let wanted = request.insteadOf[item.id] {
            why.append("open to you now, on the way to \(wanted)")
        } else if request.named.contains(item.id) {
            why.append("you named it")
        } else if request.answersInterest(item) {
            switch item.category {
            case .certification:
                let domains = request.certificationInterests.filter(item.domains.contains).map { label($0, of: "interest.certifications") }
                why.append("you named " + Dimension.list(domains) + " as a certification interest")
            case .networking: why.append("you asked for " + label(item.kind!, of: "interest.networking"))
            default: why.append("you asked for " + label(item.kind!, of: "interest.projects"))
            }
        }
        if item.category == .mentoring, item.direction == .teach, closing.isEmpty, !request.teachesFromHere {
            why.append("you grow by teaching others")
        }
        if why.isEmpty { why.append("suits your level and what the plan needs") }
        return why.joined(separator: "; ")
    }

    /// For each certification domain and networking kind asked for with nothing in the plan,
    /// a note saying why.
    func unmetInterests(in items: [DevelopmentPlan.Item], leftOut: Set<String>) -> [PlanNote] {
        var notes: [PlanNote] = []
        let chosen = Set(items.map(\.id))
        for domain in request.certificationInterests {
            let offered = catalog.items.filter { $0.category == .certification && $0.domains.contains(domain) }
            if offered.contains(where: { chosen.contains($0.id) }) { continue }
            let label = self.label(domain, of: "interest.certifications")
            notes.append(.certificationNotOffered(domain: label, why: why(offered, leftOut: leftOut, what: "certification")))
        }
        for kind in request.networkingInterests {
            let offered = catalog.items.filter { $0.category == .networking && $0.kind == kind }
            // Any item of the kind answers it: open source as a special project, say.
            if items.contains(where: { $0.kind == kind }) { continue }
            notes.append(
                .interestNotOffered(interest: label(kind, of: "interest.networking"), why: why(offered, leftOut: leftOut, what: "item")))
        }
        return notes
    }

    /// Why a set of items is not in the plan, in one sentence: the ones that suit the
    /// person's level and track, with what kept each out (up to two), or that none suits.
    private func why(_ offered: [Catalog.Item], leftOut: Set<String>, what: String) -> String {
        guard !offered.isEmpty else { return "the catalog has no \(what) of that kind yet." }
        let suited = offered.filter { request.suitsLevel($0) && request.suitsTrack($0) && !request.previous.excluded.contains($0.id) }
        guard !suited.isEmpty else {
            let level = request.current?.title ?? "your level"
            return "none in the catalog suits \(level)\(request.target.map { $0.id == request.current?.id ? "" : " or \($0.title)" } ?? "") on this track yet."
        }
        let clauses = suited.compactMap { item -> String? in
            if leftOut.contains(item.id) { return "\(item.title) does not fit in the monthly hours beside the rest of the plan" }
            return request.blocker(item).map { "\(item.title) \($0)" }
        }
        guard !clauses.isEmpty else { return "there was no room left in this plan; raise it again at the next check-in." }
        // A sentence each: two reasons in one ran past 60 words.
        var text = clauses.prefix(2).map { $0 + "." }.joined(separator: " ")
        if clauses.count > 2 { text += clauses.count == 3 ? " 1 more does not fit either." : " \(clauses.count - 2) more do not fit either." }
        return text
    }
}
