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

    static func load(_ root: Node, log: DiagnosticLog) -> Catalog? {
        guard
            let top = log.fields(
                root, "the catalog", allowed: ["version", "currency", "exchange_rates", "items"],
                required: ["version", "currency", "items"])
        else { return nil }
        _ = log.integer(top["version"], "'version'", in: 1...1)
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
        for node in log.list(top["items"], "'items'") ?? [] {
            guard let item = readItem(node, log: log) else { continue }
            if !ids.insert(item.id).inserted {
                log.add("catalog item '\(item.id)' appears more than once; ids must be unique", at: node.mapping?["id"]?.mark)
                continue
            }
            items.append(item)
        }
        return Catalog(currency: currency, exchangeRates: rates, items: items)
    }

    private static func readItem(_ node: Node, log: DiagnosticLog) -> Catalog.Item? {
        let keys = ["id", "title", "category", "summary", "domains", "builds", "tracks", "cost", "hours", "weeks",
                    "issuer", "kind"]
        guard
            let fields = log.fields(
                node, "a catalog item", allowed: keys,
                required: ["id", "title", "category", "summary", "domains", "builds", "tracks", "cost", "hours", "weeks"]),
            let id = log.text(fields["id"], "a catalog item 'id'")
        else { return nil }
        let what = "catalog item '\(id)'"
        let category = log.oneOf(fields["category"], "\(what) 'category'", Catalog.Category.allCases.map(\.rawValue))
            .flatMap(Catalog.Category.init)
        let title = log.text(fields["title"], "\(what) 'title'")
        let summary = log.text(fields["summary"], "\(what) 'summary'")
        let domains = log.stringList(fields["domains"], "\(what) 'domains'") ?? []
        let builds = log.stringList(fields["builds"], "\(what) 'builds'", allowed: Dimension.names) ?? []
        let tracks = log.stringList(fields["tracks"], "\(what) 'tracks'", allowed: trackNames) ?? []
        let cost = log.number(fields["cost"], "\(what) 'cost'", minimum: 0)
        let hours = log.number(fields["hours"], "\(what) 'hours'", minimum: 0)
        let weeks = log.integer(fields["weeks"], "\(what) 'weeks'", in: 1...104)
        let issuer = log.text(fields["issuer"], "\(what) 'issuer'")
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
            default:
                break
            }
            if category != .certification, fields["issuer"] != nil {
                log.add("\(what) has 'issuer', which only certifications take", at: fields.mark(of: "issuer"))
            }
            if category != .networking, category != .specialProject, fields["kind"] != nil {
                log.add("\(what) has 'kind', which only networking and special_project items take", at: fields.mark(of: "kind"))
            }
        }
        if builds.isEmpty, fields["builds"] != nil {
            log.add("\(what) 'builds' must name at least one dimension", at: fields["builds"]?.mark)
        }
        if tracks.isEmpty, fields["tracks"] != nil {
            log.add("\(what) 'tracks' must name at least one track", at: fields["tracks"]?.mark)
        }
        guard let category, let title, let summary, let cost, let hours, let weeks else { return nil }
        return Catalog.Item(
            id: id, title: title, category: category, summary: summary, domains: domains, builds: builds,
            tracks: tracks, cost: cost, hours: hours, weeks: weeks, issuer: issuer, kind: kind)
    }
}
