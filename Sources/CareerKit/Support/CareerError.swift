/// Every error the library reports. The command line maps each case to one exit code.
public enum CareerError: Error, Equatable, Sendable {
    /// A data file (prompts, answers, CSV) has one or more mistakes.
    case invalidData([Diagnostic])
    /// A file or folder could not be read.
    case cannotRead(path: String, reason: String)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// A request that makes no sense, such as an unknown session id.
    case usage(String)
}

extension CareerError: CustomStringConvertible {
    /// The message for a person; any control character from a path or a value is escaped.
    public var description: String {
        switch self {
        case .invalidData(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .cannotRead(let path, let reason):
            return "cannot read '\(PrintableText.escaped(path))': \(PrintableText.escaped(reason))"
        case .cannotWrite(let path, let reason):
            return "cannot write '\(PrintableText.escaped(path))': \(PrintableText.escaped(reason))"
        case .usage(let message):
            return PrintableText.escaped(message)
        }
    }
}
