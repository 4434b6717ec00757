import CareerKit

/// Shows a long text a screen at a time: as many lines as the terminal has rows, less one for
/// a prompt between screens (Enter for more, q to stop). Output that is not a terminal gets
/// the whole text at once.
struct Pager {
    /// The terminal's rows.
    let rows: Int
    /// Whether to page at all: only when both input and output are a terminal.
    let paging: Bool

    static let prompt = "-- Enter for more, q to stop -- "

    /// The lines of `text` cut into screens; one screen when it is not paged or fits.
    func screens(_ text: String) -> [[String]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let size = max(1, rows - 1)
        guard paging, lines.count > size else { return [lines] }
        return stride(from: 0, to: lines.count, by: size).map { Array(lines[$0..<min($0 + size, lines.count)]) }
    }

    /// Writes `text` a screen at a time, reading Enter (more) or q (stop) between screens.
    func show(_ text: String, reader: inout any LineReader, out: Terminal) {
        let screens = screens(text)
        for (index, screen) in screens.enumerated() {
            out.write(screen.joined(separator: "\n") + "\n")
            guard index < screens.count - 1 else { break }
            reader.setCompletions(Completions([]))
            guard case .line(let answer) = reader.read(prompt: Self.prompt),
                !answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("q")
            else { return }
        }
    }
}
