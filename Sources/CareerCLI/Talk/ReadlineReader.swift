import CareerKit
import CReadline
import Foundation
import Synchronization

/// The words TAB may complete; read by readline's C callback, written by the loop.
private let completionWords = Mutex<[String]>([])
/// The matches of the word being completed, between readline's calls for one TAB.
private let completionMatches = Mutex<[String]>([])

/// Readline calls this with state 0 for a new word, then 1, 2, ... until it returns nil.
private let completionGenerator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = {
    text, state in
    let prefix = text.map { String(cString: $0) } ?? ""
    if state == 0 {
        let lowered = prefix.lowercased()
        let matches = completionWords.withLock { words in
            words.filter { $0.lowercased().hasPrefix(lowered) }
        }
        completionMatches.withLock { $0 = matches }
    }
    let match = completionMatches.withLock { matches in
        Int(state) < matches.count ? matches[Int(state)] : nil
    }
    return match.flatMap { strdup($0) }
}

/// Reads lines with GNU Readline: editing, a history (bare commands kept in a file; see
/// `LineHistory`), TAB completion, and Ctrl-C clearing the line being typed.
struct ReadlineReader: LineReader {
    var isInteractive: Bool { true }
    let historyPath: String?

    init(historyPath: String?) {
        self.historyPath = historyPath
        creadline_set_name("careerpath")
        creadline_disable_bracketed_paste()
        creadline_set_completion(completionGenerator)
        creadline_set_word_breaks(Self.wordBreaks)
        creadline_install_interrupt_handling()
        if let historyPath {
            // Without the file, readline keeps the session's history in memory only.
            try? PrivateFile.makeDirectory(PathName.parent(of: historyPath))
            PrivateFile.createEmptyIfMissing(historyPath)
        }
        creadline_history_start(historyPath, 1000)
    }

    func read(prompt: String) -> LineInput {
        guard let pointer = readline(prompt) else {
            Terminal.standardOutput.write("\n")
            return .end
        }
        defer { free(pointer) }
        let line = String(cString: pointer)
        // A note is personal text about someone: it enters no history at all. Answers stay in
        // this session's; only bare commands are kept in the file.
        switch LineHistory.keeping(line) {
        case .nowhere: break
        case .session: creadline_history_add(pointer, nil)
        case .file: creadline_history_add(pointer, historyPath)
        }
        return .line(line)
    }

    func setCompletions(_ completions: Completions) {
        completionWords.withLock { $0 = completions.words }
        creadline_set_word_breaks(completions.wholeLine ? "" : Self.wordBreaks)
        creadline_set_sort_matches(completions.wholeLine ? 0 : 1)
    }

    /// Where one completed word ends and the next begins, outside whole-line completion.
    static let wordBreaks = " \t\n,;"
}
