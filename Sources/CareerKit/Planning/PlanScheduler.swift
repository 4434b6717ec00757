import Foundation

/// Gives each development item a start and a due date inside the horizon so that the plan
/// is one a person can live with: no calendar month holds more development hours than the
/// manager can free (a month with a one-week event, such as a conference, may go a little
/// above), and only a few activities run at once.
///
/// Items are placed one at a time, most important first, each at the earliest week that
/// keeps every month within its hours. While the plan has hours to spare, months are kept
/// near an even pace rather than filled to the limit, so the work spreads across the
/// horizon. Self-paced learning of a month or more (a course, a mentoring relationship) that
/// does not fit at its usual pace may run up to half as long again; assignments, projects
/// and events keep their length. An item that fits nowhere is returned as not placed.
struct PlanScheduler {
    private struct Month {
        /// Days from the plan's start: the first day of the month in the plan, and the day after its last.
        var first: Int
        var end: Int
        /// The hours the manager can free in the part of the month inside the plan.
        var limit: Double
        var load = 0.0
    }

    let horizonDays: Int
    private let start: Date
    private var months: [Month] = []
    private var running: [(start: Int, end: Int)] = []
    private let slack: Double
    private let maxAtOnce: Int
    /// The even pace the plan's hours allow, per month: months are kept near it first.
    private let pace: Double
    /// The longest a self-paced course or certification may be spread, in weeks.
    var maxSpreadWeeks = 0

    /// - Parameters:
    ///   - hoursPerMonth: what the manager can free in a full month.
    ///   - totalHours: the development hours of everything to be placed, for the even pace.
    init(start: Date, end: Date, hoursPerMonth: Double, slack: Double, maxAtOnce: Int, totalHours: Double) {
        self.start = start
        self.slack = slack
        self.maxAtOnce = maxAtOnce
        horizonDays = SessionDate.days(from: start, to: end) ?? 0
        var cursor = start
        var day = 0
        while day < horizonDays {
            let next = SessionDate.firstOfNextMonth(after: cursor)
            let length = SessionDate.daysInMonth(of: cursor)
            let end = min(horizonDays, day + (SessionDate.days(from: cursor, to: next) ?? length))
            months.append(Month(first: day, end: end, limit: hoursPerMonth * Double(end - day) / Double(length)))
            day = end
            cursor = next
        }
        let fullMonths = max(1, Double(horizonDays) / 30.44)
        pace = min(hoursPerMonth, max(totalHours / fullMonths * 1.3, hoursPerMonth * 0.5))
    }

    /// The weeks an item may take: its usual weeks, then, for self-paced learning of a month
    /// or more (a course, a credential, a mentoring relationship, a community) and ongoing
    /// assignments of two months or more, up to half as long again. A trial "for a quarter",
    /// a project, an event or a short course keeps its length.
    static func paces(
        weeks: Int, category: Catalog.Category, purpose: Catalog.Purpose? = nil, maxSpreadWeeks: Int = 0
    ) -> [Int] {
        let weeks = max(1, weeks)
        let selfPaced = [.training, .certification, .mentoring, .networking].contains(category)
        // An ongoing assignment of two months or more may go slower too; a trial keeps its length.
        let ongoing = category == .stretchAssignment && purpose == nil && weeks >= 8
        guard (selfPaced && weeks >= 4) || ongoing else { return [weeks] }
        var result = [weeks, Int((Double(weeks) * 1.25).rounded(.up)), Int((Double(weeks) * 1.5).rounded(.up))]
        // Study of one's own (a course, a certification) may be spread further, up to the
        // longest spread: a 20-hour certification over a year is under 2 hours a month.
        if category == .training || category == .certification {
            for factor in [2, 3, 4, 6, 8] where weeks * factor <= maxSpreadWeeks { result.append(weeks * factor) }
            if maxSpreadWeeks > result.last!, weeks * 8 > maxSpreadWeeks { result.append(maxSpreadWeeks) }
        }
        return result
    }

    /// The most weeks a catalog item may take.
    static func gentlestWeeks(for item: Catalog.Item, maxSpreadWeeks: Int = 0) -> Int {
        paces(weeks: item.weeks, category: item.category, purpose: item.purpose, maxSpreadWeeks: maxSpreadWeeks).last ?? item.weeks
    }

    /// Places the item at the earliest week from `earliest` (days from the start) that keeps
    /// every month within its hours, due by `latestDue` when given; false when it fits nowhere.
    mutating func place(_ item: inout DevelopmentPlan.Item, earliest: Int, latestDue: Int? = nil) -> Bool {
        let last = min(horizonDays, latestDue ?? horizonDays)
        for evenPace in [true, false] {
            for weeks in Self.paces(weeks: item.weeks, category: item.category, purpose: item.purpose, maxSpreadWeeks: maxSpreadWeeks) {
                let days = weeks * 7
                var day = max(0, earliest)
                while day + days <= last {
                    if fits(hours: item.hours, from: day, days: days, event: weeks == 1, evenPace: evenPace) {
                        commit(hours: item.hours, from: day, days: days)
                        item.weeks = weeks
                        item.start = SessionDate.adding(days: day, to: start)
                        item.due = SessionDate.adding(days: day + days, to: start)
                        return true
                    }
                    day += 7
                }
            }
        }
        return false
    }

    /// Takes hours an offer needs before anything is placed: the same hours in every full
    /// month (less in a part month), or hours spread over days. Counted whether or not they
    /// fit, since the manager offered them; a month they fill leaves no room for more.
    mutating func reserve(_ reservation: OfferPlanner.Reservation, hoursPerMonth: Double) {
        switch reservation {
        case .monthly(let perMonth):
            for index in months.indices {
                let share = hoursPerMonth > 0 ? months[index].limit / hoursPerMonth : 1
                months[index].load += perMonth * share
            }
            running.append((0, horizonDays))
        case .span(let hours, let from, let days):
            commit(hours: hours, from: from, days: max(1, days))
            // A first step of a fortnight does not crowd what starts beside it.
            if days > 14 { running[running.count - 1] = (from, from + days) } else { running.removeLast() }
        }
    }

    /// The most development hours in any calendar month so far.
    var busiestMonth: Double {
        months.map(\.load).max() ?? 0
    }

    private func fits(hours: Double, from first: Int, days: Int, event: Bool, evenPace: Bool) -> Bool {
        let end = first + days
        let perDay = hours / Double(days)
        for month in months where month.first < end && month.end > first {
            let overlap = Double(min(end, month.end) - max(first, month.first))
            let full = Double(month.end - month.first)
            var limit = evenPace ? min(month.limit, pace * full / 30.44) : month.limit
            if event { limit = month.limit * (1 + slack) }
            if month.load + perDay * overlap > limit + 1e-9 { return false }
        }
        // At most `maxAtOnce` activities at any moment of the window. The most that run at
        // once inside it is reached where it opens or where one of them starts, so those are
        // the moments to count (this is tried for every week of every item: no arrays made).
        func activeCount(at day: Int) -> Int {
            var count = 0
            for activity in running where activity.start <= day && day < activity.end { count += 1 }
            return count
        }
        if activeCount(at: first) >= maxAtOnce { return false }
        for activity in running where activity.start > first && activity.start < end {
            if activeCount(at: activity.start) >= maxAtOnce { return false }
        }
        return true
    }

    private mutating func commit(hours: Double, from first: Int, days: Int) {
        let end = first + days
        let perDay = hours / Double(days)
        for index in months.indices where months[index].first < end && months[index].end > first {
            months[index].load += perDay * Double(min(end, months[index].end) - max(first, months[index].first))
        }
        running.append((first, end))
    }
}
