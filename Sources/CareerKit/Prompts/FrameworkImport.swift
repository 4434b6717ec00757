import CSV
import Foundation
import Yams

/// Turns a company's competency framework into a careerpath ladder file: `careerpath ladder
/// import FRAMEWORK --map MAP`.
///
/// The framework is a list of competencies (YAML, or a CSV sheet with a header), each with the
/// level or transition it belongs to, an area, a summary, and optionally examples of evidence
/// and an id. The map says what careerpath cannot guess: the company's levels in order with
/// their track and title, which transitions lead to which level, which of careerpath's
/// dimensions each area speaks to, roles that are not levels (a tech lead), and optionally the
/// expectations of a level and the equivalences across tracks.
///
/// The output is deterministic (the same input gives the same file byte for byte), keeps the
/// framework's ids (or makes stable ones from the text), and says in a comment where a level's
/// expectations were derived from its rank against the shipped ladder.
public enum FrameworkImport {
    /// One competency as read, with where it was found.
    struct Competency {
        var id: String?
        var level: String
        var area: String
        var summary: String
        var examples: [String]
        var line: Int
        var column: (level: Int, area: Int, id: Int)
    }

    /// One level (or role) of the map.
    struct MapLevel {
        var id: String
        var title: String
        var track: String
        var summary: String?
        var expects: [String: Int]?
        var isRole: Bool
        /// careerpath's levels it ranks with, when the map says.
        var like: [String]? = nil
        /// What the level's holders lead, when the map says (`technical_leadership` for a tech
        /// lead level); written to the ladder as it is, and checked there.
        var kind: String? = nil
    }

    struct Map {
        var levels: [MapLevel]
        var transitions: [String: String]
        var areas: [String: [String]]
        var equivalences: [(ic: String, management: String)]
        var name: String
    }

    /// Reads both files and returns the ladder file's text.
    ///
    /// - Parameter shipped: the ladder the expectations of an unmapped level are derived from.
    /// - Throws: `CareerError.invalidData` with every problem of both files, each at its place.
    public static func ladder(framework: String, map mapPath: String, shipped: Ladder) throws -> String {
        let mapLog = DiagnosticLog(path: mapPath)
        let mapText = try DataDocument.readText(atPath: mapPath, limit: PromptSet.maximumFileBytes, what: "a map file")
        let map = DataDocument.parse(mapText, syntax: DataDocument.syntax(forPath: mapPath), log: mapLog).flatMap {
            readMap($0, log: mapLog)
        }
        let frameworkLog = DiagnosticLog(path: framework)
        let competencies = try readFramework(path: framework, log: frameworkLog)
        guard let map else { throw CareerError.invalidData(mapLog.sorted() + frameworkLog.sorted()) }
        let placed = place(competencies, map: map, log: frameworkLog)
        let all = mapLog.sorted() + frameworkLog.sorted()
        guard all.isEmpty else { throw CareerError.invalidData(all) }
        return write(map: map, placed: placed, shipped: shipped, source: PathName.last(of: framework))
    }

    // MARK: - The map

