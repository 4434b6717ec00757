import Foundation

/// Special projects: a set share of working time, agreed with the manager, spent on projects
/// of the kinds the person asked for. The projects run one after another across the plan at
/// that pace, so no month holds more project hours than the share allows.
enum ProjectPlanner {
    /// The share of working time, in percent, for special projects: what the manager offered
    /// when the contributor asked for project work, else none.
    static func share(asked: [String], offered: Int) -> Int {
        asked.isEmpty ? 0 : max(0, offered)
    }

    /// Project-hours a day at a share, so that even a 31-day month stays within the share of a
    /// month's working hours.
    static func hoursPerDay(percent: Int, workingHoursPerMonth: Double) -> Double {
        Double(percent) / 100 * workingHoursPerMonth / 31
    }

    /// One project per kind asked (in the order asked, at most `limit`), each the best suited
    /// of its kind: `choose` picks among the catalog items of a kind.
    static func choose(
        kinds: [String], limit: Int, horizonDays: Int, leadDays: Int,
        best: (String) -> Catalog.Item?
    ) -> (items: [Catalog.Item], missing: [String], noRoom: [String]) {
        var chosen: [Catalog.Item] = []
        var missing: [String] = []
        var noRoom: [String] = []
        for kind in kinds {
            guard let item = best(kind) else {
                missing.append(kind)
                continue
            }
            let needed = (chosen + [item]).reduce(0) { $0 + $1.weeks * 7 }
            if chosen.count >= limit || needed > horizonDays - leadDays {
                noRoom.append(kind)
            } else {
                chosen.append(item)
            }
        }
        return (chosen, missing, noRoom)
    }

    /// Dates for the projects: one after another from `leadDays` after the start, each over
    /// its usual weeks or, when the plan has time to spare, up to half as long again (a
    /// project's length is part of what it is), and its hours at the share's pace.
    static func schedule(
        _ items: [DevelopmentPlan.Item], start: Date, horizonDays: Int, leadDays: Int, perDay: Double
    ) -> [DevelopmentPlan.Item] {
        guard !items.isEmpty else { return [] }
        let available = horizonDays - leadDays
        let usual = items.reduce(0) { $0 + $1.weeks * 7 }
        // Time beyond the usual weeks is shared evenly, in whole weeks, up to half as long again.
        let extraWeeks = max(0, available - usual) / 7 / items.count
        var day = leadDays
        return items.map { item in
            var item = item
            let days = (item.weeks + min(extraWeeks, item.weeks / 2)) * 7
            item.weeks = days / 7
            item.start = SessionDate.adding(days: day, to: start)
            item.due = SessionDate.adding(days: day + days, to: start)
            // Rounded down, so no month goes above the share.
            item.hours = (perDay * Double(days) * 10).rounded(.down) / 10
            day += days
            return item
        }
    }
}
