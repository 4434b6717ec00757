import Yams

/// Reads catalog.yaml into a `Catalog`, collecting every mistake with its position.
enum CatalogLoader {
    static let trackNames = ["ic", "management", "hybrid"]
    static let networkingKinds = [
        "internal_forum", "community_of_practice", "conference", "association", "speaking", "external_mentor",
        "open_source",
    ]
    static let projectKinds = [
        "cross_discipline", "innovation", "special_advisor", "open_source", "incident_command", "hiring_loop",
    ]
    /// What an item may need the manager to offer (`needs_offer`): choices of `offer.kinds`.
    static let offerNeeds = ["headcount", "committee_seat", "second_team"]

    /// - Parameter levels: the ladder's level ids, to check each item's `levels` against;
    ///   nil when the ladder could not be read (its own errors are reported).
    ///   - ladder: a company's ladder (`Ladder.isImported`): an item's `levels` name careerpath's
    ///     levels and stand for the company's levels that are like them, its `evidences` name
    ///     careerpath's criteria and are kept only where the ladder has them, and a stretch or
    ///     project item evidences each criterion of its levels that speaks to a dimension it builds.
    static func load(
        _ root: Node, levels: [String]?, criteria: [String]? = nil, ladder: Ladder? = nil, log: DiagnosticLog
    ) -> Catalog? {
        guard
            let top = log.fields(
                root, "the catalog", allowed: ["version", "currency", "exchange_rates", "items"],
                required: ["version", "currency", "items"])
        else { return nil }
        _ = log.integer(top["version"], "'version'", in: 2...2)
        let currency = log.text(top["currency"], "'currency'") ?? "USD"
        if !CurrencyCode.isValid(currency) {
            log.add("'currency' is '\(currency)'; allowed: a three-letter ISO 4217 code such as USD", at: top["currency"]?.mark)
        }
        var rates: [String: Double] = [:]
        if top["exchange_rates"] != nil, let rateFields = log.fields(top["exchange_rates"], "'exchange_rates'") {
            for code in rateFields.order {
                if !CurrencyCode.isValid(code) {
                    log.add("'exchange_rates' has '\(code)'; allowed: three-letter ISO 4217 codes", at: rateFields.mark(of: code))
                    continue
                }
                guard let rate = log.number(rateFields[code], "exchange rate '\(code)'", minimum: 0) else { continue }
                if rate == 0 {
                    log.add("exchange rate '\(code)' must be above 0", at: rateFields[code]?.mark)
                    continue
                }
                rates[code] = rate
            }
        }
        var items: [Catalog.Item] = []
        var ids: Set<String> = []
        var insteadMarks: [String: Mark?] = [:]
        for node in log.list(top["items"], "'items'") ?? [] {
            guard let item = readItem(node, levels: levels, criteria: criteria, ladder: ladder, log: log) else { continue }
            if !ids.insert(item.id).inserted {
                log.add("catalog item '\(item.id)' appears more than once; ids must be unique", at: node.mapping?["id"]?.mark)
                continue
            }
            items.append(item)
            insteadMarks[item.id] = node.mapping?["eligibility"]?.mapping?["instead"]?.mark
        }
        // What a person can take instead, before they are eligible, must be in the catalog and open.
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for item in items {
            for id in item.eligibility.instead {
                guard let other = byID[id] else {
                    log.add(
                        "catalog item '\(item.id)' 'eligibility' 'instead' names '\(id)', which is not in the catalog; allowed: the id of another item",
                        at: insteadMarks[item.id] ?? nil)
                    continue
                }
                if other.id == item.id || other.eligibility.yearsExperience ?? 0 >= item.eligibility.yearsExperience ?? 0 && !other.eligibility.isEmpty {
                    log.add(
                        "catalog item '\(item.id)' 'eligibility' 'instead' names '\(id)', which asks for as much experience; allowed: an item open sooner",
                        at: insteadMarks[item.id] ?? nil)
                }
            }
        }
        return Catalog(currency: currency, exchangeRates: rates, items: items)
    }

