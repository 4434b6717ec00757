import Yams

/// Reads the `planning:` part of weights.yaml.
enum PlanningSettingsLoader {
    static let keys = [
        "track_dimensions", "closure_points", "closure_per_mode", "repeat_share", "min_step_share", "growth_in_place_gap", "min_gain", "interest_bonus", "domain_bonus",
        "target_level_bonus", "required", "teach_from_rank", "max_per_category", "max_items", "max_exploratory_items", "max_fill", "max_at_once", "mix",
        "mix_weight", "working_hours_per_month", "month_slack", "max_projects", "hybrid_management_lead", "hybrid_people_archetypes", "decision_days",
        "default_horizon_months", "default_dev_hours_per_month", "default_special_project_percent", "default_budget",
        "offers", "job_hours_per_month", "max_job_at_once", "max_spread_weeks", "unlock",
    ]
    /// Keys a company's older weights.yaml may lack: the defaults in `PlanningSettings` hold.
    static let optionalKeys = ["expert_from_rank", "expert_from_years"]
    static let unlockKeys = ["little_hours_per_month", "more_hours_per_month", "budget_to_suggest"]
    static let offerKeys = [
        "session_hours", "sessions_per_month", "default_every", "trials", "course_hours", "first_step_days", "first_step_hours",
        "lead_days",
    ]
    static let requiredKeys = ["mentor", "on_the_job", "formal", "trial", "handover", "exploration", "interest", "evidence", "teach", "criterion"]
    static let tracks = ["ic", "management", "hybrid"]

    /// - Parameter hybridArchetypes: the hybrid archetypes weights.yaml names, which
    ///   `hybrid_people_archetypes` may list (nil when they could not be read).
    static func load(_ node: Node?, log: DiagnosticLog, hybridArchetypes: [String]? = nil) -> PlanningSettings? {
        guard let fields = log.fields(node, "'planning'", allowed: keys + optionalKeys, required: keys) else { return nil }
        func number(_ key: String, _ range: ClosedRange<Double>, in fields: Fields = fields, prefix: String = "planning") -> Double? {
            guard let value = log.number(fields[key], "\(prefix) '\(key)'") else { return nil }
            guard range.contains(value) else {
                log.add(
                    "\(prefix) '\(key)' is \(formatNumber(value)); allowed: \(formatNumber(range.lowerBound))..\(formatNumber(range.upperBound))",
                    at: fields[key]?.mark)
                return nil
            }
            return value
        }
        func integer(_ key: String, _ range: ClosedRange<Int>) -> Int? {
            log.integer(fields[key], "planning '\(key)'", in: range)
        }
        var trackDimensions: [String: [String]]?
        if let trackFields = log.fields(
            fields["track_dimensions"], "planning 'track_dimensions'", allowed: tracks, required: tracks)
        {
            var result: [String: [String]] = [:]
            for track in tracks {
                let names = log.stringList(trackFields[track], "planning 'track_dimensions' '\(track)'", allowed: Dimension.names) ?? []
                if names.isEmpty {
                    log.add("planning 'track_dimensions' '\(track)' must name at least one dimension", at: trackFields.mark(of: track))
                }
                result[track] = names
            }
            trackDimensions = result
        }
        let closure = number("closure_points", 1...100)
        let perMode = number("closure_per_mode", 1...100)
        let repeatShare = number("repeat_share", 0...1)
        let stepShare = number("min_step_share", 0...1)
        let inPlace = number("growth_in_place_gap", 0...100)
        let minGain = number("min_gain", 0...100)
        let interest = number("interest_bonus", 0...100)
        let domain = number("domain_bonus", 0...100)
        let targetLevel = number("target_level_bonus", 0...100)
        var required: PlanningSettings.Required?
        if let requiredFields = log.fields(fields["required"], "planning 'required'", allowed: requiredKeys, required: requiredKeys) {
            let values = requiredKeys.map { number($0, 0...1000, in: requiredFields, prefix: "planning 'required'") }
            if values.allSatisfy({ $0 != nil }) {
                let v = values.map { $0! }
                required = PlanningSettings.Required(
                    mentor: v[0], onTheJob: v[1], formal: v[2], trial: v[3], handover: v[4], exploration: v[5], interest: v[6],
                    evidence: v[7], teach: v[8], criterion: v[9])
            }
        }
        let teachFrom = number("teach_from_rank", 0...20)
        let perCategory = integer("max_per_category", 1...20)
        let maxItems = integer("max_items", 1...40)
        let exploratoryItems = integer("max_exploratory_items", 1...40)
        let atOnce = integer("max_at_once", 1...20)
        let fill = number("max_fill", 0.1...1)
        let mixWeight = number("mix_weight", 0...10)
        let working = number("working_hours_per_month", 40...250)
        let slack = number("month_slack", 0...1)
        let projects = integer("max_projects", 0...10)
        let hybridLead = number("hybrid_management_lead", 0...100)
        let peopleArchetypes = log.stringList(
            fields["hybrid_people_archetypes"], "planning 'hybrid_people_archetypes'", allowed: hybridArchetypes)
        let decisionDays = integer("decision_days", 14...365)
        let horizon = integer("default_horizon_months", 3...36)
        let hours = integer("default_dev_hours_per_month", 0...80)
        let special = integer("default_special_project_percent", 0...50)
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
        let offers = loadOffers(fields["offers"], log: log, number: { key, range, fields in
            number(key, range, in: fields, prefix: "planning 'offers'")
        })
        let jobHours = number("job_hours_per_month", 0...160)
        let jobAtOnce = integer("max_job_at_once", 1...10)
        let spread = integer("max_spread_weeks", 1...160)
        var unlock: PlanningSettings.Unlock?
        if let unlockFields = log.fields(fields["unlock"], "planning 'unlock'", allowed: unlockKeys, required: unlockKeys) {
            let little = number("little_hours_per_month", 0...80, in: unlockFields, prefix: "planning 'unlock'")
            let more = number("more_hours_per_month", 1...80, in: unlockFields, prefix: "planning 'unlock'")
            let suggest = number("budget_to_suggest", 0...1_000_000, in: unlockFields, prefix: "planning 'unlock'")
            if let little, let more, let suggest {
                unlock = PlanningSettings.Unlock(littleHoursPerMonth: little, moreHoursPerMonth: more, budgetToSuggest: suggest)
            }
        }
        guard let unlock, let offers, let jobHours, let jobAtOnce, let spread, let trackDimensions, let closure, let perMode, let repeatShare, let stepShare, let inPlace, let minGain, let interest, let domain, let targetLevel,
            let required, let teachFrom, let perCategory, let maxItems, let exploratoryItems, let fill, let atOnce, let mixWeight, let working,
            let slack, let projects, let hybridLead, let peopleArchetypes, let decisionDays, let horizon, let hours, let special, let budget, let mix
        else { return nil }
        var settings = PlanningSettings(
            trackDimensions: trackDimensions, closurePoints: closure, closurePerMode: perMode, repeatShare: repeatShare,
            minStepShare: stepShare, growthInPlaceGap: inPlace,
            minGain: minGain, interestBonus: interest, domainBonus: domain, targetLevelBonus: targetLevel, required: required, teachFromRank: teachFrom,
            maxPerCategory: perCategory, maxItems: maxItems, maxExploratoryItems: exploratoryItems, maxFill: fill, maxAtOnce: atOnce,
            mix: mix, mixWeight: mixWeight, workingHoursPerMonth: working, monthSlack: slack, maxProjects: projects,
            hybridManagementLead: hybridLead, defaultHorizonMonths: horizon, defaultDevHoursPerMonth: hours,
            defaultSpecialProjectPercent: special, defaultBudget: budget, offers: offers, jobHoursPerMonth: jobHours,
            maxJobAtOnce: jobAtOnce, maxSpreadWeeks: spread, unlock: unlock)
        if fields["expert_from_rank"] != nil, let rank = number("expert_from_rank", 0...20) { settings.expertFromRank = rank }
        if fields["expert_from_years"] != nil, let years = integer("expert_from_years", 0...60) { settings.expertFromYears = years }
        settings.hybridPeopleArchetypes = peopleArchetypes
        settings.decisionDays = decisionDays
        return settings
    }

