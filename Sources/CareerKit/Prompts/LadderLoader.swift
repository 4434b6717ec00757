import Yams

/// Reads ladder.yaml into a `Ladder`, collecting every mistake with its position.
enum LadderLoader {
    static let trackIDs = ["ic", "management"]

    static func load(_ root: Node, log: DiagnosticLog) -> Ladder? {
        guard
            let top = log.fields(
                root, "the ladder", allowed: ["version", "tracks", "levels", "roles", "equivalences"],
                required: ["version", "tracks", "levels"])
        else { return nil }
        _ = log.integer(top["version"], "'version'", in: 1...1)

        var tracks: [Ladder.Track] = []
        for node in log.list(top["tracks"], "'tracks'") ?? [] {
            guard let fields = log.fields(node, "a track", allowed: ["id", "title"], required: ["id", "title"]),
                let id = log.oneOf(fields["id"], "a track 'id'", trackIDs),
                let title = log.text(fields["title"], "track '\(id)' 'title'")
            else { continue }
            tracks.append(Ladder.Track(id: id, title: title))
        }
        for id in trackIDs where !tracks.contains(where: { $0.id == id }) {
            log.add("'tracks' needs the track '\(id)'", at: top.mark(of: "tracks"))
        }

        var levels: [Ladder.Level] = []
        var levelMarks: [String: Mark?] = [:]
        var ranks: [String: Int] = [:]
        var criterionIDs: Set<String> = []
        for node in log.list(top["levels"], "'levels'") ?? [] {
            guard
                let fields = log.fields(
                    node, "a level", allowed: ["id", "track", "title", "summary", "expects", "promotion_criteria", "like", "kind"],
                    required: ["id", "track", "title", "summary", "expects"]),
                let id = log.text(fields["id"], "a level 'id'")
            else { continue }
            let what = "level '\(id)'"
            if levelMarks[id] != nil {
                log.add("\(what) appears more than once; ids must be unique", at: fields.mark(of: "id"))
                continue
            }
            levelMarks[id] = fields.mark(of: "id")
            guard let track = log.oneOf(fields["track"], "\(what) 'track'", trackIDs),
                let title = log.text(fields["title"], "\(what) 'title'"),
                let summary = log.text(fields["summary"], "\(what) 'summary'")
            else { continue }
            var expects: [String: Int] = [:]
            if let expectFields = log.fields(
                fields["expects"], "\(what) 'expects'", allowed: Dimension.names, required: Dimension.names)
            {
                for name in Dimension.names {
                    if let value = log.integer(expectFields[name], "\(what) 'expects' '\(name)'", in: 0...100) {
                        expects[name] = value
                    }
                }
            }
            let like = fields["like"].flatMap { log.stringList($0, "\(what) 'like'") } ?? []
            let kind = readKind(fields["kind"], track: track, what: what, log: log)
            let criteria = readCriteria(fields["promotion_criteria"], level: id, what: what, seen: &criterionIDs, log: log)
            let rank = ranks[track, default: 0]
            ranks[track] = rank + 1
            levels.append(
                Ladder.Level(
                    id: id, track: track, title: title, summary: summary, expects: expects,
                    promotionCriteria: criteria.map(\.text), rank: rank, criteria: criteria, like: like, kind: kind))
        }
        for id in trackIDs where ranks[id] == nil {
            log.add("'levels' needs at least one level on the '\(id)' track", at: top.mark(of: "levels"))
        }

        var equivalences: [(ic: String, management: String)] = []
        var paired: Set<String> = []
        for node in log.list(top["equivalences"], "'equivalences'") ?? [] {
            guard
                let fields = log.fields(
                    node, "an equivalence", allowed: ["ic", "management"], required: ["ic", "management"]),
                let ic = log.text(fields["ic"], "an equivalence 'ic'"),
                let management = log.text(fields["management"], "an equivalence 'management'")
            else { continue }
            var ok = true
            for (id, track, key) in [(ic, "ic", "ic"), (management, "management", "management")] {
                guard let level = levels.first(where: { $0.id == id }) else {
                    let known = levels.filter { $0.track == track }.map(\.id)
                    log.add(
                        "an equivalence names level '\(id)'; allowed: \(known.joined(separator: ", "))",
                        at: fields[key]?.mark)
                    ok = false
                    continue
                }
                if level.track != track {
                    log.add("an equivalence's '\(key)' must be a level of the \(track) track, not '\(id)'", at: fields[key]?.mark)
                    ok = false
                }
                if !paired.insert(id).inserted {
                    log.add("level '\(id)' is in more than one equivalence", at: fields[key]?.mark)
                    ok = false
                }
            }
            if ok { equivalences.append((ic, management)) }
        }
        var ladder = Ladder(tracks: tracks, levels: levels, equivalences: equivalences)
        for node in log.list(top["roles"], "'roles'") ?? [] {
            guard
                let fields = log.fields(
                    node, "a role", allowed: ["id", "track", "title", "summary", "criteria"], required: ["id", "track", "title"]),
                let id = log.text(fields["id"], "a role 'id'")
            else { continue }
            let what = "role '\(id)'"
            if levels.contains(where: { $0.id == id }) || ladder.roles.contains(where: { $0.id == id }) {
                log.add("\(what): the id is taken already; a role's id differs from every level's and role's", at: fields.mark(of: "id"))
                continue
            }
            guard let track = log.oneOf(fields["track"], "\(what) 'track'", trackIDs),
                let title = log.text(fields["title"], "\(what) 'title'")
            else { continue }
            let summary = fields["summary"].flatMap { log.text($0, "\(what) 'summary'") }
            let criteria = readCriteria(fields["criteria"], level: id, what: what, seen: &criterionIDs, log: log)
            ladder.roles.append(Ladder.Role(id: id, track: track, title: title, summary: summary, criteria: criteria))
        }
        return ladder
    }