    private static func readItem(
        _ node: Node, levels ladderLevels: [String]?, criteria ladderCriteria: [String]?, ladder: Ladder?, log: DiagnosticLog
    ) -> Catalog.Item? {
        let keys = ["id", "title", "category", "summary", "done_when", "domains", "builds", "impact", "tracks", "levels",
                    "direction", "purpose", "eligibility", "cost", "hours", "weeks", "issuer", "kind", "evidences",
                    "names", "entry", "part_of_job_in", "needs_people_above", "needs_offer"]
        guard
            let fields = log.fields(
                node, "a catalog item", allowed: keys,
                required: ["id", "title", "category", "summary", "done_when", "domains", "builds", "impact", "tracks", "levels",
                           "cost", "weeks"]),
            let id = log.text(fields["id"], "a catalog item 'id'")
        else { return nil }
        let what = "catalog item '\(id)'"
        let category = log.oneOf(fields["category"], "\(what) 'category'", Catalog.Category.allCases.filter { $0 != .firstStep }.map(\.rawValue))
            .flatMap(Catalog.Category.init)
        let title = log.text(fields["title"], "\(what) 'title'")
        let summary = log.text(fields["summary"], "\(what) 'summary'")
        let doneWhen = log.text(fields["done_when"], "\(what) 'done_when'")
        for (key, text) in [("title", title), ("summary", summary), ("done_when", doneWhen)] {
            guard let text, text.contains("{") || text.contains("}") else { continue }
            let blanks = text.split(separator: "{", omittingEmptySubsequences: false).dropFirst().map { "{" + ($0.split(separator: "}").first ?? "") + "}" }
            for blank in blanks where !Catalog.blanks.contains(blank) {
                log.add(
                    "\(what) '\(key)' has '\(blank)'; allowed: {field} (the person's field) and {above} (the rung above theirs)",
                    at: fields[key]?.mark)
            }
        }
        let domains = log.stringList(fields["domains"], "\(what) 'domains'") ?? []
        let builds = log.stringList(fields["builds"], "\(what) 'builds'", allowed: Dimension.names) ?? []
        let impact = log.integer(fields["impact"], "\(what) 'impact'", in: 1...3)
        let tracks = log.stringList(fields["tracks"], "\(what) 'tracks'", allowed: trackNames) ?? []
        let imported = ladder?.isImported == true ? ladder : nil
        let aliases = imported?.catalogLevels
        let named = log.stringList(fields["levels"], "\(what) 'levels'", allowed: aliases.map { Array($0.keys).sorted() } ?? ladderLevels) ?? []
        var levels = named
        if let aliases {
            levels = []
            for level in named.flatMap({ aliases[$0] ?? [] }) where !levels.contains(level) { levels.append(level) }
        }
        // The promotion criteria it can produce evidence for (criterion ids of the ladder).
        var evidences = fields["evidences"] == nil
            ? [] : log.stringList(
                fields["evidences"], "\(what) 'evidences'", allowed: imported == nil ? ladderCriteria : nil,
                describeAllowed: { value in Self.describeCriteria(ladderCriteria ?? [], near: value) }) ?? []
        if let imported {
            let known = Set(imported.allCriteria.map(\.criterion.id))
            evidences = evidences.filter(known.contains)
            // Work at the level's scope is evidence: for the two criteria of its levels whose
            // dimensions it builds most (a plan says each evidence in the item's "done when",
            // so an item answers a few criteria, not every one that shares a dimension). Ties
            // are broken by a fixed hash of the two ids, so the items share the criteria out.
            if category == .stretchAssignment || category == .specialProject {
                let built = Set(builds)
                let fitting = imported.allCriteria.compactMap { level, criterion -> (overlap: Int, order: UInt64, id: String)? in
                    let overlap = built.intersection(criterion.dimensions).count
                    guard levels.contains(level.id), overlap > 0, !evidences.contains(criterion.id) else { return nil }
                    return (overlap, Self.stableHash(id + " " + criterion.id), criterion.id)
                }
                evidences += fitting.sorted { ($0.overlap, $1.order) > ($1.overlap, $0.order) }
                    .prefix(Self.bridgedEvidencesPerItem).map(\.id)
            }
        }
        let cost = log.number(fields["cost"], "\(what) 'cost'", minimum: 0)
        let weeks = log.integer(fields["weeks"], "\(what) 'weeks'", in: 1...104)
        let issuer = log.text(fields["issuer"], "\(what) 'issuer'")
        let purpose = fields["purpose"] == nil
            ? nil : log.oneOf(fields["purpose"], "\(what) 'purpose'", Catalog.Purpose.allCases.map(\.rawValue)).flatMap(Catalog.Purpose.init)
        let eligibility = readEligibility(fields["eligibility"], what: what, log: log)
        let names = fields["names"] == nil ? [] : log.stringList(fields["names"], "\(what) 'names'") ?? []
        let entry = fields["entry"] == nil ? false : log.bool(fields["entry"], "\(what) 'entry'") ?? false
        let partOfJobIn = fields["part_of_job_in"] == nil ? [] : log.stringList(fields["part_of_job_in"], "\(what) 'part_of_job_in'") ?? []
        let needsPeopleAbove = fields["needs_people_above"] == nil
            ? false : log.bool(fields["needs_people_above"], "\(what) 'needs_people_above'") ?? false
        if category != nil, category != .certification, fields["eligibility"] != nil {
            log.add("\(what) has 'eligibility', which only certifications take", at: fields.mark(of: "eligibility"))
        }
        let needsOffer = fields["needs_offer"] == nil ? nil : log.oneOf(fields["needs_offer"], "\(what) 'needs_offer'", offerNeeds)
        var direction: Catalog.Direction?
        var hours: Double? = 0
        var kind: String?
        if let category {
            switch category {
            case .certification where issuer == nil:
                log.add("\(what) is a certification and needs 'issuer', the body that grants it", at: fields.mark)
            case .networking, .specialProject:
                let kinds = category == .networking ? networkingKinds : projectKinds
                if fields["kind"] == nil {
                    log.add(
                        "\(what) is \(category.rawValue) and needs 'kind'; allowed: \(kinds.joined(separator: ", "))",
                        at: fields.mark)
                } else {
                    kind = log.oneOf(fields["kind"], "\(what) 'kind'", kinds)
                }
            case .mentoring:
                let allowed = Catalog.Direction.allCases.map(\.rawValue)
                if fields["direction"] == nil {
                    log.add(
                        "\(what) is mentoring and needs 'direction': learn (someone teaches this person) or teach (this person teaches others)",
                        at: fields.mark)
                } else {
                    direction = log.oneOf(fields["direction"], "\(what) 'direction'", allowed).flatMap(Catalog.Direction.init)
                }
            default:
                break
            }
            if category == .specialProject {
                if fields["hours"] != nil {
                    log.add(
                        "\(what) is a special project, whose hours follow the share of working time the manager agrees; remove 'hours'",
                        at: fields.mark(of: "hours"))
                }
            } else if fields["hours"] == nil {
                log.add("\(what) needs 'hours', the person's own hours in all", at: fields.mark)
                hours = nil
            } else {
                hours = log.number(fields["hours"], "\(what) 'hours'", minimum: 0)
            }
            if category != .certification, fields["issuer"] != nil {
                log.add("\(what) has 'issuer', which only certifications take", at: fields.mark(of: "issuer"))
            }
            if category != .networking, category != .specialProject, fields["kind"] != nil {
                log.add("\(what) has 'kind', which only networking and special_project items take", at: fields.mark(of: "kind"))
            }
            if category != .mentoring, fields["direction"] != nil {
                log.add("\(what) has 'direction', which only mentoring items take", at: fields.mark(of: "direction"))
            }
        }
        if builds.isEmpty, fields["builds"] != nil {
            log.add("\(what) 'builds' must name at least one dimension", at: fields["builds"]?.mark)
        }
        if tracks.isEmpty, fields["tracks"] != nil {
            log.add("\(what) 'tracks' must name at least one track", at: fields["tracks"]?.mark)
        }
        if levels.isEmpty, fields["levels"] != nil, ladderLevels != nil {
            log.add("\(what) 'levels' must name at least one level of the ladder", at: fields["levels"]?.mark)
        }
        guard let category, let title, let summary, let doneWhen, let impact, let cost, let hours, let weeks,
            let eligibility
        else { return nil }
        return Catalog.Item(
            id: id, title: title, category: category, summary: summary, domains: domains, builds: builds,
            tracks: tracks, levels: levels, direction: direction, purpose: purpose, eligibility: eligibility,
            impact: impact, doneWhen: doneWhen, cost: cost, hours: hours, weeks: weeks, issuer: issuer, kind: kind,
            evidences: evidences, names: names, entry: entry, partOfJobIn: partOfJobIn, needsPeopleAbove: needsPeopleAbove, needsOffer: needsOffer)
    }

