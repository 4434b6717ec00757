import Foundation
import Testing
import Yams

@testable import CareerKit

/// Issue 20: files that would hang, crash or mislead careerpath are refused at their place,
/// quickly, with what is allowed; names and paths that crashed Foundation are handled.
@Suite struct HostileInputTests {
    let prompts = TestSupport.prompts

    /// Twelve anchors of ten aliases each: 10^12 values once expanded (the 2.5 KB file).
    static let aliasBomb: String = {
        var lines = ["# a comment with a ! in it", "person: {name: Ana, current_level: ic.senior}", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...12 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\nanswers: {}\n"
    }()

    func problems(ofAnswers text: String, name: String = "answers.yaml") throws -> [String] {
        try StrictInputTests().problems(text, name: name)
    }

    // MARK: - 1: alias expansion is bounded

    @Test func anAliasBombIsRefusedAtTheAliasThatPassesTheLimit() throws {
        #expect(try problems(ofAnswers: Self.aliasBomb) == [
            "answers.yaml:8:10: the aliases expand this file to more than 200000 values (at '*a4'); write the values out instead"
        ])
    }

    @Test func aFewAliasesStillRead() {
        let text = "base: &b {x: 1, y: [1, 2, 3]}\none: *b\ntwo: *b\n"
        // `base` and its mapping (8 values: x, 1, y, and the list of three) make 9; each key
        // and alias after it add 1 and 8: 18, then 27.
        #expect(YAMLExpansion.check(text) == nil)
        #expect(YAMLExpansion.check(text, limit: 27) == nil)
        #expect(YAMLExpansion.check(text, limit: 26) == YAMLExpansion.Refusal(
            message: "the aliases expand this file to more than 26 values (at '*b'); write the values out instead", line: 3, column: 6))
        #expect(YAMLExpansion.check(text, limit: 17)?.line == 2)
    }

    @Test func aliasesAsMappingKeysAreCountedToo() {
        // Yams hashes every key to find duplicates: aliased keys expand there as well.
        var lines = ["k0: &k0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}"]
        for level in 1...12 {
            let keys = (0..<10).map { "? [\($0), *k\(level - 1)] : \($0)" }.joined(separator: ", ")
            lines.append("k\(level): &k\(level) {\(keys)}")
        }
        let refusal = YAMLExpansion.check(lines.joined(separator: "\n") + "\n")
        #expect(refusal?.line == 5)
    }

    @Test func aPromptsFileWithAnAliasBombIsRefused() throws {
        let folder = try TestSupport.promptsCopy(editing: PromptSet.weightsFile) { $0 + "\n" + Self.aliasBomb.replacingOccurrences(of: "answers: {}\n", with: "") }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let found = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("the aliases expand this file to more than 200000 values") == true)
    }

    // MARK: - 5: paths Foundation crashed on

    @Test(arguments: [
        ("x", "", "x"), ("p/2026", "p", "2026"), ("d/history.sqlite", "d", "history.sqlite"), ("/x", "/", "x"),
        ("./x", ".", "x"), ("x/", "", "x"), ("a/b/", "a", "b"), ("/", "/", "/"), ("a//b", "a", "b"), (".", "", "."),
    ])
    func pathsSplitWithoutFoundation(path: String, parent: String, last: String) {
        #expect(PathName.parent(of: path) == parent)
        #expect(PathName.last(of: path) == last)
    }

    @Test func pathsJoinWithOneSlash() {
        #expect(PathName.join("a", "b.md") == "a/b.md")
        #expect(PathName.join("a/", "b.md") == "a/b.md")
        #expect(PathName.join("", "b.md") == "b.md")
    }

    // MARK: - 6: names cut by bytes

    @Test func aLongNameInCJKIsCutToBytesBetweenCharacters() {
        let name = SafeFileName.make(String(repeating: "名", count: 90))
        #expect(name == String(repeating: "名", count: 40))
        #expect(name.utf8.count == 120)
        let accented = SafeFileName.make(String(repeating: "é", count: 79) + "x")
        #expect(accented.utf8.count <= SafeFileName.byteLimit)
        #expect(accented == String(repeating: "é", count: 60))
    }

    @Test func aPrefixByBytesNeverSplitsACharacter() {
        #expect("aé名b".prefix(bytes: 3) == "aé")
        #expect("aé名b".prefix(bytes: 5) == "aé")
        #expect("aé名b".prefix(bytes: 6) == "aé名")
        #expect("abc".prefix(bytes: 10) == "abc")
    }

    @Test func aSessionIDFromTheLongestNameStaysWithinAFileName() {
        let id = SessionStore.newID(person: String(repeating: "名", count: 200), date: "2026-12-04")
        #expect(SessionStore.isValidID(id))
        #expect((id + ".json").utf8.count <= 255 - 41)
    }
}
