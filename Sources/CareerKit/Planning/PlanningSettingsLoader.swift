import Yams

/// Reads the `planning:` part of weights.yaml.
enum PlanningSettingsLoader {
    static let keys = [
        "closure_points", "interest_bonus", "domain_bonus", "required_bonus", "max_per_category", "max_items", "mix", "mix_weight",
        "working_hours_per_month", "special_project_percent_per_interest", "default_horizon_months",
        "default_dev_hours_per_month", "default_special_project_percent", "default_budget",
    ]

    static func load(_ node: Node?, log: DiagnosticLog) -> PlanningSettings? {
        guard let fields = log.fields(node, "'planning'", allowed: keys, required: keys) else { return nil }
        func number(_ key: String, _ range: ClosedRange<Double>) -> Double? {
            guard let value = log.number(fields[key], "planning '\(key)'") else { return nil }
            guard range.contains(value) else {
                log.add(
                    "planning '\(key)' is \(formatNumber(value)); allowed: \(formatNumber(range.lowerBound))..\(formatNumber(range.upperBound))",
                    at: fields[key]?.mark)
                return nil
            }
            return value
        }
        let closure = number("closure_points", 1...100)
        let interest = number("interest_bonus", 0...100)
        let domain = number("domain_bonus", 0...100)
        let required = number("required_bonus", 0...1000)
        let perCategory = log.integer(fields["max_per_category"], "planning 'max_per_category'", in: 1...20)
        let maxItems = log.integer(fields["max_items"], "planning 'max_items'", in: 1...40)
        let mixWeight = number("mix_weight", 0...10)
        let working = number("working_hours_per_month", 40...250)
        let perInterest = log.integer(
            fields["special_project_percent_per_interest"], "planning 'special_project_percent_per_interest'", in: 0...50)
        let horizon = log.integer(fields["default_horizon_months"], "planning 'default_horizon_months'", in: 3...36)
        let hours = log.integer(fields["default_dev_hours_per_month"], "planning 'default_dev_hours_per_month'", in: 0...80)
        let special = log.integer(
            fields["default_special_project_percent"], "planning 'default_special_project_percent'", in: 0...50)
        let budget = number("default_budget", 0...1_000_000)
        var mix: (Double, Double, Double)?
        let mixKeys = ["on_the_job", "social", "formal"]
        if let mixFields = log.fields(fields["mix"], "planning 'mix'", allowed: mixKeys, required: mixKeys) {
            let values = mixKeys.compactMap { log.number(mixFields[$0], "planning 'mix' '\($0)'", minimum: 0) }
            if values.count == 3 {
                if abs(values.reduce(0, +) - 100) > 0.001 {
                    log.add("planning 'mix' adds up to \(formatNumber(values.reduce(0, +))); it must add up to 100", at: mixFields.mark)
                } else {
                    mix = (values[0], values[1], values[2])
                }
            }
        }
        guard let closure, let interest, let domain, let required, let perCategory, let maxItems, let mixWeight, let working,
            let perInterest, let horizon, let hours, let special, let budget, let mix
        else { return nil }
        return PlanningSettings(
            closurePoints: closure, interestBonus: interest, domainBonus: domain, requiredBonus: required,
            maxPerCategory: perCategory, maxItems: maxItems, mix: mix, mixWeight: mixWeight, workingHoursPerMonth: working,
            specialProjectPercentPerInterest: perInterest, defaultHorizonMonths: horizon, defaultDevHoursPerMonth: hours,
            defaultSpecialProjectPercent: special, defaultBudget: budget)
    }
}
