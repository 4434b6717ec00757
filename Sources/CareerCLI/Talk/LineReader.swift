/// What reading one line gave.
enum LineInput: Equatable {
    case line(String)
    /// End of input: Ctrl-D on an empty line, or the end of a pipe.
    case end
}

/// Reads lines for the conversation, from a terminal or from a pipe.
protocol LineReader {
    /// Shows `prompt` and reads one line.
    mutating func read(prompt: String) -> LineInput
    /// What TAB completes at the next prompt.
    func setCompletions(_ completions: Completions)
    /// Whether escape codes (colour) may be written.
    var isInteractive: Bool { get }
}

/// What TAB completes at a prompt.
struct Completions {
    var words: [String]
    /// Whether a completion is the whole line typed so far (labels with spaces in them, such
    /// as "strongly agree" or "Staff Engineer"), listed in the order given. Otherwise each
    /// word between spaces and commas is completed on its own, and listed sorted.
    var wholeLine = false

    init(_ words: [String], wholeLine: Bool = false) {
        self.words = words
        self.wholeLine = wholeLine
    }
}
