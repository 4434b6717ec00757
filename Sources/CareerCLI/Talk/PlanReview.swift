import CareerKit
import Foundation

/// The short review that opens a follow-up conversation: for each activity of the last plan
/// due by now, done, in progress, dropped or not started (and why if dropped); for each
/// check-in due by now, held or not. Every answer is saved at once, like the rest of the
/// conversation.
struct PlanReview {
    struct Entry {
        let key: ReviewKey
        let title: String
        let due: String
        /// What may be said of it: an activity's statuses, or a check-in's.
        let choices: [(status: ItemStatus, words: String)]
        /// What Enter means, when it means anything.
        let fallback: ItemStatus?
    }

    let previous: HistoryRecord
    let entries: [Entry]

    /// An activity is done, under way, dropped or not started yet.
    static let activityChoices: [(status: ItemStatus, words: String)] = ItemStatus.allCases.map { ($0, $0.words) }
    /// A check-in is a meeting: it was held or it was not (kept as done or not started).
    static let checkInChoices: [(status: ItemStatus, words: String)] = [(.done, "held"), (.notStarted, "not held")]

    /// The activities and check-ins of `previous` due on or before `date`.
    init?(previous: HistoryRecord, date: String) {
        self.previous = previous
        let items = previous.items.filter { $0.due <= date }.map {
            Entry(key: .item($0.itemID), title: $0.title, due: $0.due, choices: Self.activityChoices, fallback: .inProgress)
        }
        let milestones = previous.milestones.filter { $0.due <= date }.map {
            Entry(key: .milestone($0.position), title: "Check-in: " + $0.title, due: $0.due, choices: Self.checkInChoices, fallback: nil)
        }
        entries = items + milestones
        if entries.isEmpty { return nil }
    }

    /// The status a typed word means among `choices`, when only one starts with it ("d" is
    /// both done and dropped).
    static func match(_ typed: String, in choices: [(status: ItemStatus, words: String)]) -> ItemStatus? {
        let matches = choices.filter {
            $0.status.rawValue == typed || $0.words == typed || $0.status.rawValue.hasPrefix(typed) || $0.words.hasPrefix(typed)
        }
        if let exact = matches.first(where: { $0.status.rawValue == typed || $0.words == typed }) { return exact.status }
        return matches.count == 1 ? matches[0].status : nil
    }

    /// Asks what is still open. Returns false when the person stopped (Ctrl-D or :quit).
    func run(record: inout SessionRecord, reader: inout any LineReader, save: (SessionRecord) throws -> Void) throws -> Bool {
        let out = Terminal.standardOutput
        var answers = record.review ?? [:]
        let open = entries.filter { answers[$0.key] == nil }
        guard !open.isEmpty else { return true }
        out.write("\n== Since the last plan (\(previous.date)) ==\n")
        out.write("Before the new questions: how did the activities and check-ins due so far go? For an activity, Enter means \"in progress\".\n")
        for (index, entry) in open.enumerated() {
            out.write("\n[\(index + 1)/\(open.count)] \(entry.title) (due \(entry.due))\n")
            out.write("  " + entry.choices.enumerated().map { "\($0.offset + 1)) \($0.element.words)" }.joined(separator: "   ") + "\n")
            reader.setCompletions(Completions(entry.choices.map(\.words) + [TalkCommand.quit.name], wholeLine: true))
            var status: ItemStatus?
            while status == nil {
                guard case .line(let raw) = reader.read(prompt: "review> ") else { return false }
                let line = raw.trimmingCharacters(in: .whitespaces).lowercased()
                if TalkCommand(word: line) == .quit { return false }
                if line.isEmpty, let fallback = entry.fallback {
                    status = fallback
                } else if let number = Int(line), (1...entry.choices.count).contains(number) {
                    status = entry.choices[number - 1].status
                } else if !line.isEmpty, let match = Self.match(line, in: entry.choices) {
                    status = match
                } else {
                    let words = entry.choices.map(\.words)
                    let allowed = words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
                    out.write("  Not accepted: allowed: \(allowed) (or 1 to \(words.count))\n")
                }
            }
            var note: String?
            if status == .dropped {
                reader.setCompletions(Completions([]))
                guard case .line(let why) = reader.read(prompt: "Why was it dropped? ") else { return false }
                note = PrintableText.stripped(why).trimmingCharacters(in: .whitespaces)
            }
            answers[entry.key] = SessionRecord.ReviewEntry(status: status!, note: note)
            record.review = answers
            try save(record)
        }
        return true
    }

}
