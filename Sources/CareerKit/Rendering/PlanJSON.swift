import Foundation

/// The `plan` part of the JSON document, with the key paths of `shared/instrument.md`.
struct PlanJSON: Encodable {
    let plan: DevelopmentPlan

    enum Keys: String, CodingKey {
        case currentLevel = "current_level", targetLevel = "target_level", equivalentLevel = "equivalent_level"
        case growthInPlace = "growth_in_place", startDate = "start_date", endDate = "end_date"
        case horizonMonths = "horizon_months", hoursPerMonth = "hours_per_month"
        case hoursCapacityPerMonth = "hours_capacity_per_month", allocation
        case specialProjectPercent = "special_project_percent", budget, items, milestones, gaps, notes
        case onTheJob = "on_the_job", social, formal, amount, currency, committed
        case category, id, title, summary, cost, hours, weeks, start, due, builds, reason, issuer, description
        case dimension, expected, current, gap
    }

    func encode(to encoder: Encoder) throws {
        var root = encoder.container(keyedBy: Keys.self)
        try root.encode(plan.currentLevel, forKey: .currentLevel)
        try root.encode(plan.targetLevel, forKey: .targetLevel)
        try root.encode(plan.equivalentLevel, forKey: .equivalentLevel)
        try root.encode(plan.growthInPlace, forKey: .growthInPlace)
        try root.encode(SessionDate.format(plan.startDate), forKey: .startDate)
        try root.encode(SessionDate.format(plan.endDate), forKey: .endDate)
        try root.encode(plan.horizonMonths, forKey: .horizonMonths)
        try root.encode(plan.hoursPerMonth, forKey: .hoursPerMonth)
        try root.encode(plan.hoursCapacityPerMonth, forKey: .hoursCapacityPerMonth)
        var allocation = root.nestedContainer(keyedBy: Keys.self, forKey: .allocation)
        try allocation.encode(plan.allocation.onTheJob, forKey: .onTheJob)
        try allocation.encode(plan.allocation.social, forKey: .social)
        try allocation.encode(plan.allocation.formal, forKey: .formal)
        try root.encode(plan.specialProjectPercent, forKey: .specialProjectPercent)
        var budget = root.nestedContainer(keyedBy: Keys.self, forKey: .budget)
        try budget.encode(plan.budgetAmount, forKey: .amount)
        try budget.encode(plan.currency, forKey: .currency)
        try budget.encode(plan.committed, forKey: .committed)
        var items = root.nestedUnkeyedContainer(forKey: .items)
        for item in plan.items {
            var entry = items.nestedContainer(keyedBy: Keys.self)
            try entry.encode(item.category.rawValue, forKey: .category)
            try entry.encode(item.id, forKey: .id)
            try entry.encode(item.title, forKey: .title)
            try entry.encode(item.summary, forKey: .summary)
            try entry.encode(item.cost, forKey: .cost)
            try entry.encode(item.hours, forKey: .hours)
            try entry.encode(item.weeks, forKey: .weeks)
            try entry.encode(SessionDate.format(item.start), forKey: .start)
            try entry.encode(SessionDate.format(item.due), forKey: .due)
            try entry.encode(item.builds, forKey: .builds)
            try entry.encode(item.reason, forKey: .reason)
            try entry.encodeIfPresent(item.issuer, forKey: .issuer)
        }
        var milestones = root.nestedUnkeyedContainer(forKey: .milestones)
        for milestone in plan.milestones {
            var entry = milestones.nestedContainer(keyedBy: Keys.self)
            try entry.encode(SessionDate.format(milestone.due), forKey: .due)
            try entry.encode(milestone.title, forKey: .title)
            try entry.encode(milestone.description, forKey: .description)
        }
        var gaps = root.nestedUnkeyedContainer(forKey: .gaps)
        for gap in plan.gaps {
            var entry = gaps.nestedContainer(keyedBy: Keys.self)
            try entry.encode(gap.dimension, forKey: .dimension)
            try entry.encode(gap.expected, forKey: .expected)
            try entry.encode(gap.current, forKey: .current)
            try entry.encode(gap.gap, forKey: .gap)
        }
        try root.encode(plan.notes, forKey: .notes)
    }
}