    /// What an `evidences` entry may be, in a line short enough to read: a criterion id of the
    /// ladder, with the ones that end the same way as the value refused (a misspelt level).
    static func describeCriteria(_ criteria: [String], near value: String) -> String {
        let ending = value.split(separator: ".").last.map(String.init) ?? value
        let near = criteria.filter { $0.split(separator: ".").last.map(String.init) == ending }
        let examples = (near.isEmpty ? Array(criteria.prefix(1)) : Array(near.prefix(3))).map { PrintableText.quoted($0) }
        return "a promotion criterion id of the ladder (\(criteria.count) in all), such as \(examples.joined(separator: ", "))"
    }

    /// How many criteria of a company's ladder one stretch or project item evidences through
    /// the dimensions it builds.
    static let bridgedEvidencesPerItem = 2

    /// FNV-1a of the text's bytes: the same on every run and machine (Swift's `hashValue` is not).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }

    /// `eligibility: {years_experience: 5, years_managing: 3}`, or none.
    private static func readEligibility(_ node: Node?, what: String, log: DiagnosticLog) -> Catalog.Eligibility? {
        guard let node else { return Catalog.Eligibility() }
        let keys = ["years_experience", "years_managing", "rule", "meanwhile", "instead"]
        guard let fields = log.fields(node, "\(what) 'eligibility'", allowed: keys) else { return nil }
        var eligibility = Catalog.Eligibility()
        if fields["years_experience"] != nil {
            guard let years = log.integer(fields["years_experience"], "\(what) 'eligibility' 'years_experience'", in: 0...50)
            else { return nil }
            eligibility.yearsExperience = years
        }
        if fields["years_managing"] != nil {
            guard let years = log.integer(fields["years_managing"], "\(what) 'eligibility' 'years_managing'", in: 0...50)
            else { return nil }
            eligibility.yearsManaging = years
        }
        if fields["rule"] != nil { eligibility.rule = log.text(fields["rule"], "\(what) 'eligibility' 'rule'") }
        if fields["meanwhile"] != nil { eligibility.meanwhile = log.text(fields["meanwhile"], "\(what) 'eligibility' 'meanwhile'") }
        if fields["instead"] != nil {
            eligibility.instead = log.stringList(fields["instead"], "\(what) 'eligibility' 'instead'") ?? []
        }
        if eligibility.isEmpty {
            log.add("\(what) 'eligibility' is empty; give years_experience, years_managing or both, or remove it", at: fields.mark)
        }
        return eligibility
    }
}
