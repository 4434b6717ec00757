import Foundation

/// Standard output and standard error, written without Swift's buffering surprises.
struct Terminal {
    let handle: FileHandle

    static let standardOutput = Terminal(handle: .standardOutput)
    static let standardError = Terminal(handle: .standardError)

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    /// Whether this stream is connected to a terminal.
    var isTTY: Bool { isatty(handle.fileDescriptor) == 1 }
}
