import Foundation
import Yams

/// Reads YAML or JSON text into a tree of nodes that remember their line and column.
///
/// JSON is checked with Foundation's strict parser first (YAML would accept things
/// JSON does not), then composed with Yams so every value keeps its position.
public enum DataDocument {
    public enum Syntax: Sendable { case yaml, json }

    public static func syntax(forPath path: String) -> Syntax {
        path.lowercased().hasSuffix(".json") || path.lowercased().hasSuffix(".jsonl") ? .json : .yaml
    }

    /// Reads a whole file as UTF-8 text.
    ///
    /// - Parameters:
    ///   - fromFolder: the file was found by listing a folder rather than named by the
    ///     person: a symbolic link is not followed and anything but a regular file is refused.
    ///   - limit: the most bytes the file may have; a larger one is refused unread.
    ///   - what: what the file is, for the message when it is too large.
    static func readText(atPath path: String, fromFolder: Bool = false, limit: Int? = nil, what: String = "an answers file")
        throws -> String
    {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (fromFolder ? O_NOFOLLOW : 0))
        guard descriptor >= 0 else {
            let failure = errno
            switch failure {
            case ENOENT: throw CareerError.cannotRead(path: path, reason: "no such file")
            case ELOOP where fromFolder:
                throw CareerError.cannotRead(path: path, reason: "it is a symbolic link, and links in an input folder are not followed")
            default: throw CareerError.cannotRead(path: path, reason: PrivateFile.describe(failure))
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CareerError.cannotRead(path: path, reason: PrivateFile.describe(errno)) }
        let kind = status.st_mode & S_IFMT
        if kind == S_IFDIR { throw CareerError.cannotRead(path: path, reason: "it is a folder") }
        if kind != S_IFREG {
            if fromFolder { throw CareerError.cannotRead(path: path, reason: "it is not a regular file") }
            // A pipe named on the command line (`--answers <(...)`): read it to its end.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        }
        if let limit, Int(status.st_size) > limit { throw tooLarge(path, limit: limit, what: what) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CareerError.cannotRead(path: path, reason: PrivateFile.describe(errno))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[..<count])
            if let limit, data.count > limit { throw tooLarge(path, limit: limit, what: what) }
        }
        // Validated as it is: a byte order mark stays in the text, for the JSON check to see.
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CareerError.invalidData([
                Diagnostic(path: path, line: 1, column: 1, message: "the file is not UTF-8 text")
            ])
        }
        return text
    }

    private static func tooLarge(_ path: String, limit: Int, what: String) -> CareerError {
        .invalidData([
            Diagnostic(path: path, line: 1, column: 1, message: "the file is larger than \(limit / 1024) KiB, the most \(what) may have")
        ])
    }

    /// Parses `text`; syntax errors go to `log` and the result is nil.
    static func parse(_ text: String, syntax: Syntax, log: DiagnosticLog, lineOffset: Int = 0) -> Node? {
        var text = text
        if syntax == .json {
            if let problem = StrictJSON.firstProblem(in: text) {
                log.add(problem.message, line: problem.line + lineOffset, column: problem.column)
                return nil
            }
            // libyaml reads no escaped surrogate pair (`\ud83d\ude00`, as many JSON writers
            // escape an emoji): the character itself is put in its place, checked as a pair above.
            text = StrictJSON.unescapingSurrogatePairs(text)
        }
        if let refusal = YAMLExpansion.check(text) {
            log.add(refusal.message, line: refusal.line + lineOffset, column: refusal.column)
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else {
                log.add("the file is empty", line: 1 + lineOffset, column: 1)
                return nil
            }
            // A tag asks for a type (`!!binary`, `!!python/object`) the reader would otherwise
            // drop without a word: refused, like every other thing the format does not have.
            let tags = YAMLTags.explicit(in: node, text: text)
            guard tags.isEmpty else {
                for tag in tags {
                    log.add(
                        "YAML tags are not allowed, found \(PrintableText.quoted(tag.text)); write the value without it",
                        line: tag.line + lineOffset, column: tag.column)
                }
                return nil
            }
            return node
        } catch let error as YamlError {
            let (message, line, column) = describe(error)
            log.add(message, line: line + lineOffset, column: column)
            return nil
        } catch {
            log.add("cannot be read: \(PrintableText.excerpt("\(error)", limit: 200))", line: 1 + lineOffset, column: 1)
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (String, Int, Int) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                return ("malformed YAML: lists and mappings nest too deep", mark.line, mark.column)
            }
            let where_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return ("malformed YAML: \(problem)\(where_)", mark.line, mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { PrintableText.quoted($0) }.joined(separator: ", ")
            return ("the key \(keys) appears more than once", context.mark.line, context.mark.column)
        case .reader(let problem, _, _, _):
            return ("the file cannot be read as text: \(problem)", 1, 1)
        default:
            // Yams's own description can quote the file: an excerpt only.
            return ("malformed YAML: \(PrintableText.excerpt("\(error)", limit: 200))", 1, 1)
        }
    }
}
