import Foundation

/// The line-editing history of `talk` (`$XDG_STATE_HOME/careerpath/history`): what may enter
/// it, and taking a person's lines out of it.
///
/// Only bare commands (`:back`, `:skip`, ...) are kept in the file, as they carry nothing
/// personal. Answers stay in memory for the session's up-arrow. A note (`:note TEXT`) is
/// personal text about someone and enters neither.
public enum LineHistory {
    /// Where a typed line may go.
    public enum Keeping: Equatable, Sendable {
        /// Nowhere: a note.
        case nowhere
        /// The session's own history only (up-arrow), not the file.
        case session
        /// The session's history and the file.
        case file
    }

    /// Where a line typed at a prompt may be kept.
    public static func keeping(_ line: String) -> Keeping {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || isNote(trimmed) { return .nowhere }
        guard trimmed.hasPrefix(":") else { return .session }
        // A command with an argument could carry anything: only a bare command goes to the file.
        return trimmed.contains(where: \.isWhitespace) ? .session : .file
    }

    /// The line-editing history's path, once it is sure nothing but a regular file (or
    /// nothing yet) is at it: readline appends through a link, into a file whose permissions
    /// careerpath does not choose.
    ///
    /// - Throws: `CareerError.cannotWrite` naming the link.
    public static func refusingLinks(_ path: String) throws -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else { return path }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return path
        case S_IFLNK:
            throw CareerError.cannotWrite(
                path: path,
                reason: "it is a symbolic link; careerpath never writes the line-editing history through a link (its target may be readable by others): remove the link")
        default:
            throw CareerError.cannotWrite(path: path, reason: "it is not a regular file; remove it")
        }
    }

    /// Whether a line is a note (`:note ...`, `:n ...`, any case).
    static func isNote(_ line: String) -> Bool {
        let first = line.trimmingCharacters(in: .whitespaces).split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        return TalkCommand(word: first) == .note
    }

    /// Whether a line of the history names a person: one of `terms` (names and ids) appears
    /// in it as a whole word, ignoring case. Each term of several words counts too word by
    /// word (a first name alone names the person), but not a single letter.
    static func names(_ line: String, terms: [String]) -> Bool {
        let words = Set(words(of: line))
        let lowered = line.lowercased()
        for term in terms {
            let parts = Self.words(of: term)
            guard !parts.isEmpty else { continue }
            if parts.count > 1, lowered.contains(parts.joined(separator: " ")) { return true }
            if parts.contains(where: { $0.count >= 2 && words.contains($0) }) { return true }
        }
        return false
    }

    private static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".-")) }.filter { !$0.isEmpty }
    }

    /// The lines of the history file that a `forget` of the person would remove: every note
    /// (notes never belong there; older versions kept them) and every line naming the person.
    public static func lines(in path: String, naming terms: [String]) -> [String] {
        guard let text = try? DataDocument.readText(atPath: path) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { isNote($0) || names($0, terms: terms) }
    }

    /// Removes those lines from the file (rewritten aside and renamed into place; when the
    /// file is a link, the file it points to, so no copy of the lines stays behind).
    ///
    /// - Returns: how many lines went.
    @discardableResult
    public static func remove(in path: String, naming terms: [String]) throws -> Int {
        guard let resolved = realpath(path, nil) else { return 0 }
        let path = String(cString: resolved)
        free(resolved)
        guard let text = try? DataDocument.readText(atPath: path) else { return 0 }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let kept = lines.filter { !(isNote($0) || names($0, terms: terms)) }
        guard kept.count < lines.count else { return 0 }
        try PrivateFile.write(kept.joined(separator: "\n"), to: path, durably: true)
        return lines.count - kept.count
    }
}