    static func readMap(_ root: Node, log: DiagnosticLog) -> Map? {
        guard
            let top = log.fields(
                root, "the map", allowed: ["name", "levels", "roles", "transitions", "areas", "equivalences"],
                required: ["levels", "areas"])
        else { return nil }
        let name = top["name"].flatMap { log.text($0, "'name'") } ?? "the company's framework"
        var levels: [MapLevel] = []
        var seen: Set<String> = []
        func readLevel(_ node: Node, isRole: Bool) {
            let what = isRole ? "a role" : "a level"
            guard
                let fields = log.fields(
                    node, what, allowed: isRole ? ["id", "title", "track", "summary", "expects", "like"] : ["id", "title", "track", "summary", "expects", "like", "kind"],
                    required: ["id", "title", "track"]),
                let id = log.text(fields["id"], "\(what) 'id'"),
                let title = log.text(fields["title"], "\(what) '\(id)' 'title'"),
                let track = log.oneOf(fields["track"], "\(what) '\(id)' 'track'", LadderLoader.trackIDs)
            else { return }
            guard seen.insert(id.lowercased()).inserted else {
                log.add("\(what) '\(id)' appears more than once; ids must be unique", at: fields.mark(of: "id"))
                return
            }
            var expects: [String: Int]?
            if fields["expects"] != nil,
                let given = log.fields(fields["expects"], "\(what) '\(id)' 'expects'", allowed: Dimension.names, required: Dimension.names)
            {
                var values: [String: Int] = [:]
                for dimension in Dimension.names {
                    if let value = log.integer(given[dimension], "\(what) '\(id)' 'expects' '\(dimension)'", in: 0...100) {
                        values[dimension] = value
                    }
                }
                expects = values
            }
            levels.append(
                MapLevel(
                    id: id, title: title, track: track, summary: fields["summary"].flatMap { log.text($0, "\(what) '\(id)' 'summary'") },
                    expects: expects, isRole: isRole, like: fields["like"].flatMap { log.stringList($0, "\(what) '\(id)' 'like'") },
                    kind: fields["kind"].flatMap { log.oneOf($0, "\(what) '\(id)' 'kind'", Ladder.Kind.allCases.map(\.rawValue)) }))
        }
        for node in log.list(top["levels"], "'levels'") ?? [] { readLevel(node, isRole: false) }
        for node in log.list(top["roles"], "'roles'") ?? [] { readLevel(node, isRole: true) }
        for track in LadderLoader.trackIDs where !levels.contains(where: { $0.track == track && !$0.isRole }) {
            log.add(
                "'levels' needs at least one level on the '\(track)' track: careerpath shows both ladders side by side",
                at: top.mark(of: "levels"))
        }
        var transitions: [String: String] = [:]
        if top["transitions"] != nil, let fields = log.fields(top["transitions"], "'transitions'") {
            for name in fields.order {
                guard let target = log.text(fields[name], "transition '\(name)'") else { continue }
                guard levels.contains(where: { $0.id == target && !$0.isRole }) else {
                    log.add(
                        "transition '\(name)' leads to '\(target)'; allowed: \(levels.filter { !$0.isRole }.map(\.id).joined(separator: ", "))",
                        at: fields[name]?.mark)
                    continue
                }
                transitions[name.lowercased()] = target
            }
        }
        var areas: [String: [String]] = [:]
        if let fields = log.fields(top["areas"], "'areas'") {
            for name in fields.order {
                guard let dimensions = log.stringList(fields[name], "area '\(name)'", allowed: Dimension.names) else { continue }
                if dimensions.isEmpty { log.add("area '\(name)' needs at least one dimension", at: fields[name]?.mark) }
                areas[name.lowercased()] = dimensions
            }
        }
        var equivalences: [(ic: String, management: String)] = []
        for node in log.list(top["equivalences"], "'equivalences'") ?? [] {
            guard let fields = log.fields(node, "an equivalence", allowed: ["ic", "management"], required: ["ic", "management"]),
                let ic = log.text(fields["ic"], "an equivalence 'ic'"),
                let management = log.text(fields["management"], "an equivalence 'management'")
            else { continue }
            equivalences.append((ic, management))
        }
        return Map(levels: levels, transitions: transitions, areas: areas, equivalences: equivalences, name: name)
    }

    // MARK: - The framework

    static let frameworkKeys = ["id", "level", "transition", "area", "summary", "examples"]

