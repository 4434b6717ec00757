import Foundation

@testable import CareerKit

/// Realistic, varied people for checking plans across a population (the same model as
/// `scripts/gen-population.py`): each drawn from a profile a career coach would recognise,
/// at a realistic level, in a field, with interests that fit the field, a manager whose
/// observations roughly agree, and capacity and budget that vary. Deterministic for a seed.
struct PopulationGenerator {
    var random: SeededGenerator

    private struct Profile {
        var lean: [String: Int]
        /// technical, managerial, projects (1..7).
        var ladders: (Int, Int, Int)
        var view: String
    }

    private static let dimensionOfGroup: [String: String] = [
        "depth": "technical_depth", "maker": "maker_energy", "focus": "focus_protection", "people": "growing_people",
        "hard": "hard_conversations", "others": "outcomes_through_others", "leverage": "technical_leverage",
        "challenge": "challenge",
    ]

    private static func profile(_ values: [Int], _ ladders: (Int, Int, Int), _ view: String) -> Profile {
        let groups = ["depth", "maker", "focus", "people", "hard", "others", "leverage", "challenge"]
        return Profile(lean: Dictionary(uniqueKeysWithValues: zip(groups.map { dimensionOfGroup[$0]! }, values)), ladders: ladders, view: view)
    }

    private static let profiles: [String: Profile] = [
        "specialist": profile([6, 5, 5, 2, 2, 2, 3, 4], (7, 2, 4), "ic"),
        "architect": profile([5, 4, 4, 3, 3, 3, 6, 5], (7, 3, 5), "ic"),
        "solver": profile([4, 5, 4, 2, 3, 3, 3, 6], (5, 2, 7), "ic"),
        "people_grower": profile([3, 3, 2, 6, 5, 5, 4, 3], (3, 7, 3), "management"),
        "hybrid_lead": profile([4, 4, 3, 5, 4, 5, 5, 4], (6, 6, 4), "hybrid"),
        "unsure": profile([4, 4, 4, 3, 3, 4, 3, 4], (4, 4, 4), "unsure"),
        "pay_motivated": profile([4, 4, 3, 2, 2, 3, 3, 3], (3, 6, 3), "ic"),
        "back_to_ic": profile([5, 6, 5, 3, 2, 3, 4, 5], (7, 2, 5), "ic"),
    ]
    private static let icMix = [("specialist", 22), ("architect", 18), ("solver", 16), ("people_grower", 12),
                                ("hybrid_lead", 12), ("unsure", 12), ("pay_motivated", 8)]
    private static let managementMix = [("people_grower", 55), ("hybrid_lead", 25), ("back_to_ic", 12), ("unsure", 8)]
    private static let levels = [("ic.junior", 9), ("ic.developer", 20), ("ic.senior", 24), ("ic.staff", 11),
                                 ("ic.principal", 5), ("ic.distinguished", 1), ("mgmt.tech_lead", 9), ("mgmt.em", 12),
                                 ("mgmt.senior_em", 5), ("mgmt.director", 3), ("mgmt.vp", 1)]
    private static let years: [String: ClosedRange<Int>] = [
        "ic.junior": 0...2, "ic.developer": 2...5, "ic.senior": 5...10, "ic.staff": 8...15, "ic.principal": 12...22,
        "ic.distinguished": 15...30, "mgmt.tech_lead": 5...10, "mgmt.em": 7...15, "mgmt.senior_em": 10...20,
        "mgmt.director": 12...25, "mgmt.vp": 15...30,
    ]
    private static let domains = [("software", 38), ("data", 14), ("infrastructure", 14), ("ml", 10), ("security", 9),
                                  ("cloud", 8), ("product", 7)]
    private static let certificationsByDomain: [String: [String]] = [
        "software": ["architecture", "cloud", "agile"], "data": ["data", "cloud", "ml"], "infrastructure": ["cloud", "security"],
        "ml": ["ml", "data", "cloud"], "security": ["security", "cloud"], "cloud": ["cloud", "architecture", "security"],
        "product": ["agile", "leadership"],
    ]
    private static let budgets: [String: [Double]] = [
        "ic.junior": [0, 500, 1000, 1500], "ic.developer": [0, 500, 1500, 3000], "ic.senior": [500, 1500, 3000, 5000],
        "ic.staff": [1500, 3000, 5000, 8000], "ic.principal": [3000, 6000, 12000], "ic.distinguished": [6000, 12000, 20000],
        "mgmt.tech_lead": [1000, 3000, 5000], "mgmt.em": [1500, 3000, 6000], "mgmt.senior_em": [3000, 6000, 10000],
        "mgmt.director": [5000, 10000, 15000], "mgmt.vp": [10000, 20000],
    ]

