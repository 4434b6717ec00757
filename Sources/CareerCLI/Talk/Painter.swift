/// ANSI colour for the talk's screens, or the text as it is when colour is off.
struct Painter {
    let color: Bool

    /// `text` in the SGR colour `code` (e.g. "1;34" for bold blue).
    func callAsFunction(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
