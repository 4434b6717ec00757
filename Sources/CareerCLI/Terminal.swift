import CareerKit
import Foundation

/// Standard output and standard error, written without Swift's buffering surprises.
struct Terminal {
    let handle: FileHandle

    static let standardOutput = Terminal(handle: .standardOutput)
    static let standardError = Terminal(handle: .standardError)
    static let standardInput = Terminal(handle: .standardInput)

    /// Writes all of `text`. Output that cannot be written (a full disk behind standard
    /// output, a closed pipe) ends the program through `ExitStatus.outputFailed`: Foundation's
    /// `FileHandle.write` would crash instead.
    func write(_ text: String) {
        var bytes = text
        let failure: Int32 = bytes.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(handle.fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if failure != 0 { ExitStatus.outputFailed(failure, standardError: handle.fileDescriptor == STDERR_FILENO) }
    }

    /// Whether this stream is connected to a terminal.
    var isTTY: Bool { isatty(handle.fileDescriptor) == 1 }

    /// The terminal's width in columns: `COLUMNS`, the window size, or 80.
    var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            return columns
        }
        var size = winsize()
        if ioctl(handle.fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }

    /// The terminal's height in rows: `LINES`, the window size, or 24.
    var height: Int {
        if let lines = ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init), lines > 2 {
            return lines
        }
        var size = winsize()
        if ioctl(handle.fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 2 { return Int(size.ws_row) }
        return 24
    }

    /// Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb.
    var usesColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTTY
    }

    var reportStyle: TerminalReport.Style {
        TerminalReport.Style(width: width, color: usesColor)
    }
}
