import Foundation
import Testing

@testable import CareerKit

/// Issue 20, point 11 and 14 and the small ones: a prompts folder is edited by a company, so it
/// is read as untrusted: sizes, nesting, scale ranges and escaping are checked before use.
@Suite struct HostilePromptsTests {
    func problems(editing file: String, _ edit: (String) -> String) throws -> [String] {
        let folder = try TestSupport.promptsCopy(editing: file, edit)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
            .map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }

    func problems(inHTMLTemplate edit: @escaping (String) -> String) throws -> [String] {
        let folder = try TestSupport.promptsCopy(editing: "none") { $0 }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/templates/" + ReportTemplates.htmlFile
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
            .map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }

    @Test func aScaleOfABillionPointsIsRefusedWithOneLine() throws {
        let found = try problems(editing: PromptSet.bankFile) {
            $0.replacingOccurrences(of: "  agree6:\n    min: 1\n    max: 6\n", with: "  agree6:\n    min: 1\n    max: 1000000000\n")
        }
        // The scale's items then name a scale that is not there: reported after it.
        #expect(found.first == "bank.yaml:44:10: scale 'agree6' 'max' is 1000000000; allowed: -100..100")
    }

    @Test func aScaleOfTwelvePointsIsRefused() throws {
        let found = try problems(editing: PromptSet.bankFile) {
            $0.replacingOccurrences(of: "  agree6:\n    min: 1\n    max: 6\n", with: "  agree6:\n    min: 1\n    max: 12\n")
        }
        #expect(found.first == "bank.yaml:44:5: scale 'agree6' has 12 points; allowed: up to 11, each with its own label")
    }

    @Test(arguments: [
        ("3", "is a number, which reads as the choice's position"),
        (":quit", "starts with ':', which starts a command"),
        ("'?'", "is '?', which asks for help"),
    ])
    func aChoiceLabelThatReadsAsOtherInputIsRefused(label: String, reason: String) throws {
        let found = try problems(editing: PromptSet.bankFile) {
            $0.replacingOccurrences(of: "label: Yes, I am actively working toward one", with: "label: \(label)")
        }
        let shown = label == "'?'" ? "?" : label
        #expect(found == ["bank.yaml:123:13: item 'goal.promotion': the choice label '\(shown)' \(reason); use words"])
    }

    @Test func aListThatNamesAnItemTwiceIsRefused() throws {
        let original = try String(contentsOfFile: TestSupport.promptsDirectory + "/" + PromptSet.weightsFile, encoding: .utf8)
        let line = try #require(original.components(separatedBy: "\n").firstIndex { $0.contains("items: [depth.") })
        let found = try problems(editing: PromptSet.weightsFile) { text in
            var lines = text.components(separatedBy: "\n")
            lines[line] = lines[line].replacingOccurrences(of: "items: [depth.mastery,", with: "items: [depth.mastery, depth.mastery,")
            return lines.joined(separator: "\n")
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("weights.yaml:\(line + 1):") == true)
        #expect(found.first?.hasSuffix("lists 'depth.mastery' twice") == true)
    }

    @Test func aPromptsFileThatNeverEndsIsReadOnlyToItsLimit() throws {
        let folder = try TestSupport.promptsCopy(editing: "none") { $0 }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder + "/" + PromptSet.bankFile)
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + PromptSet.bankFile, withDestinationPath: "/dev/zero")
        let found = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        #expect(found.map(\.message) == ["the file is larger than 2048 KiB, the most a prompts file may have"])
    }

    // MARK: - Templates

    @Test(arguments: ["{{{goal}}}", "{{&goal}}", "{{& goal }}"])
    func anHTMLTemplateCannotInsertPeoplesTextUnescaped(tag: String) throws {
        let found = try problems { $0.replacingOccurrences(of: "</body>", with: tag + "\n</body>") }
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("'goal' is inserted without escaping; write {{goal}}: only careerpath's charts may be inserted as they are") == true)
    }

    @Test(arguments: ["TEXT", "MARKDOWN"])
    func anHTMLTemplateMustKeepItsContentType(type: String) throws {
        let found = try problems { $0.replacingOccurrences(of: "{{% CONTENT_TYPE: HTML}}", with: "{{% CONTENT_TYPE: \(type)}}") }
        #expect(found == [
            "templates/plan.html.mustache:1:1: this template must keep CONTENT_TYPE: HTML, found '\(type)'; another type would insert people's answers without escaping"
        ])
    }

    @Test func changingDelimitersIsRefused() throws {
        let found = try problems { $0.replacingOccurrences(of: "</body>", with: "{{=<% %>=}}<%&goal%>\n</body>") }
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("changing the delimiters ({{=...=}}) is not allowed in a report template: the tags after it could not be checked") == true)
    }

    @Test func theChartsMayBeInsertedAsTheyAre() throws {
        let text = try String(contentsOfFile: TestSupport.promptsDirectory + "/templates/" + ReportTemplates.htmlFile, encoding: .utf8)
        #expect(text.contains("{{{charts.fits}}}"))
        #expect(TemplateKeyCheck.problems(in: text, schema: .plan, contentType: "HTML").isEmpty)
    }

    @Test func sectionsNestedTooDeepAreRefusedBeforeParsing() throws {
        // 20,000 of them crashed every command; the size limit refuses those, this the rest.
        let deep = String(repeating: "{{#has_goal}}", count: 2_000) + String(repeating: "{{/has_goal}}", count: 2_000)
        let found = try problems { $0.replacingOccurrences(of: "</body>", with: deep + "\n</body>") }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasSuffix("sections nest more than 24 deep here; allowed: up to 24") == true)
    }

    @Test func aTemplateOfAMegabyteIsRefusedBeforeParsing() throws {
        let found = try problems { $0 + String(repeating: "<p>{{goal}}</p>\n", count: 70_000) }
        #expect(found == ["templates/plan.html.mustache:1:1: the file is larger than 64 KiB, the most a report template may have"])
    }
}
