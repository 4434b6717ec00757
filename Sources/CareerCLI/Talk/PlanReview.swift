import CareerKit
import Foundation

/// The short review that opens a follow-up conversation: for each activity and check-in of
/// the last plan that is due by now, done, in progress, dropped or not started, and why if
/// dropped. Every answer is saved at once, like the rest of the conversation.
struct PlanReview {
    struct Entry {
        let key: String
        let title: String
        let due: String
    }

    let previous: HistoryRecord
    let entries: [Entry]

    /// The activities and check-ins of `previous` due on or before `date`.
    init?(previous: HistoryRecord, date: String) {
        self.previous = previous
        let items = previous.items.filter { $0.due <= date }.map { Entry(key: "item:" + $0.itemID, title: $0.title, due: $0.due) }
        let milestones = previous.milestones.filter { $0.due <= date }.map {
            Entry(key: "milestone:\($0.position)", title: "Check-in: " + $0.title, due: $0.due)
        }
        entries = items + milestones
        if entries.isEmpty { return nil }
    }

    static let choices = [
        ("done", "done"), ("in_progress", "in progress"), ("dropped", "dropped"), ("not_started", "not started"),
    ]

    /// The status a typed word means, when only one starts with it ("d" is both done and dropped).
    static func match(_ typed: String) -> String? {
        let matches = choices.filter { $0.0 == typed || $0.1 == typed || $0.0.hasPrefix(typed) || $0.1.hasPrefix(typed) }
        if let exact = matches.first(where: { $0.0 == typed || $0.1 == typed }) { return exact.0 }
        return matches.count == 1 ? matches[0].0 : nil
    }

    /// Asks what is still open. Returns false when the person stopped (Ctrl-D or :quit).
    func run(record: inout SessionRecord, reader: inout any LineReader, save: (SessionRecord) throws -> Void) throws -> Bool {
        let out = Terminal.standardOutput
        var answers = record.review ?? [:]
        let open = entries.filter { answers[$0.key] == nil }
        guard !open.isEmpty else { return true }
        out.write("\n== Since the last plan (\(previous.date)) ==\n")
        out.write("Before the new questions: how did the activities due so far go? Enter for \"in progress\".\n")
        for (index, entry) in open.enumerated() {
            out.write("\n[\(index + 1)/\(open.count)] \(entry.title) (due \(entry.due))\n")
            out.write("  " + Self.choices.enumerated().map { "\($0.offset + 1)) \($0.element.1)" }.joined(separator: "   ") + "\n")
            reader.setCompletions(Self.choices.map(\.0) + [":quit"])
            var status: String?
            while status == nil {
                guard case .line(let raw) = reader.read(prompt: "review> ") else { return false }
                let line = raw.trimmingCharacters(in: .whitespaces).lowercased()
                if line == ":quit" || line == ":q" { return false }
                if line.isEmpty {
                    status = "in_progress"
                } else if let number = Int(line), (1...Self.choices.count).contains(number) {
                    status = Self.choices[number - 1].0
                } else if let match = Self.match(line) {
                    status = match
                } else {
                    out.write("  Not accepted: allowed: done, in progress, dropped, not started (or 1 to 4)\n")
                }
            }
            var note: String?
            if status == "dropped" {
                guard case .line(let why) = reader.read(prompt: "Why was it dropped? ") else { return false }
                note = PrintableText.stripped(why).trimmingCharacters(in: .whitespaces)
            }
            answers[entry.key] = SessionRecord.ReviewEntry(status: status!, note: note)
            record.review = answers
            try save(record)
        }
        return true
    }

    /// Writes the review into the history and says what the next plan should leave out.
    static func apply(_ record: SessionRecord, previous: HistoryRecord, store: HistoryStore) throws -> PlanHistory {
        var updated = previous
        for (key, entry) in record.review ?? [:] {
            if key.hasPrefix("item:") {
                let id = String(key.dropFirst("item:".count))
                try store.setItemStatus(session: previous.id, item: id, status: entry.status, note: entry.note, date: record.date)
                if let index = updated.items.firstIndex(where: { $0.itemID == id }) {
                    updated.items[index].status = entry.status
                    updated.items[index].note = entry.note
                }
            } else if key.hasPrefix("milestone:"), let position = Int(key.dropFirst("milestone:".count)) {
                try store.setMilestoneStatus(session: previous.id, position: position, status: entry.status, date: record.date)
            }
        }
        return PlanHistory(record: updated)
    }
}
