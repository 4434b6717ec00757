import Foundation

/// Gives each plan item a start and a due date inside the horizon.
///
/// Items run in three lanes that go on side by side: people (mentoring, networking) from the
/// first day, experience (stretch assignments, special projects) from the second week, and
/// formal learning (training, then certifications, so preparation comes first) from the first
/// week. Within a lane, short items go first and each starts when the one before is due;
/// when a lane has time to spare, its items are spread across the horizon with even pauses
/// between them rather than bunched at the start. Nothing is due after the horizon's end: an
/// item that would overrun is squeezed to end there.
enum PlanScheduler {
    static func lane(of category: Catalog.Category) -> (lane: Int, order: Int, offsetDays: Int) {
        switch category {
        case .mentoring: return (0, 0, 0)
        case .networking: return (0, 1, 0)
        case .stretchAssignment: return (1, 0, 14)
        case .specialProject: return (1, 1, 14)
        case .training: return (2, 0, 7)
        case .certification: return (2, 1, 7)
        }
    }

    /// The days a lane waits before its first item.
    static func offsetDays(ofLane lane: Int) -> Int {
        Catalog.Category.allCases.map { self.lane(of: $0) }.first { $0.lane == lane }?.offsetDays ?? 0
    }

    static func schedule(_ items: [DevelopmentPlan.Item], start: Date, end: Date) -> [DevelopmentPlan.Item] {
        let sorted = items.sorted {
            let a = lane(of: $0.category)
            let b = lane(of: $1.category)
            return (a.lane, a.order, $0.weeks, $0.id) < (b.lane, b.order, $1.weeks, $1.id)
        }
        let horizonDays = SessionDate.days(from: start, to: end) ?? 0
        var pauses: [Int: Int] = [:]
        for laneNumber in 0..<3 {
            let members = sorted.filter { lane(of: $0.category).lane == laneNumber }
            guard let first = members.first else { continue }
            let busy = members.reduce(0) { $0 + $1.weeks * 7 } + lane(of: first.category).offsetDays
            pauses[laneNumber] = max(0, horizonDays - busy) / members.count
        }
        var laneCursor: [Int: Date] = [:]
        var scheduled: [DevelopmentPlan.Item] = []
        let lastStart = SessionDate.adding(days: -7, to: end)
        for var item in sorted {
            let place = lane(of: item.category)
            var begin = laneCursor[place.lane] ?? SessionDate.adding(days: place.offsetDays, to: start)
            if begin > lastStart { begin = max(start, lastStart) }
            var due = SessionDate.adding(days: item.weeks * 7, to: begin)
            if due > end { due = end }
            item.start = begin
            item.due = due
            laneCursor[place.lane] = SessionDate.adding(days: pauses[place.lane] ?? 0, to: due)
            scheduled.append(item)
        }
        return scheduled.sorted { ($0.due, $0.start, $0.id) < ($1.due, $1.start, $1.id) }
    }
}
