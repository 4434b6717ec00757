/// The `:` commands of a `talk` session: one table for what a typed word means, TAB
/// completion, `:help`, `talk --help` and the line-editing history (a test holds the README's
/// table to it).
public enum TalkCommand: String, CaseIterable, Sendable {
    case help, back, skip, review, fit, note, who, save, quit

    /// As typed in full, e.g. `:back`.
    public var name: String { ":" + rawValue }

    /// The short forms also understood.
    public var aliases: [String] {
        switch self {
        case .save: []
        case .quit: [":q", ":exit"]
        default: [":" + String(rawValue.prefix(1))]
        }
    }

    /// What follows the command, when it takes something.
    public var argument: String? {
        switch self {
        case .note: "TEXT"
        case .review: "[SECTION]"
        default: nil
        }
    }

    /// The command as `:help` and `talk --help` show it, e.g. `:note TEXT`.
    public var usage: String { argument.map { "\(name) \($0)" } ?? name }

    /// One line for `:help`.
    public var summary: String {
        switch self {
        case .help: "this list"
        case .back: "go to the previous question"
        case .skip: "leave out an optional question (or a difference, for another time)"
        case .review: "the answers so far; :review reality, one section; :review kept, those kept"
        case .fit: "the track fit so far"
        case .note: "keep a note with the session; it goes into the plan"
        case .who: "whose turn it is"
        case .save: "save now (answers are saved after each one anyway)"
        case .quit: "save and stop; resume later"
        }
    }

    /// The command a typed word names (any case, full or short), or nil.
    public init?(word: String) {
        let lowered = word.lowercased()
        guard let command = Self.allCases.first(where: { $0.name == lowered || $0.aliases.contains(lowered) }) else {
            return nil
        }
        self = command
    }

    /// The command a typed line starts with, and the rest of the line.
    public static func parse(_ line: String) -> (command: TalkCommand?, word: String, argument: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(maxSplits: 1, whereSeparator: \.isWhitespace).map(String.init)
        let word = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        return (TalkCommand(word: word), word, argument)
    }
}
