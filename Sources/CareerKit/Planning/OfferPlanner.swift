import Foundation

/// What the manager concretely offered (the `offer.*` answers) and the two first steps
/// (`will.first_step`, `will.support`), as dated plan items that come before anything from
/// the catalog: the person to learn from with their name, role and rhythm; the named project
/// at its share from its date; the trial of a role from its date; the named course with its
/// cost and date. Nothing here is planned that the answers do not say.
///
/// Time comes in kinds: the sessions, the course and the contributor's first step are the
/// person's development hours (reserved in the months before the catalog is placed); the
/// project and the trial are job time, counted against the special-project share or named
/// as part of the job, never as study hours.
struct OfferPlanner {
    /// Study hours the offers take, to reserve before the catalog is placed.
    enum Reservation: Hashable {
        /// The same hours in every full month of the plan (less in a part month).
        case monthly(Double)
        /// Hours spread over days from the plan's start.
        case span(hours: Double, from: Int, days: Int)
    }

    struct Result {
        var items: [DevelopmentPlan.Item] = []
        var offers: [DevelopmentPlan.Offer] = []
        var reservations: [Reservation] = []
        /// Work time the offers take beside the day job (an offered trial).
        var jobReservations: [Reservation] = []
        var notes: [PlanNote] = []
        /// What the offers cover, so the catalog does not add a second of the same.
        var mentor = false
        var project = false
        var trial = false
        /// The named course's cost, in the budget currency.
        var cost = 0.0
        /// Study hours reserved over the whole plan.
        var studyHours = 0.0
        /// The share of working time the named project takes (0 when it is part of the job).
        var projectPercent = 0
    }

    let answers: Answers
    let settings: PlanningSettings
    let catalog: Catalog
    let bank: QuestionBank
    let rate: Double
    let start: Date
    let end: Date
    let horizonMonths: Int
    let hoursPerMonth: Double
    /// `capacity.special_project_percent` as the manager answered it, or nil.
    let projectCapacity: Int?

    private var offerSettings: PlanningSettings.Offers { settings.offers }
    private var horizonDays: Int { SessionDate.days(from: start, to: end) ?? horizonMonths * 30 }
    private var managerName: String { answers.managerName.flatMap { $0.isBlank ? nil : $0 } ?? "your manager" }

