import Foundation
import Mustache

/// The report templates in `prompts/templates/`: logic-less Mustache, so a company can
/// restyle a plan without touching Swift. `{{name}}` escapes what it inserts.
public struct ReportTemplates: Sendable {
    public static let folder = "templates"
    public static let markdownFile = "plan.md.mustache"
    public static let htmlFile = "plan.html.mustache"

    /// The most bytes a template may have: six times the shipped HTML one. swift-mustache's
    /// parser takes time that grows with the square of a template's length (a megabyte took
    /// over a minute), so a larger file is refused before it is parsed.
    static let maximumBytes = 64 * 1024
    /// The deepest sections may nest (the shipped templates nest four deep).
    static let maximumNesting = 24

    let markdown: MustacheTemplate
    let html: MustacheTemplate
    /// Per template file and per list of notes (`NoteList`), whether that list comes before
    /// the plan's activities (`plan.items`) in the document; a list is absent when the
    /// template does not show it or shows no activities. A note that points "above" or
    /// "below" is checked against where its list stands (`PlanCheck`).
    public var notesBeforeItems: [String: [NoteList: Bool]] = [:]

    /// The lists a template may show a plan's notes in.
    public enum NoteList: String, Sendable, CaseIterable {
        /// Every note (`plan.notes`), as companies' own templates may still show them.
        case all = "plan.notes"
        /// The notes that lead, before the first activity (`plan.lead_notes`).
        case lead = "plan.lead_notes"
        /// The rest, under Notes at the end (`plan.end_notes`).
        case end = "plan.end_notes"
    }

    /// Escapes text for Markdown: no HTML, links or images get through, a `|` cannot break
    /// a table, and text cannot start a heading, list or rule (a note such as `# Leaving`
    /// stays a sentence).
    struct MarkdownContentType: MustacheContentType {
        /// The bytes escapeText changes: & < > | [ ], the backtick and the newline.
        static func needsEscaping(_ byte: UInt8) -> Bool {
            switch byte {
            case 38, 60, 62, 124, 10, 91, 93, 96: return true
            default: return false
            }
        }

        /// Where a backslash keeps the start of `text` from being read as a heading (`# `),
        /// a list item (`- `, `+ `, `* `, `12. `, `3) `) or a rule (`---`, `* * *`, `___`):
        /// the offset of the mark to escape, or nil when the text starts as plain text.
        static func leadingMark(_ text: String) -> Int? {
            let bytes = text.utf8
            guard let first = bytes.first else { return nil }
            let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
            /// Whether the mark ending `count` bytes in is followed by a space, a tab or nothing.
            func endsMark(after count: Int) -> Bool {
                guard let next = bytes.dropFirst(count).first else { return true }
                return next == space || next == tab
            }
            switch first {
            case UInt8(ascii: "#"):
                let hashes = bytes.prefix { $0 == first }.count
                return hashes <= 6 && endsMark(after: hashes) ? 0 : nil
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "_"):
                if first != UInt8(ascii: "_"), endsMark(after: 1) { return 0 }
                // A rule: three or more of one mark, spaces between allowed, nothing else.
                guard first != UInt8(ascii: "+"), bytes.allSatisfy({ $0 == first || $0 == space || $0 == tab }) else { return nil }
                return bytes.lazy.filter { $0 == first }.count >= 3 ? 0 : nil
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
                let digits = bytes.prefix(while: isDigit).count
                guard digits <= 9, let after = bytes.dropFirst(digits).first,
                    after == UInt8(ascii: ".") || after == UInt8(ascii: ")"), endsMark(after: digits + 1)
                else { return nil }
                return digits
            default:
                return nil
            }
        }

        func escapeText(_ text: String) -> String {
            let text = Self.escapeInline(text)
            guard let mark = Self.leadingMark(text) else { return text }
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: mark)
            return String(text[..<index]) + "\\" + String(text[index...])
        }

        private static func escapeInline(_ text: String) -> String {
            text.replacingCharacters(ifAnyByte: Self.needsEscaping) {
                switch $0 {
                case "&": "&amp;"
                case "<": "&lt;"
                case ">": "&gt;"
                case "|": "\\|"
                // No link or image can be made from typed text (an image would load from afar).
                case "[": "\\["
                case "]": "\\]"
                case "`": "\\`"
                case "\n": " "
                default: nil
                }
            }
        }
    }

    /// Escapes text for HTML exactly as swift-mustache's own HTML type does (`&`, `<`, `>`,
    /// `"`, `'`), but returns a text with none of them as it is instead of rebuilding it a
    /// character at a time: that rebuilding was a third of an HTML plan's cost. Registered as
    /// `HTML`, so the shipped template's first line, `{{% CONTENT_TYPE: HTML}}`, selects it.
    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { text.htmlEscaped }
    }

    private static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
        return true
    }()

    /// Reads and parses both templates; parse errors are logged with their position.
    static func load(from directory: String, log: (String) -> DiagnosticLog) -> ReportTemplates? {
        _ = registered
        var placement: [String: [NoteList: Bool]] = [:]
        func read(_ name: String, contentType: String) -> MustacheTemplate? {
            let path = directory + "/" + folder + "/" + name
            let fileLog = log(path)
            let text: String
            do {
                text = try DataDocument.readText(atPath: path, limit: maximumBytes, what: "a report template")
            } catch let error as CareerError {
                if case .invalidData(let problems) = error {
                    for problem in problems { fileLog.add(problem.message, line: problem.line, column: problem.column) }
                } else {
                    fileLog.add("the report template is missing or cannot be read", line: 1, column: 1)
                }
                return nil
            } catch {
                fileLog.add("the report template cannot be read", line: 1, column: 1)
                return nil
            }
            // swift-mustache parses sections by recursion: a deep nest would overflow the stack.
            if let deep = TemplateKeyCheck.firstSectionDeeper(than: maximumNesting, in: text) {
                fileLog.add(
                    "sections nest more than \(maximumNesting) deep here; allowed: up to \(maximumNesting)", line: deep.line,
                    column: deep.column)
                return nil
            }
            do {
                let template = try MustacheTemplate(string: text)
                if let items = text.range(of: "{{#plan.items}}") {
                    for list in NoteList.allCases {
                        guard let notes = text.range(of: "{{#\(list.rawValue)}}") else { continue }
                        placement[name, default: [:]][list] = notes.lowerBound < items.lowerBound
                    }
                }
                // A tag that names no key of the plan would render as empty text: say so.
                for problem in TemplateKeyCheck.problems(in: text, schema: .plan, contentType: contentType) {
                    fileLog.add(problem.message, line: problem.line, column: problem.column)
                }
                return template
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
        let markdown = read(markdownFile, contentType: "MARKDOWN")
        let html = read(htmlFile, contentType: "HTML")
        guard let markdown, let html else { return nil }
        return ReportTemplates(markdown: markdown, html: html, notesBeforeItems: placement)
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
