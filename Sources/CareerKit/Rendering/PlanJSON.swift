import Foundation

/// The `plan` part of the JSON document, with the key paths of `docs/contract.md`.
struct PlanJSON {
    let plan: DevelopmentPlan

    var value: JSONValue {
        let items: [JSONValue] = plan.items.map { item in
            var members: [(String, JSONValue)] = [
                ("category", .string(item.category.rawValue)), ("id", .string(item.id)), ("title", .string(item.title)),
                ("summary", .string(item.summary)), ("cost", .number(item.cost)), ("hours", .number(item.hours)),
                ("weeks", .integer(item.weeks)), ("start", .string(SessionDate.format(item.start))),
                ("due", .string(SessionDate.format(item.due))), ("builds", JSONValue(item.builds)),
                ("reason", .string(item.reason)), ("done_when", .string(item.doneWhen)), ("kind", JSONValue(item.kind)),
                ("levels", JSONValue(item.levels)), ("direction", JSONValue(item.direction?.rawValue)),
                ("purpose", JSONValue(item.purpose?.rawValue)), ("time", .string(item.time.rawValue)),
                ("source", .string(item.source.rawValue)),
            ]
            if let issuer = item.issuer { members.append(("issuer", .string(issuer))) }
            return .object(members)
        }
        let milestones: [JSONValue] = plan.milestones.map { milestone in
            .object([
                ("due", .string(SessionDate.format(milestone.due))), ("title", .string(milestone.title)),
                ("description", .string(milestone.description)),
            ])
        }
        let offers: [JSONValue] = plan.offers.map { offer in
            .object([
                ("kind", .string(offer.kind.rawValue)), ("item_id", .string(offer.itemID)), ("name", .string(offer.name)),
                ("role", JSONValue(offer.role)), ("every", JSONValue(offer.every)),
                ("percent", offer.percent.map { .integer($0) } ?? .null),
                ("hours_per_month", offer.hoursPerMonth.map { .number($0) } ?? .null),
                ("amount", offer.amount.map { .number($0) } ?? .null),
                ("start", .string(SessionDate.format(offer.start))), ("due", .string(SessionDate.format(offer.due))),
            ])
        }
        let criteria: [JSONValue] = plan.criteria.map { criterion in
            func view(_ shown: Bool?) -> JSONValue { shown.map { .string($0 ? "shown" : "not_yet") } ?? .null }
            return .object([
                ("id", .string(criterion.id)), ("text", .string(criterion.text)),
                ("status", .object([("contributor", view(criterion.contributor)), ("manager", view(criterion.manager))])),
                ("shown_by_both", .bool(criterion.shownByBoth)), ("evidence", JSONValue(criterion.evidence)),
                ("examples", JSONValue(criterion.examples)),
            ])
        }
        let gaps: [JSONValue] = plan.gaps.map { gap in
            .object([
                ("dimension", .string(gap.dimension)), ("expected", .number(gap.expected)),
                ("current", .number(gap.current)), ("gap", .number(gap.gap)), ("basis", .string(gap.basis.rawValue)),
            ])
        }
        return .object([
            ("current_level", .string(plan.currentLevel)), ("target_level", .string(plan.targetLevel)),
            ("equivalent_level", JSONValue(plan.equivalentLevel)), ("growth_in_place", .bool(plan.growthInPlace)),
            ("exploratory", .bool(plan.exploratory)),
            ("start_date", .string(SessionDate.format(plan.startDate))),
            ("end_date", .string(SessionDate.format(plan.endDate))), ("horizon_months", .integer(plan.horizonMonths)),
            ("hours_per_month", .number(plan.hoursPerMonth)), ("busiest_month_hours", .number(plan.busiestMonthHours)),
            ("development_hours", .number(plan.developmentHours)), ("job_hours", .number(round1(plan.jobHours))),
            ("hours_capacity_per_month", .number(plan.hoursCapacityPerMonth)),
            ("allocation", .object([
                ("on_the_job", .integer(plan.allocation.onTheJob)), ("social", .integer(plan.allocation.social)),
                ("formal", .integer(plan.allocation.formal)),
            ])),
            ("special_project_percent", .integer(plan.specialProjectPercent)),
            ("special_project_hours_per_month", .number(plan.specialProjectHoursPerMonth)),
            ("special_project_hours", .number(plan.specialProjectHours)),
            ("budget", .object([
                ("amount", .number(plan.budgetAmount)), ("currency", .string(plan.currency)),
                ("committed", .number(plan.committed)),
            ])),
            ("items", .array(items)), ("offers", .array(offers)), ("criteria", .array(criteria)), ("milestones", .array(milestones)), ("gaps", .array(gaps)),
            ("notes", JSONValue(plan.notes.map(\.sentence))),
        ])
    }
}
