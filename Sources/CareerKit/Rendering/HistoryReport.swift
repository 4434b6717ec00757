import Foundation

/// A person's recorded sessions, oldest first: the track result each time, a compact trend of
/// the fits, what changed since the previous session, and how the last plan went.
public struct HistoryReport {
    let records: [HistoryRecord]

    public init(records: [HistoryRecord]) {
        self.records = records
    }

    /// One character per session, from ▁ (0) to █ (100).
    public static func sparkline(_ values: [Double]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.map { blocks[max(0, min(7, Int(($0 / 100 * 7).rounded())))] })
    }

    private static func number(_ value: Double) -> String { String(Int(value.rounded())) }

    /// What moved between two sessions, in plain sentences.
    public static func changes(from old: HistoryRecord, to new: HistoryRecord) -> [String] {
        let show = PrintableText.escaped
        var lines: [String] = []
        let moves = Dimension.names.compactMap { name -> (String, Double, Double)? in
            guard let before = old.dimensions[name], let after = new.dimensions[name] else { return nil }
            return (name, before, after)
        }.sorted { (abs($0.2 - $0.1), $1.0) > (abs($1.2 - $1.1), $0.0) }
        let moved = moves.prefix(3).filter { abs($0.2 - $0.1) >= 1 }
        if moved.isEmpty {
            lines.append("No dimension moved by a point or more.")
        } else {
            lines.append(
                "Moved most: " + moved.map {
                    let delta = $0.2 - $0.1
                    return "\(Dimension.title($0.0)) \(delta > 0 ? "+" : "")\(number(delta)) (\(number($0.1)) to \(number($0.2)))"
                }.joined(separator: ", ") + ".")
        }
        if old.recommended != new.recommended {
            lines.append("Recommended track: \(show(old.recommended)) then, \(show(new.recommended)) now.")
        }
        let appeared = new.flags.filter { !old.flags.contains($0) }
        let cleared = old.flags.filter { !new.flags.contains($0) }
        if !appeared.isEmpty { lines.append("Flags that appeared: \(show(appeared.joined(separator: ", "))).") }
        if !cleared.isEmpty { lines.append("Flags that cleared: \(show(cleared.joined(separator: ", "))).") }
        if old.targetLevel != new.targetLevel {
            lines.append("Target level: \(show(old.targetLevel)) then, \(show(new.targetLevel)) now.")
        } else {
            lines.append("Target level unchanged: \(show(new.targetLevel)).")
        }
        return lines
    }

    /// How a recorded plan went, e.g. "3 done, 1 dropped (too much on-call), 2 not started".
    public static func progress(of record: HistoryRecord) -> String {
        guard !record.items.isEmpty else { return "no items" }
        var parts: [String] = []
        for status in ItemStatus.allCases {
            let items = record.items.filter { $0.status == status }
            guard !items.isEmpty else { continue }
            var text = "\(items.count) \(status.words)"
            if status == .dropped {
                let notes = items.compactMap(\.note).filter { !$0.isEmpty }
                if !notes.isEmpty { text += " (" + notes.joined(separator: "; ") + ")" }
            }
            parts.append(text)
        }
        return parts.joined(separator: ", ")
    }

    public func text() -> String {
        guard let last = records.last else { return "No recorded sessions.\n" }
        // Text from the database is shown escaped: it came from files and terminals.
        let show = PrintableText.escaped
        var lines = ["\(show(last.personName))\(last.personID.map { " (\(show($0)))" } ?? ""): \(records.count) recorded session\(records.count == 1 ? "" : "s")", ""]
        lines.append("  date        mode         track                        confidence    IC  Mgmt  Hybrid  target")
        for record in records {
            // Every column as read from the database, escaped too: the words careerpath writes
            // there never need it, so only a damaged or tampered value changes.
            let track = show("\(record.recommended) (\(record.archetype.replacingOccurrences(of: "_", with: " ")))")
            lines.append(
                "  \(show(record.date))  \(show(record.mode).padding(toLength: 11, withPad: " ", startingAt: 0))  \(track.padding(toLength: 27, withPad: " ", startingAt: 0))  \(show(record.confidence).padding(toLength: 10, withPad: " ", startingAt: 0))  "
                    + Self.number(record.fits["ic"] ?? 0).leftPadded(4) + Self.number(record.fits["management"] ?? 0).leftPadded(6)
                    + Self.number(record.fits["hybrid"] ?? 0).leftPadded(8) + "  \(show(record.targetLevel))")
        }
        if records.count > 1 {
            lines.append("")
            lines.append(
                "Trend  IC " + Self.sparkline(records.map { $0.fits["ic"] ?? 0 }) + "   Management "
                    + Self.sparkline(records.map { $0.fits["management"] ?? 0 }) + "   Hybrid "
                    + Self.sparkline(records.map { $0.fits["hybrid"] ?? 0 }))
            let previous = records[records.count - 2]
            lines.append("")
            lines.append("Since \(previous.date):")
            lines += Self.changes(from: previous, to: last).map { "  - " + $0 }
        }
        for record in records where !record.items.isEmpty {
            lines.append("")
            lines.append("Plan of \(show(record.date)) (target \(show(record.targetLevel))): \(show(Self.progress(of: record)))")
            for item in record.items {
                let note = item.note.map { ": \(show($0))" } ?? ""
                lines.append("  \(item.due)  \(item.status.words.padding(toLength: 11, withPad: " ", startingAt: 0))  \(show(item.title))\(note)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One recorded session as the JSON report and the export write it: track result,
    /// dimensions, flags, plan items and milestones with their statuses, and what changed
    /// since `previous`.
    static func session(_ record: HistoryRecord, previous: HistoryRecord?) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("id", .string(record.id)), ("date", .string(record.date)), ("mode", .string(record.mode)),
            ("source", .string(record.source)), ("current_level", .string(record.currentLevel)),
            ("target_level", .string(record.targetLevel)),
            ("track", .object([
                ("recommended", .string(record.recommended)), ("archetype", .string(record.archetype)),
                ("confidence", .string(record.confidence)), ("scores", .object(record.fits.map { ($0.key, .number($0.value)) })),
            ])),
            ("dimensions", .object(record.dimensions.map { ($0.key, .number($0.value)) })),
            ("flags", JSONValue(record.flags)),
            ("plan_items", .array(record.items.map {
                .object([
                    ("id", .string($0.itemID)), ("category", .string($0.category)), ("title", .string($0.title)),
                    ("due", .string($0.due)), ("status", .string($0.status.rawValue)), ("note", JSONValue($0.note)),
                ])
            })),
            ("milestones", .array(record.milestones.map {
                .object([("title", .string($0.title)), ("due", .string($0.due)), ("status", .string($0.status.rawValue))])
            })),
        ]
        if let previous { members.append(("changes", JSONValue(Self.changes(from: previous, to: record)))) }
        return members
    }

    private static func person(_ record: HistoryRecord?) -> JSONValue {
        .object([("name", .string(record?.personName ?? "")), ("id", JSONValue(record?.personID))])
    }

    /// `history --format json`, schema `careerpath.history/1`.
    public func json() -> String {
        let sessions = records.indices.map { index in
            JSONValue.object(Self.session(records[index], previous: index > 0 ? records[index - 1] : nil))
        }
        let document = JSONValue.object([
            ("schema", .string("careerpath.history/1")), ("person", Self.person(records.last)), ("sessions", .array(sessions)),
        ])
        return document.prettyText() + "\n"
    }

    /// One line of `export --format jsonl`, schema `careerpath.export/1`: the session as the
    /// history report shows it, who it is about, and the whole plan document as `run --format
    /// json` wrote it (null if the stored document cannot be read).
    public static func exportLine(_ record: HistoryRecord) -> String {
        let document = (try? JSONValue(parsing: record.document)) ?? .null
        let line = JSONValue.object(
            session(record, previous: nil) + [
                ("schema", .string("careerpath.export/1")), ("person", person(record)), ("document", document),
            ])
        return line.compactText() + "\n"
    }
}
