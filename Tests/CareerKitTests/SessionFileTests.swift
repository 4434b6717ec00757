import Foundation
import Testing

@testable import CareerKit

/// Issue 20, points 2 and 8: a session file is input like any answers file. Its id names
/// files, so only an id careerpath could make is taken; its answers, level, names and date go
/// through the checks of an answers file, each problem at its line and column.
@Suite struct SessionFileTests {
    let prompts = TestSupport.prompts

    /// A saved self-assessment with two answers, as its text.
    func savedText(id: String = "20261204-ana-silva-0a1b2c3d") throws -> String {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var record = SessionRecord(
            id: id, person: Person(name: "Ana Silva", id: nil, currentLevel: "ic.senior", domain: nil), managerName: nil,
            mode: .selfAssessment, date: "2026-12-04", now: Date(timeIntervalSince1970: 1_796_000_000))
        record.record([.contributor: ["depth.mastery": .integer(5), "goal.statement": .text("Lead the data platform")]], skipped: [], now: Date(timeIntervalSince1970: 1_796_000_000))
        let store = SessionStore(directory: folder.path)
        try store.save(record)
        return try String(contentsOfFile: store.path(for: id), encoding: .utf8)
    }

    func problems(_ text: String) throws -> [String] {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("session.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return TestSupport.diagnostics { _ = try SessionStore.load(path: path, prompts: prompts) }
            .map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    func line(of needle: String, in text: String) -> Int { TestSupport.line(of: needle, in: text) }

    @Test func aSavedSessionReadsBackClean() throws {
        #expect(try problems(try savedText()) == [])
    }

    @Test(arguments: ["../../../../tmp/x/pwned", "", ".bashrc", "a/b", "x\u{0}y"])
    func anIDThatIsNotOneCareerpathMakesIsRefused(id: String) throws {
        let text = try savedText().replacingOccurrences(of: "\"20261204-ana-silva-0a1b2c3d\"", with: "\"\(id.replacingOccurrences(of: "\u{0}", with: "\\u0000"))\"")
        let found = try problems(text)
        let at = line(of: "\"id\" :", in: text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("session.json:\(at):") == true)
        #expect(found.first?.contains("is not one careerpath makes; allowed: letters, digits, '-' and '_'") == true)
    }

    @Test func anAnswerOutOfItsScaleIsRefusedAtItsPlace() throws {
        let text = try savedText().replacingOccurrences(of: "\"depth.mastery\" : 5", with: "\"depth.mastery\" : 99")
        let found = try problems(text)
        #expect(found == [
            "session.json:\(line(of: "depth.mastery", in: text)):25: contributor item 'depth.mastery': '99' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)"
        ])
    }

    @Test func aHugeNumberIsRefusedNotConverted() throws {
        let text = try savedText().replacingOccurrences(of: "\"depth.mastery\" : 5", with: "\"goal.horizon_months\" : 1e308")
        let found = try problems(text)
        #expect(found.count == 1)
        #expect(found.first?.contains("contributor item 'goal.horizon_months'") == true)
    }

    @Test func aListInATextItemAndAnUnknownLevelAreRefused() throws {
        let text = try savedText()
            .replacingOccurrences(of: "\"Lead the data platform\"", with: "[\"a\", \"b\"]")
            .replacingOccurrences(of: "\"ic.senior\"", with: "\"ic.wizard\"")
        let found = try problems(text)
        #expect(found.count == 2)
        #expect(found.contains { $0.contains("'person.current_level' is 'ic.wizard'; allowed: ") })
        #expect(found.contains { $0.contains("contributor item 'goal.statement'") })
    }

    @Test func anImpossibleDateIsRefused() throws {
        let text = try savedText().replacingOccurrences(of: "\"date\" : \"2026-12-04\"", with: "\"date\" : \"9999-99-99\"")
        let found = try problems(text)
        #expect(found == ["session.json:\(line(of: "\"date\" :", in: text)):12: 'session.date' is '9999-99-99'; allowed: a date as YYYY-MM-DD, in the years 1970 to 2199"])
    }

    @Test func aTextTooLongForItsItemIsRefused() throws {
        let text = try savedText().replacingOccurrences(of: "\"Lead the data platform\"", with: "\"" + String(repeating: "x", count: 100_000) + "\"")
        let found = try problems(text)
        #expect(found.count == 1)
        #expect(found.first?.contains("contributor item 'goal.statement': the text has 100000 characters; allowed: up to") == true)
    }

    @Test func aDamagedFileIsNamedWithWhatToDo() throws {
        let text = try savedText().replacingOccurrences(of: "\"status\" : \"open\"", with: "\"status\" : 7")
        let found = try problems(text)
        #expect(found == [
            "session.json:\(line(of: "\"status\"", in: text)):14: 'status' has a value of the wrong kind; careerpath wrote this file; restore it from a backup, or start the session again"
        ])
    }

    @Test func notJSONAtAllIsOneLineWithItsPlace() throws {
        let found = try problems("{\"format\": \"careerpath.session/1\",\n  \"id\": }\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("session.json:2:") == true)
    }
}