    static func readFramework(path: String, log: DiagnosticLog) throws -> [Competency] {
        let text = try DataDocument.readText(atPath: path, limit: PromptSet.maximumFileBytes, what: "a framework file")
        if path.lowercased().hasSuffix(".csv") { return readSheet(text, log: log) }
        guard let root = DataDocument.parse(text, syntax: DataDocument.syntax(forPath: path), log: log) else { return [] }
        let list: Node?
        if case .mapping = root {
            list = log.fields(root, "the framework", allowed: ["competencies"], required: ["competencies"])?["competencies"]
        } else {
            list = root
        }
        var competencies: [Competency] = []
        for node in log.list(list, "'competencies'") ?? [] {
            guard
                let fields = log.fields(node, "a competency", allowed: frameworkKeys, required: ["area", "summary"]),
                let summary = log.text(fields["summary"], "a competency 'summary'"),
                let area = log.text(fields["area"], "a competency 'area'")
            else { continue }
            let where_ = fields["level"] ?? fields["transition"]
            guard let where_, let level = log.text(where_, "a competency 'level'") else {
                log.add("a competency needs a 'level' or a 'transition'", at: node.mark)
                continue
            }
            let examples = fields["examples"].flatMap { log.stringList($0, "a competency 'examples'") } ?? []
            competencies.append(
                Competency(
                    id: fields["id"].flatMap { log.text($0, "a competency 'id'") }, level: level, area: area, summary: summary,
                    examples: examples, line: node.mark?.line ?? 1,
                    column: (where_.mark?.column ?? 1, fields["area"]?.mark?.column ?? 1, fields["id"]?.mark?.column ?? 1)))
        }
        return competencies
    }

    /// A sheet: a header naming `level` (or `transition`), `area`, `summary`, and optionally `id`
    /// and `examples` (several separated by `;` or line breaks in the cell).
    static func readSheet(_ text: String, log: DiagnosticLog) -> [Competency] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard let reader = try? CSVReader(string: body, hasHeaderRow: true), let header = reader.headerRow else {
            log.add("the sheet cannot be read as CSV with a header", line: 1, column: 1)
            return []
        }
        let names = header.map { $0.trimmingWhitespace().lowercased() }
        for (index, name) in names.enumerated() where !frameworkKeys.contains(name) {
            log.add("unknown column \(PrintableText.quoted(name)); allowed: \(frameworkKeys.joined(separator: ", "))", line: 1, column: index + 1)
        }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        let levelColumn = column("level") ?? column("transition")
        for (name, index) in [("level or transition", levelColumn), ("area", column("area")), ("summary", column("summary"))] where index == nil {
            log.add("the sheet needs a column for the \(name)", line: 1, column: 1)
        }
        guard let levelColumn, let areaColumn = column("area"), let summaryColumn = column("summary") else { return [] }
        var competencies: [Competency] = []
        var line = 2 + header.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        while let row = reader.next() {
            defer { line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" }.count } }
            if row.allSatisfy({ $0.trimmingWhitespaceAndNewlines().isEmpty }) { continue }
            func cell(_ index: Int?) -> String {
                guard let index, index < row.count else { return "" }
                return PrintableText.stripped(row[index]).trimmingWhitespaceAndNewlines()
            }
            let level = cell(levelColumn), area = cell(areaColumn), summary = cell(summaryColumn)
            for (value, index, name) in [(level, levelColumn, "level"), (area, areaColumn, "area"), (summary, summaryColumn, "summary")]
            where value.isEmpty {
                log.add("the competency has no \(name)", line: line, column: index + 1)
            }
            guard !level.isEmpty, !area.isEmpty, !summary.isEmpty else { continue }
            let examples = cell(column("examples")).split { $0 == ";" || $0 == "\n" }.map { String($0).trimmingWhitespace() }
                .filter { !$0.isEmpty }
            let id = cell(column("id"))
            competencies.append(
                Competency(
                    id: id.isEmpty ? nil : id, level: level, area: area, summary: summary, examples: examples, line: line,
                    column: (levelColumn + 1, areaColumn + 1, (column("id") ?? 0) + 1)))
        }
        return competencies
    }

    // MARK: - Placing competencies on levels

    struct Criterion {
        var id: String
        var text: String
        var examples: [String]
        var dimensions: [String]
    }

