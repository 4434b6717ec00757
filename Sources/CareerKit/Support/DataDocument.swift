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
    static func readText(atPath path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw CareerError.cannotRead(
                    path: path, reason: isDirectory.boolValue ? "it is a folder" : "permission denied")
            }
            throw CareerError.cannotRead(path: path, reason: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CareerError.invalidData([
                Diagnostic(path: path, line: 1, column: 1, message: "the file is not UTF-8 text")
            ])
        }
        return text
    }

    /// Parses `text`; syntax errors go to `log` and the result is nil.
    static func parse(_ text: String, syntax: Syntax, log: DiagnosticLog, lineOffset: Int = 0) -> Node? {
        if syntax == .json, let problem = jsonProblem(in: text) {
            log.add(problem.message, line: problem.line + lineOffset, column: problem.column)
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.add("the file is empty", line: 1 + lineOffset, column: 1)
                return nil
            }
            return node
        } catch let error as YamlError {
            let (message, line, column) = describe(error)
            log.add(message, line: line + lineOffset, column: column)
            return nil
        } catch {
            log.add("cannot be read: \(error)", line: 1 + lineOffset, column: 1)
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (String, Int, Int) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let where_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return ("malformed YAML: \(problem)\(where_)", mark.line, mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { PrintableText.quoted($0) }.joined(separator: ", ")
            return ("the key \(keys) appears more than once", context.mark.line, context.mark.column)
        case .reader(let problem, _, _, _):
            return ("the file cannot be read as text: \(problem)", 1, 1)
        default:
            return ("malformed YAML: \(error)", 1, 1)
        }
    }

    /// Returns the first JSON syntax problem and its position, or nil when the JSON is well formed.
    static func jsonProblem(in text: String) -> (message: String, line: Int, column: Int)? {
        let data = Data(text.utf8)
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let debug = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            let atEnd = debug.lowercased().contains("end of file") || debug.lowercased().contains("end of data")
            let offset = debug.range(of: #"character (\d+)"#, options: .regularExpression)
                .flatMap { Int(debug[$0].dropFirst("character ".count)) } ?? (atEnd ? data.count : 0)
            let (line, column) = position(ofUTF8Offset: offset, in: data)
            var message = debug
            if let around = message.range(of: " around ") { message = String(message[..<around.lowerBound]) }
            if message.hasSuffix(".") { message.removeLast() }
            return ("malformed JSON: \(message.prefix(1).lowercased() + message.dropFirst())", line, column)
        }
    }

    private static func position(ofUTF8Offset offset: Int, in data: Data) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
