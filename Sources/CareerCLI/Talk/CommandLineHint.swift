import Foundation

/// A careerpath command written the way the person can run it as printed: started by
/// `scripts/careerpath` (which says so in `CAREERPATH_COMMAND`), by a path, or from the PATH.
enum CommandLineHint {
    /// How this program was started: `scripts/careerpath`, `careerpath`, or its path.
    static var program: String {
        if let given = ProcessInfo.processInfo.environment["CAREERPATH_COMMAND"], !given.isEmpty { return quoted(given) }
        return quoted(CommandLine.arguments.first ?? "careerpath")
    }

    /// `program` followed by the arguments, each quoted for a shell when it needs to be.
    static func command(_ arguments: String...) -> String {
        command(arguments)
    }

    static func command(_ arguments: [String]) -> String {
        ([program] + arguments.map(quoted)).joined(separator: " ")
    }

    /// A word as a POSIX shell reads it: as is when it is plain, in double quotes when that
    /// is enough, else in single quotes.
    static func quoted(_ word: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(plain.contains) { return word }
        if !word.contains(where: { "\"$`\\!".contains($0) }) { return "\"" + word + "\"" }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