    /// The criteria of each level and role, by id, in the framework's order; every competency
    /// whose level, transition or area the map does not know is named.
    static func place(_ competencies: [Competency], map: Map, log: DiagnosticLog) -> [String: [Criterion]] {
        var placed: [String: [Criterion]] = [:]
        var ids: Set<String> = []
        for competency in competencies {
            let key = competency.level.lowercased()
            let target = map.transitions[key]
                ?? map.levels.first { $0.id.lowercased() == key || $0.title.lowercased() == key }?.id
            guard let target else {
                let known = (map.levels.map(\.title) + map.transitions.keys.sorted()).joined(separator: ", ")
                log.add(
                    "the competency \(PrintableText.quoted(PrintableText.excerpt(competency.summary, limit: 40))) is for \(PrintableText.quoted(competency.level)), which the map does not know; allowed: \(known)",
                    line: competency.line, column: competency.column.level)
                continue
            }
            guard let dimensions = map.areas[competency.area.lowercased()] else {
                log.add(
                    "the competency \(PrintableText.quoted(PrintableText.excerpt(competency.summary, limit: 40))) is in the area \(PrintableText.quoted(competency.area)), which the map does not know; allowed: \(map.areas.keys.sorted().joined(separator: ", "))",
                    line: competency.line, column: competency.column.area)
                continue
            }
            let id = competency.id ?? stableID(level: target, text: competency.summary, taken: ids)
            guard ids.insert(id).inserted else {
                log.add("the competency id \(PrintableText.quoted(id)) appears more than once", line: competency.line, column: competency.column.id)
                continue
            }
            placed[target, default: []].append(
                Criterion(id: id, text: competency.summary, examples: competency.examples, dimensions: dimensions))
        }
        return placed
    }

    /// `level.first-words-of-the-text`, lowercase letters and digits joined by `_`; a number is
    /// added when two texts start alike.
    static func stableID(level: String, text: String, taken: Set<String>) -> String {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(5).map(String.init)
        let base = level + "." + (words.isEmpty ? "criterion" : words.joined(separator: "_"))
        var id = base
        var number = 2
        while taken.contains(id) {
            id = base + "_\(number)"
            number += 1
        }
        return id
    }

    // MARK: - Expectations from rank

    /// The expectations of the level `rank` of `count` on a track, read off the shipped
    /// ladder's levels of that track at the same relative height (between two of its levels,
    /// in proportion), and which shipped levels they came from.
    static func derivedExpectations(rank: Int, count: Int, track: String, shipped: Ladder) -> (values: [String: Int], from: String) {
        let ladder = shipped.levels(onTrack: track)
        guard !ladder.isEmpty else { return (Dictionary(uniqueKeysWithValues: Dimension.names.map { ($0, 50) }), "no shipped level") }
        let position = count <= 1 ? 0 : Double(rank) * Double(ladder.count - 1) / Double(count - 1)
        let low = Int(position.rounded(.down))
        let high = min(ladder.count - 1, low + 1)
        let share = position - Double(low)
        var values: [String: Int] = [:]
        for name in Dimension.names {
            let a = Double(ladder[low].expects[name] ?? 50)
            let b = Double(ladder[high].expects[name] ?? 50)
            values[name] = Int((a + (b - a) * share).rounded())
        }
        let from = share < 0.01 || low == high ? ladder[low].id : "between \(ladder[low].id) and \(ladder[high].id)"
        return (values, from)
    }

    /// careerpath's levels each company level of a track ranks with: every shipped level goes
    /// to the company level nearest it by relative height, so the catalog's activities for
    /// each of careerpath's levels suit some level of the company's; a company level nothing
    /// falls to takes the shipped level nearest it.
    static func likes(of levels: [MapLevel], track: String, shipped: Ladder) -> [[String]] {
        let ours = shipped.levels(onTrack: track).map(\.id)
        guard !ours.isEmpty, !levels.isEmpty else { return levels.map { _ in [] } }
        func position(_ index: Int, of count: Int, in other: Int) -> Int {
            count <= 1 ? 0 : Int((Double(index) * Double(other - 1) / Double(count - 1)).rounded())
        }
        var result = levels.map { _ in [String]() }
        for (index, id) in ours.enumerated() { result[position(index, of: ours.count, in: levels.count)].append(id) }
        for index in result.indices where result[index].isEmpty {
            result[index] = [ours[position(index, of: levels.count, in: ours.count)]]
        }
        for (index, level) in levels.enumerated() { if let given = level.like { result[index] = given } }
        return result
    }

