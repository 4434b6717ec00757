import Foundation
import Testing

@testable import CareerKit

/// Point 4 of issue 13: values from data reach a terminal, an error message or a CSV cell
/// only as printable text, and only as a short excerpt.
@Suite struct PrintableTextTests {
    let prompts = TestSupport.prompts
    /// The answer of the issue: retitles the terminal, rings the bell, clears the screen.
    static let hostile = "\u{1B}]0;PWNED\u{07}\u{1B}[2J"

    @Test func controlCharactersAreWrittenOutAsEscapes() {
        #expect(PrintableText.escaped(Self.hostile) == "\\u{1B}]0;PWNED\\u{7}\\u{1B}[2J")
        #expect(PrintableText.escaped("a\nb\tc\r") == "a\\nb\\tc\\r")
        #expect(PrintableText.escaped("del\u{7F} c1\u{9B}") == "del\\u{7F} c1\\u{9B}")
        #expect(PrintableText.escaped("Ana\u{202E}evil\u{2028}") == "Ana\\u{202E}evil\\u{2028}")
        #expect(PrintableText.escaped("Zoë Ångström, 李") == "Zoë Ångström, 李")
    }

    @Test func anExcerptIsShortAndSaysItWasCut() {
        let long = String(repeating: "root:*:", count: 20)
        #expect(PrintableText.quoted(long) == "'" + String(long.prefix(60)) + "…'")
        #expect(PrintableText.quoted("E1042") == "'E1042'")
        #expect(PrintableText.quoted(String(repeating: "x", count: 60)) == "'" + String(repeating: "x", count: 60) + "'")
        #expect(PrintableText.quoted("\u{1B}[2J", limit: 2) == "'\\u{1B}[…'")
    }

    @Test func strippedTextKeepsLineBreaksAndTabsOnly() {
        #expect(PrintableText.stripped("a\u{07}b\nc\td\u{1B}e\u{202E}") == "ab\nc\tde")
        #expect(PrintableText.stripped("plain") == "plain")
    }

    @Test func aHostileAnswerIsEscapedInTheErrorMessage() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("a.yaml").path
        try "person: {name: Ana, current_level: ic.senior}\nanswers:\n  contributor: {depth.mastery: \"\\e]0;PWNED\\a\\e[2J\"}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let found = TestSupport.diagnostics { _ = try AnswersFile.load(path: path, prompts: prompts) }
        #expect(found.map(\.description) == [
            "\(path):3:32: contributor item 'depth.mastery': '\\u{1B}]0;PWNED\\u{7}\\u{1B}[2J' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)"
        ])
    }

    @Test func aHostileCellIsEscapedInErrorsCSVAndTheOutcome() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try BulkTestKit.write(
            BulkTestKit.sheet([BulkTestKit.person(0, ["contributor.depth.mastery": Self.hostile, "person.id": "\u{1B}[31mE1"])]),
            to: root.appendingPathComponent("hostile.csv"))
        let out = root.appendingPathComponent("out")
        let outcome = try BulkTestKit.run([sheet], into: out)
        #expect(outcome.failed == 1)
        let raw = try Data(contentsOf: out.appendingPathComponent("errors.csv"))
        #expect(!raw.contains(0x1B) && !raw.contains(0x07), "a control character reached errors.csv")
        let rows = try BulkTestKit.records(out, "errors.csv")
        #expect(rows.count == 2)
        #expect(rows.last?.last == "contributor item 'depth.mastery': '\\u{1B}]0;PWNED\\u{7}\\u{1B}[2J' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)")
        #expect(outcome.errors.map(\.description).allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func aNameWithEscapesReachesNoSheetRaw() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // Person fields lose their control characters when read; the id here is the only one.
        let sheet = try BulkTestKit.write(
            BulkTestKit.sheet([BulkTestKit.person(0, ["person.name": "Ana\u{1B}[2J Silva", "person.id": "E1"])]),
            to: root.appendingPathComponent("names.csv"))
        let out = root.appendingPathComponent("out")
        _ = try BulkTestKit.run([sheet], into: out)
        let summary = try BulkTestKit.records(out, "summary.csv")
        #expect(summary.count == 2)
        #expect(summary.last?[1] == "Ana[2J Silva")
        #expect(!(try Data(contentsOf: out.appendingPathComponent("summary.csv"))).contains(0x1B))
    }

    @Test func everyCSVCellIsOneLineOfPrintableText() {
        #expect(CSVFile.line(["a\nb", "\u{1B}[2J", "x,y"]) == "a\\nb,\\u{1B}[2J,\"x,y\"\n")
    }
}