    /// The `offers:` part: session length and frequency, the catalog trial behind each offered
    /// trial, and the defaults for what a manager left unsaid. Which answers and catalog ids
    /// these name is checked against the bank and catalog by `PromptSet`.
    private static func loadOffers(
        _ node: Node?, log: DiagnosticLog, number: (String, ClosedRange<Double>, Fields) -> Double?
    ) -> PlanningSettings.Offers? {
        guard let fields = log.fields(node, "planning 'offers'", allowed: offerKeys, required: offerKeys) else { return nil }
        let session = number("session_hours", 0.25...8, fields)
        let course = number("course_hours", 0...400, fields)
        let stepHours = number("first_step_hours", 0...40, fields)
        let stepDays = log.integer(fields["first_step_days"], "planning 'offers' 'first_step_days'", in: 1...60)
        let lead = log.integer(fields["lead_days"], "planning 'offers' 'lead_days'", in: 0...90)
        let every = log.text(fields["default_every"], "planning 'offers' 'default_every'")
        var sessions: [String: Double]?
        if let node = fields["sessions_per_month"], let map = log.fields(node, "planning 'offers' 'sessions_per_month'", allowed: nil, required: []) {
            var result: [String: Double] = [:]
            for key in map.order {
                if let value = number(key, 0.25...31, map) { result[key] = value }
            }
            sessions = result
        }
        var trials: [String: String]?
        if let node = fields["trials"], let map = log.fields(node, "planning 'offers' 'trials'", allowed: nil, required: []) {
            var result: [String: String] = [:]
            for key in map.order {
                if let id = log.text(map[key], "planning 'offers' 'trials' '\(key)'") { result[key] = id }
            }
            trials = result
        }
        guard let session, let course, let stepHours, let stepDays, let lead, let every, let sessions, let trials else { return nil }
        if sessions[every] == nil {
            log.add(
                "planning 'offers' 'default_every' is '\(every)'; allowed: \(sessions.keys.sorted().joined(separator: ", "))",
                at: fields["default_every"]?.mark)
            return nil
        }
        return PlanningSettings.Offers(
            sessionHours: session, sessionsPerMonth: sessions, defaultEvery: every, trials: trials, courseHours: course,
            firstStepDays: stepDays, firstStepHours: stepHours, leadDays: lead)
    }
}
