/// Every error the library reports. The command line maps each case to one exit code.
public enum CareerError: Error, Equatable, Sendable {
    /// A data file (prompts, answers, CSV) has one or more mistakes.
    case invalidData([Diagnostic])
    /// A file or folder could not be read.
    case cannotRead(path: String, reason: String)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// A request that makes no sense, such as a name more than one person has.
    case usage(String)
    /// Nobody (and no session) matches the person or session named.
    case unknownPerson(String)
    /// The history database is damaged or is not a careerpath history.
    case damagedDatabase(path: String, reason: String)
    /// The shared history's server cannot be reached (down, slow, or gone mid-way).
    case unavailable(place: String, reason: String)
    /// The shared history's server refused: the login, or something the login may not do.
    case refused(place: String, reason: String)
    /// Another process holds what is needed for now (a session open in another talk): try
    /// again once it is done.
    case busy(String)
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
        case .usage(let message), .unknownPerson(let message), .busy(let message):
            return PrintableText.escaped(message)
        case .damagedDatabase(let path, let reason) where path.lowercased().hasPrefix("postgres"):
            // A server is not moved aside: the row is put right where it is.
            return "the shared history \(PrintableText.escaped(path)) holds what careerpath never writes "
                + "(\(PrintableText.escaped(reason))); its administrator corrects or deletes that row"
        case .damagedDatabase(let path, let reason):
            return "the history database '\(PrintableText.escaped(path))' is damaged or not a careerpath history "
                + "(\(PrintableText.escaped(reason))); move it aside or restore it from a backup, "
                + "and careerpath starts a new one"
        case .unavailable(let place, let reason):
            return "the shared history \(PrintableText.escaped(place)) cannot be reached: \(PrintableText.escaped(reason))"
        case .refused(let place, let reason):
            return "the shared history \(PrintableText.escaped(place)) refused: \(PrintableText.escaped(reason))"
        }
    }
}
