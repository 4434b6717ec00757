import CareerKit
import Foundation

/// Reads plain lines from standard input: for pipes, files and CI, with no escape codes.
struct PlainReader: LineReader {
    var isInteractive: Bool { false }

    func read(prompt: String) -> LineInput {
        Terminal.standardOutput.write(prompt)
        guard let line = readLine(strippingNewline: true) else {
            Terminal.standardOutput.write("\n")
            return .end
        }
        // A piped answer is not echoed by a terminal: show it, so a transcript reads well.
        // Escaped: a control sequence in the input must not act on the terminal showing it.
        Terminal.standardOutput.write(PrintableText.escaped(line) + "\n")
        return .line(line)
    }

    func setCompletions(_ completions: Completions) {}
}