    private func text(_ id: String, _ role: Role = .manager) -> String? {
        guard case .text(let value)? = answers.value(id, by: role) else { return nil }
        var trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        // A title, not a sentence: "Book the exam by Friday", without its full stop.
        while trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Days from the plan's start to an answered date, within the plan; nil when unanswered.
    private func day(_ id: String) -> Int? {
        guard let value = text(id), let date = SessionDate.parse(value) else { return nil }
        return SessionDate.days(from: start, to: date)
    }

    func plan() -> Result {
        var result = Result()
        firstSteps(&result)
        mentor(&result)
        project(&result)
        trial(&result)
        course(&result)
        return result
    }

    private func item(
        category: Catalog.Category, id: String, title: String, summary: String, doneWhen: String, cost: Double = 0,
        hours: Double, from: Int, days: Int, builds: [String] = [], reason: String, direction: Catalog.Direction? = nil,
        purpose: Catalog.Purpose? = nil, levels: [String] = [], time: DevelopmentPlan.TimeKind, source: DevelopmentPlan.Source
    ) -> DevelopmentPlan.Item {
        let days = max(1, days)
        var item = DevelopmentPlan.Item(
            category: category, id: id, title: title, summary: summary, doneWhen: doneWhen, cost: round2(cost),
            hours: round1(hours), weeks: max(1, Int((Double(days) / 7).rounded(.up))), start: SessionDate.adding(days: from, to: start),
            due: SessionDate.adding(days: from + days, to: start), builds: builds, reason: reason, issuer: nil, kind: nil,
            levels: levels, direction: direction, purpose: purpose)
        item.time = time
        item.source = source
        return item
    }

    /// Both first steps, due within the first fortnight. A first step is small and part of the
    /// job ("book the exam", "ask Sam to review my design"), so it takes no study hours: a
    /// plan whose hours are all taken by the manager's offer still holds it.
    private func firstSteps(_ result: inout Result) {
        let days = min(offerSettings.firstStepDays, horizonDays)
        if let step = text("will.first_step", .contributor) {
            let hours = offerSettings.firstStepHours
            result.items.append(
                item(
                    category: .firstStep, id: DevelopmentPlan.Source.contributorStepID, title: "Your first step: \(step)",
                    summary: "The one thing you said you will do in the next two weeks.",
                    doneWhen: "Done by \(SessionDate.format(SessionDate.adding(days: days, to: start))), and you have told \(managerName) how it went.",
                    hours: hours, from: 0, days: days, reason: "your own first step", time: .job, source: .firstStep))
        }
        if let step = text("will.support") {
            result.items.append(
                item(
                    category: .firstStep, id: DevelopmentPlan.Source.managerStepID, title: "\(managerName.prefix(1).uppercased() + managerName.dropFirst())'s first step: \(step)",
                    summary: "What \(managerName) said they will do to make room for this plan.",
                    doneWhen: "Done by \(SessionDate.format(SessionDate.adding(days: days, to: start))), and you can both see it.",
                    hours: 0, from: 0, days: days, reason: "your manager's own first step", time: .job, source: .firstStep))
        }
    }

    /// The person to learn from: small regular sessions across the whole plan, from the first week.
    private func mentor(_ result: inout Result) {
        guard let name = text("offer.mentor.name") else { return }
        let role = text("offer.mentor.role")
        let every = text("offer.mentor.every").flatMap { offerSettings.sessionsPerMonth[$0] == nil ? nil : $0 } ?? offerSettings.defaultEvery
        let sessions = offerSettings.sessionsPerMonth[every] ?? 1
        let perMonth = sessions * offerSettings.sessionHours
        let rhythm = rhythm(every)
        let who = role.map { "\(name) (\($0))" } ?? name
        let hours = perMonth * Double(horizonMonths)
        result.items.append(
            item(
                category: .mentoring, id: DevelopmentPlan.Source.mentorID, title: "Learn from \(who), \(rhythm)",
                summary: "\(managerName.prefix(1).uppercased() + managerName.dropFirst()) arranged for you to meet \(name) \(rhythm), about \(formatOneDecimal(offerSettings.sessionHours)) hour\(offerSettings.sessionHours == 1 ? "" : "s") each time. Bring one real piece of your work to each session.",
                doneWhen: "The first session with \(name) has happened within two weeks, and at each check-in you can name one thing you do differently because of it.",
                hours: hours, from: 0, days: horizonDays, reason: "someone to learn from, offered by \(managerName)",
                direction: .learn, time: .mentoring, source: .offer))
        result.offers.append(
            DevelopmentPlan.Offer(
                kind: .mentor, itemID: DevelopmentPlan.Source.mentorID, name: name, role: role, every: every, percent: nil,
                hoursPerMonth: perMonth, amount: nil, start: start, due: end))
        result.reservations.append(.monthly(perMonth))
        result.studyHours += hours
        result.mentor = true
        if perMonth > hoursPerMonth + 1e-9 {
            result.notes.append(.offerOverHours(what: "The sessions with \(name)", hoursPerMonth: perMonth, capacity: hoursPerMonth))
        }
    }

    /// The named project or stretch: job time at the offered share, from its date to the end.
    private func project(_ result: inout Result) {
        guard let name = text("offer.project.name") else { return }
        let working = settings.workingHoursPerMonth
        var percent: Int
        if let share = answers.number("offer.project.percent", by: .manager) {
            percent = Int(share)
        } else if let hours = answers.number("offer.project.hours_per_month", by: .manager) {
            percent = Int((hours / working * 100).rounded(.up))
        } else {
            percent = projectCapacity ?? 0
        }
        let offered = percent
        // Never above what the manager said the team can free, which the contract holds the plan to.
        if let capacity = projectCapacity, percent > capacity { percent = capacity }
        // The manager's date stands; a project that starts in the plan's last week or after
        // it opens the next plan instead.
        if let asked = day("offer.project.from"), asked > horizonDays - 7 {
            result.notes.append(.offerAfterPlan(name: name, date: SessionDate.format(SessionDate.adding(days: asked, to: start)), end: SessionDate.format(end)))
            return
        }
        let from = min(max(0, day("offer.project.from") ?? offerSettings.leadDays), max(0, horizonDays - 7))
        let days = max(7, horizonDays - from)
        let perDay = ProjectPlanner.hoursPerDay(percent: percent, workingHoursPerMonth: working)
        let hours = (perDay * Double(days) * 10).rounded(.down) / 10
        let partOfJob = percent == 0
        let pace = partOfJob
            ? "as part of your job"
            : "with \(percent)% of your working time (about \(formatOneDecimal(round1(perDay * 31))) hours a month)"
        var planItem = item(
            category: .specialProject, id: DevelopmentPlan.Source.projectID, title: name,
            summary: "\(managerName.prefix(1).uppercased() + managerName.dropFirst()) gives you \(name) \(pace) from \(SessionDate.format(SessionDate.adding(days: from, to: start))). This is work time, not study time.",
            doneWhen: "What you delivered on \(name) is shown to \(managerName) and the people it serves, with your part in it named, by \(SessionDate.format(end)).",
            hours: partOfJob ? 0 : hours, from: from, days: days, builds: [], reason: "the project \(managerName) offered",
            time: .job, source: .offer)
        planItem.hours = partOfJob ? 0 : hours
        result.items.append(planItem)
        result.offers.append(
            DevelopmentPlan.Offer(
                kind: .project, itemID: DevelopmentPlan.Source.projectID, name: name, role: nil, every: nil, percent: percent,
                hoursPerMonth: partOfJob ? nil : round1(perDay * 31), amount: nil, start: planItem.start,
                due: planItem.due))
        result.project = true
        result.projectPercent = percent
        if percent < offered {
            result.notes.append(.projectShareCapped(name: name, offered: offered, capacity: percent))
        }
    }

    /// The trial of a role: the catalog trial behind it, from the manager's date, as job time.
    private func trial(_ result: inout Result) {
        guard let role = text("offer.trial.role"), let id = offerSettings.trials[role], let trial = catalog.item(id) else { return }
        var days = min(trial.weeks * 7, horizonDays)
        var hours = trial.hours
        let from: Int
        if let asked = day("offer.trial.from") {
            // The manager's date stands: in the plan's last week or after it, the trial opens
            // the next plan; late in the plan, it runs to the plan's end, its hours in proportion.
            if asked > horizonDays - 7 {
                result.notes.append(.offerAfterPlan(name: trial.title, date: SessionDate.format(SessionDate.adding(days: asked, to: start)), end: SessionDate.format(end)))
                return
            }
            from = max(0, asked)
            let full = days
            days = min(days, horizonDays - from)
            hours = round1(trial.hours * Double(days) / Double(max(1, full)))
        } else {
            from = min(max(0, offerSettings.leadDays), max(0, horizonDays - days))
        }
        let planItem = item(
            category: trial.category, id: trial.id, title: trial.title, summary: trial.summary + " This is work time, not study time.",
            doneWhen: trial.doneWhen, hours: hours, from: from, days: days, builds: trial.builds,
            reason: "the trial \(managerName) offered", direction: trial.direction, purpose: .trial, levels: trial.levels, time: .job,
            source: .offer)
        result.items.append(planItem)
        result.jobReservations.append(.span(hours: hours, from: from, days: days))
        result.offers.append(
            DevelopmentPlan.Offer(
                kind: .trial, itemID: trial.id, name: role, role: nil, every: nil, percent: nil, hoursPerMonth: nil, amount: nil,
                start: planItem.start, due: planItem.due))
        result.trial = true
    }

    /// The named course or event: its cost, and its hours in the weeks before its date at a
    /// pace the monthly hours allow (or from the start, when no date was given).
    private func course(_ result: inout Result) {
        guard let name = text("offer.course.name") else { return }
        let amount = answers.number("offer.course.amount", by: .manager) ?? 0
        let hours = answers.number("offer.course.hours", by: .manager) ?? offerSettings.courseHours
        let left = max(0, hoursPerMonth - result.reservations.reduce(0) { total, reservation in
            if case .monthly(let perMonth) = reservation { return total + perMonth }
            return total
        })
        // Weeks at a pace the free hours allow; one week for an event when they allow it.
        let weeksNeeded = left > 0 ? max(1, Int((hours / (left * 12 / 52)).rounded(.up))) : max(1, horizonDays / 7)
        var days = min(weeksNeeded * 7, horizonDays)
        let due: Int
        if let when = day("offer.course.when") {
            // The manager's date stands; after the plan's end, the course opens the next plan.
            if when > horizonDays {
                result.notes.append(.offerAfterPlan(name: name, date: SessionDate.format(SessionDate.adding(days: when, to: start)), end: SessionDate.format(end)))
                return
            }
            due = max(1, when)
            days = min(days, due)
        } else {
            due = min(horizonDays, offerSettings.leadDays + days)
            days = min(days, due)
        }
        let from = due - days
        let planItem = item(
            category: .training, id: DevelopmentPlan.Source.courseID, title: name,
            summary: "\(managerName.prefix(1).uppercased() + managerName.dropFirst()) offered \(name)\(amount > 0 ? ", \(formatMoney(amount, answers.value("budget.currency", by: .manager)?.text ?? catalog.currency)) from the budget" : ""), about \(formatOneDecimal(hours)) hours of your time.",
            doneWhen: "\(name) is done by \(SessionDate.format(SessionDate.adding(days: due, to: start))), and you have shown \(managerName) one thing from it used in your work.",
            cost: amount, hours: hours, from: from, days: days, reason: "the course or event \(managerName) offered", time: .study,
            source: .offer)
        result.items.append(planItem)
        result.offers.append(
            DevelopmentPlan.Offer(
                kind: .course, itemID: DevelopmentPlan.Source.courseID, name: name, role: nil, every: nil, percent: nil,
                hoursPerMonth: nil, amount: amount, start: planItem.start, due: planItem.due))
        if hours > 0 { result.reservations.append(.span(hours: hours, from: from, days: days)) }
        result.studyHours += hours
        result.cost += amount
        // By its date, the course needs more a day than the hours freed allow: say so.
        let perDay = hours / Double(max(days, 1))
        if perDay > left * 12 / 365 + 1e-9 {
            result.notes.append(.offerOverHours(what: name, hoursPerMonth: (perDay * 365 / 12).rounded(), capacity: hoursPerMonth))
        }
    }

    /// How often, in the bank's words: "every two weeks".
    private func rhythm(_ every: String) -> String {
        bank.item("offer.mentor.every")?.kind.choices.first { $0.value == every }?.label ?? every
    }
}