    /// A level's `kind`, or its track's when the file does not say. Individual work belongs to
    /// the IC track and people management to the management track; technical leadership
    /// (a tech lead) may stand on either.
    private static func readKind(_ node: Node?, track: String, what: String, log: DiagnosticLog) -> Ladder.Kind {
        let fallback = Ladder.Kind.of(track: track)
        guard let node else { return fallback }
        guard let name = log.oneOf(node, "\(what) 'kind'", Ladder.Kind.allCases.map(\.rawValue)), let kind = Ladder.Kind(rawValue: name)
        else { return fallback }
        if kind != .technicalLeadership, kind != fallback {
            let allowed = [fallback.rawValue, Ladder.Kind.technicalLeadership.rawValue]
            log.add("\(what) 'kind' is \(PrintableText.quoted(name)), which a level of the \(track) track cannot be; allowed: \(allowed.joined(separator: ", "))", at: node.mark)
            return fallback
        }
        return kind
    }

    /// A level's promotion criteria: each `{id, text}`, or plain text (an older ladder),
    /// which gets the id `<level id>.<position>`. Ids are unique across the ladder.
    private static func readCriteria(
        _ node: Node?, level: String, what: String, seen: inout Set<String>, log: DiagnosticLog
    ) -> [Ladder.Criterion] {
        guard node != nil, let elements = log.list(node, "\(what) 'promotion_criteria'") else { return [] }
        var result: [Ladder.Criterion] = []
        for (offset, element) in elements.enumerated() {
            let id: String
            let text: String
            var examples: [String] = []
            var dimensions: [String] = []
            if element.mapping != nil {
                guard
                    let fields = log.fields(
                        element, "a criterion of \(what)", allowed: ["id", "text", "examples", "dimensions"], required: ["id", "text"]),
                    let given = log.text(fields["id"], "a criterion 'id' of \(what)"),
                    let words = log.text(fields["text"], "a criterion 'text' of \(what)")
                else { continue }
                id = given
                text = words
                examples = fields["examples"].flatMap { log.stringList($0, "criterion '\(given)' 'examples'") } ?? []
                dimensions = fields["dimensions"].flatMap { log.stringList($0, "criterion '\(given)' 'dimensions'", allowed: Dimension.names) } ?? []
            } else {
                guard let words = log.string(element, "a criterion of \(what)") else { continue }
                id = "\(level).\(offset + 1)"
                text = words
            }
            if !seen.insert(id).inserted {
                log.add("criterion '\(id)' of \(what) appears more than once; criterion ids must be unique", at: element.mark)
                continue
            }
            result.append(
                Ladder.Criterion(
                    id: id, text: text, line: element.mark?.line ?? 0, column: element.mark?.column ?? 0, examples: examples,
                    dimensions: dimensions))
        }
        return result
    }
}
