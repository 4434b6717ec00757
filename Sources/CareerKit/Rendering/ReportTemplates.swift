import Foundation
import Mustache

/// The report templates in `prompts/templates/`: logic-less Mustache, so a company can
/// restyle a plan without touching Swift. `{{name}}` escapes what it inserts.
public struct ReportTemplates: Sendable {
    public static let folder = "templates"
    public static let markdownFile = "plan.md.mustache"
    public static let htmlFile = "plan.html.mustache"

    let markdown: MustacheTemplate
    let html: MustacheTemplate

    /// Escapes text for Markdown: no HTML, links or images get through, and a `|` cannot break
    /// a table.
    struct MarkdownContentType: MustacheContentType {
        /// The bytes escapeText changes: & < > | [ ], the backtick and the newline.
        static func needsEscaping(_ byte: UInt8) -> Bool {
            switch byte {
            case 38, 60, 62, 124, 10, 91, 93, 96: return true
            default: return false
            }
        }

        func escapeText(_ text: String) -> String {
            // Most values need nothing: check the bytes before building a new string.
            if !text.utf8.contains(where: Self.needsEscaping) { return text }
            var escaped = ""
            escaped.reserveCapacity(text.count)
            for character in text {
                switch character {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "|": escaped += "\\|"
                // No link or image can be made from typed text (an image would load from afar).
                case "[": escaped += "\\["
                case "]": escaped += "\\]"
                case "`": escaped += "\\`"
                case "\n": escaped += " "
                default: escaped.append(character)
                }
            }
            return escaped
        }
    }

    private static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        return true
    }()

    /// Reads and parses both templates; parse errors are logged with their position.
    static func load(from directory: String, log: (String) -> DiagnosticLog) -> ReportTemplates? {
        _ = registered
        func read(_ name: String) -> MustacheTemplate? {
            let path = directory + "/" + folder + "/" + name
            let fileLog = log(path)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                fileLog.add("the report template is missing or not UTF-8 text", line: 1, column: 1)
                return nil
            }
            do {
                return try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                fileLog.add(
                    "the template cannot be read: \(describe(error.error))", line: error.context.lineNumber,
                    column: error.context.columnNumber)
                return nil
            } catch {
                fileLog.add("the template cannot be read: \(error)", line: 1, column: 1)
                return nil
            }
        }
        let markdown = read(markdownFile)
        let html = read(htmlFile)
        guard let markdown, let html else { return nil }
        return ReportTemplates(markdown: markdown, html: html)
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with a different name than it was opened"
        case .unfinishedName?: return "a tag is not finished; every {{ needs its }}"
        case .expectedSectionEnd?: return "a section is opened but never closed with {{/name}}"
        case .invalidSetDelimiter?: return "a set-delimiter tag is malformed"
        case .unrecognisedConfigVariable?: return "unknown pragma; allowed: CONTENT_TYPE: HTML, TEXT or MARKDOWN"
        default: return "\(error)"
        }
    }
}
