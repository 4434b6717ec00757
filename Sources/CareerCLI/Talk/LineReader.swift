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
    /// The words TAB completes at the next prompt.
    func setCompletions(_ words: [String])
    /// Whether escape codes (colour) may be written.
    var isInteractive: Bool { get }
}