    /// Draws the manager's concrete offers apart, so that the people `person(_:)` makes are
    /// the same with or without them.
    var offerRandom: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        offerRandom = SeededGenerator(seed: seed &+ 0x5EED)
    }

    private mutating func pick<T>(_ weighted: [(T, Int)]) -> T {
        var roll = Int.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &random)
        for (value, weight) in weighted {
            if roll < weight { return value }
            roll -= weight
        }
        return weighted[weighted.count - 1].0
    }

    private mutating func near(_ value: Int, _ range: ClosedRange<Int>) -> Int {
        min(range.upperBound, max(range.lowerBound, value + [-1, 0, 0, 1].randomElement(using: &random)!))
    }

    /// The next person, numbered `index` (their id is `G` and the number).
    mutating func person(_ index: Int) -> Answers {
        let level = pick(Self.levels)
        let profile = Self.profiles[pick(level.hasPrefix("mgmt.") ? Self.managementMix : Self.icMix)]!
        var contributor: [String: AnswerValue] = [:]
        var sums: [String: Int] = [:]
        for (id, dimension) in Instrument.dimensionItems {
            let value = near(profile.lean[dimension]!, 1...6)
            contributor[id] = .integer(value)
            sums[dimension, default: 0] += value
        }
        contributor["ladder.technical"] = .integer(near(profile.ladders.0, 1...7))
        contributor["ladder.managerial"] = .integer(near(profile.ladders.1, 1...7))
        contributor["ladder.projects"] = .integer(near(profile.ladders.2, 1...7))
        contributor["motive.pay_status"] = .integer(profile.ladders.1 == 6 && profile.view == "ic" ? 6 : Int.random(in: 1...4, using: &random))
        for anchor in ["anchor.autonomy", "anchor.lifestyle", "anchor.security"] {
            contributor[anchor] = .integer(Int.random(in: 2...6, using: &random))
        }
        let strongest = Dimension.names.sorted { (sums[$0] ?? 0, $1) > (sums[$1] ?? 0, $0) }.prefix(3)
        contributor["top3"] = .list(strongest.map { name in Instrument.dimensionItems.first { $0.dimension == name }!.id })
        contributor["goal.promotion"] = .text(pick([("seeking", 45), ("open", 37), ("not_now", 18)]))
        contributor["goal.horizon_months"] = .integer(pick([(6, 15), (12, 55), (18, 15), (24, 15)]))
        let domain = pick(Self.domains)
        var certifications = Self.certificationsByDomain[domain]!
        if profile.view == "management" || profile.view == "hybrid" { certifications.append("leadership") }
        contributor["interest.certifications"] = .list(
            Array(certifications.shuffled(using: &random).prefix(pick([(0, 40), (1, 45), (2, 15)]))))
        contributor["interest.networking"] = .list(
            Array(Instrument.networkingKinds.shuffled(using: &random).prefix(pick([(0, 30), (1, 40), (2, 25), (3, 5)]))))
        contributor["interest.projects"] = .list(
            Array(Instrument.projectKinds.shuffled(using: &random).prefix(pick([(0, 45), (1, 40), (2, 15)]))))

        var manager: [String: AnswerValue] = [:]
        let selfAssessment = Int.random(in: 0..<100, using: &random) < 15
        if !selfAssessment {
            let leniency = [-1, 0, 0, 0, 1].randomElement(using: &random)!
            for rule in TestSupport.prompts.weights.dimensions {
                for id in rule.observations {
                    manager[id] = .integer(min(6, max(1, near(profile.lean[rule.name]!, 1...6) + leniency)))
                }
            }
            manager["view.track"] = .text(profile.view == "unsure" ? ["ic", "hybrid", "unsure"].randomElement(using: &random)! : profile.view)
            manager["view.readiness"] = .text(pick([("ready_now", 15), ("within_1y", 40), ("within_2y", 30), ("not_yet", 15)]))
            manager["capacity.dev_hours_per_month"] = .integer(pick([(4, 10), (8, 30), (12, 25), (16, 25), (24, 10)]))
            manager["capacity.special_project_percent"] = .integer(pick([(0, 30), (5, 20), (10, 30), (20, 20)]))
            manager["budget.amount"] = .number(Self.budgets[level]!.randomElement(using: &random)!)
            manager["budget.currency"] = .text(pick([("USD", 60), ("EUR", 30), ("GBP", 10)]))
        }
        let range = Self.years[level]!
        let years = Int.random(in: range, using: &random)
        var answers = makeAnswers(contributor: contributor, manager: manager)
        answers.mode = selfAssessment ? .selfAssessment : .oneOnOne
        answers.person = Person(
            name: "Person \(index)", id: "G\(index)", currentLevel: level, domain: domain, yearsExperience: years,
            yearsManaging: level.hasPrefix("mgmt.") ? Int.random(in: 1...max(1, years - 4), using: &random) : 0)
        answers.date = "2026-11-22"
        return answers
    }

    /// A date `days` after the session (2026-11-22), as the manager would type it.
    private static func date(after days: Int) -> AnswerValue {
        .text(SessionDate.format(SessionDate.adding(days: days, to: SessionDate.parse("2026-11-22")!)))
    }

    /// The person with what a manager concretely offers, about half the time when the manager
    /// answered: a named mentor, project, trial or course with their dates (some after the
    /// plan ends), headcount, a committee seat or a second team, and what the person asked to avoid.
    mutating func withOffers(_ person: Answers) -> Answers {
        var answers = person
        var contributor = answers.responses[.contributor] ?? [:]
        if Int.random(in: 0..<100, using: &offerRandom) < 25 {
            let avoid = ["exams", "public_speaking", "travel", "on_call", "hiring", "managing_people"]
            contributor["goal.avoid"] = .list(Array(avoid.shuffled(using: &offerRandom).prefix(Int.random(in: 1...2, using: &offerRandom))))
        }
        if Int.random(in: 0..<100, using: &offerRandom) < 15 { contributor["goal.move_back"] = .text("essential") }
        answers.responses[.contributor] = contributor
        guard var manager = answers.responses[.manager], Int.random(in: 0..<100, using: &offerRandom) < 55 else { return answers }
        let kinds = ["mentor", "project", "trial", "course", "headcount", "committee_seat", "second_team"]
            .filter { _ in Int.random(in: 0..<100, using: &offerRandom) < 35 }
        manager["offer.kinds"] = .list(kinds)
        if kinds.contains("mentor") {
            manager["offer.mentor.name"] = .text("Sam Rivera")
            manager["offer.mentor.role"] = .text("principal engineer, platform")
            manager["offer.mentor.every"] = .text(["weekly", "fortnightly", "monthly"].randomElement(using: &offerRandom)!)
        }
        if kinds.contains("project") {
            manager["offer.project.name"] = .text("the events platform migration")
            if Bool.random(using: &offerRandom) {
                manager["offer.project.percent"] = .integer(Int.random(in: 5...30, using: &offerRandom))
            } else {
                manager["offer.project.hours_per_month"] = .integer(Int.random(in: 4...32, using: &offerRandom))
            }
            if Bool.random(using: &offerRandom) { manager["offer.project.from"] = Self.date(after: Int.random(in: 0...400, using: &offerRandom)) }
        }
        if kinds.contains("trial") {
            let roles = ["tech_lead", "acting_manager", "shadow_manager", "people_lead", "team_ritual", "deep_dive", "hard_problem"]
            manager["offer.trial.role"] = .text(roles.randomElement(using: &offerRandom)!)
            if Bool.random(using: &offerRandom) { manager["offer.trial.from"] = Self.date(after: Int.random(in: 0...400, using: &offerRandom)) }
        }
        if kinds.contains("course") {
            manager["offer.course.name"] = .text("the regional engineering conference")
            manager["offer.course.amount"] = .number(Double([0, 300, 900, 2500].randomElement(using: &offerRandom)!))
            if Bool.random(using: &offerRandom) { manager["offer.course.hours"] = .integer(Int.random(in: 4...60, using: &offerRandom)) }
            if Bool.random(using: &offerRandom) { manager["offer.course.when"] = Self.date(after: Int.random(in: 0...400, using: &offerRandom)) }
        }
        answers.responses[.manager] = manager
        return answers
    }
}