    // MARK: - Writing


    static func write(map: Map, placed: [String: [Criterion]], shipped: Ladder, source: String) -> String {
        var lines = [
            "# ladder.yaml: made by `careerpath ladder import` from \(source) and its map.",
            "# Edit the framework and import again rather than this file; `careerpath validate` checks it.",
            "", "version: 1", "", "tracks:",
        ]
        for track in LadderLoader.trackIDs {
            let title = shipped.tracks.first { $0.id == track }?.title ?? track
            lines.append("  - {id: \(track), title: \(YAMLText.quoted(title))}")
        }
        func criteriaLines(_ criteria: [Criterion], key: String) -> [String] {
            guard !criteria.isEmpty else { return [] }
            var out = ["    \(key):"]
            for criterion in criteria {
                out.append("      - id: \(YAMLText.quoted(criterion.id))")
                out.append("        text: \(YAMLText.quoted(criterion.text))")
                out.append("        dimensions: [\(criterion.dimensions.joined(separator: ", "))]")
                if !criterion.examples.isEmpty {
                    out.append("        examples:")
                    out += criterion.examples.map { "          - \(YAMLText.quoted($0))" }
                }
            }
            return out
        }
        lines += ["", "levels:"]
        for track in LadderLoader.trackIDs {
            let levels = map.levels.filter { $0.track == track && !$0.isRole }
            let like = likes(of: levels, track: track, shipped: shipped)
            for (rank, level) in levels.enumerated() {
                let criteria = placed[level.id] ?? []
                lines.append("")
                lines.append("  - id: \(YAMLText.quoted(level.id))")
                lines.append("    track: \(track)")
                if let kind = level.kind { lines.append("    kind: \(kind)") }
                lines.append("    title: \(YAMLText.quoted(level.title))")
                let summary = level.summary
                    ?? "Level \(rank + 1) of \(levels.count) on the \(track == "ic" ? "individual-contributor" : "management") track in \(map.name)"
                    + (criteria.isEmpty ? "." : ": \(criteria.count) competenc\(criteria.count == 1 ? "y" : "ies") to show.")
                lines.append("    summary: \(YAMLText.quoted(summary))")
                if !like[rank].isEmpty {
                    lines.append("    # like: careerpath's levels this one ranks with; the catalog's activities for them suit it.")
                    lines.append("    like: [\(like[rank].joined(separator: ", "))]")
                }
                let expects: [String: Int]
                if let given = level.expects {
                    expects = given
                } else {
                    let derived = derivedExpectations(rank: rank, count: levels.count, track: track, shipped: shipped)
                    expects = derived.values
                    lines.append("    # expects: not in the map; from rank \(rank + 1) of \(levels.count) against the shipped ladder (\(derived.from)).")
                }
                lines.append("    expects:")
                lines += Dimension.names.map { "      \($0): \(expects[$0] ?? 50)" }
                lines += criteriaLines(criteria, key: "promotion_criteria")
            }
        }
        let roles = map.levels.filter(\.isRole)
        if !roles.isEmpty {
            lines += ["", "# Roles a person can hold at a level without it being a rung to be promoted to.", "roles:"]
            for role in roles {
                lines.append("")
                lines.append("  - id: \(YAMLText.quoted(role.id))")
                lines.append("    track: \(role.track)")
                lines.append("    title: \(YAMLText.quoted(role.title))")
                if let summary = role.summary { lines.append("    summary: \(YAMLText.quoted(summary))") }
                lines += criteriaLines(placed[role.id] ?? [], key: "criteria")
            }
        }
        if !map.equivalences.isEmpty {
            lines += ["", "equivalences:"]
            lines += map.equivalences.map { "  - {ic: \(YAMLText.quoted($0.ic)), management: \(YAMLText.quoted($0.management))}" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
