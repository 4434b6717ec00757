import Foundation
import Testing

@testable import CareerKit

/// Points 10 to 14 of issue 13: answers are read strictly, every refusal located and saying
/// what is allowed, and a hostile file is refused before it costs time or memory.
@Suite struct StrictInputTests {
    let prompts = TestSupport.prompts
    static let person = "{\"name\": \"Ana\", \"current_level\": \"ic.senior\"}"

    /// Writes `text` to a temporary file and returns the problems found reading it, each as
    /// `name:line:column: message`.
    func problems(_ text: String, name: String = "answers.yaml") throws -> [String] {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return TestSupport.diagnostics { _ = try AnswersFile.load(path: path, prompts: prompts) }
            .map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    // MARK: - 10: one value, not a list

    @Test func aListWhereOneValueBelongsIsRefused() throws {
        let text = """
            person: {name: Ana, id: [E1042, E9999], current_level: ic.senior}
            session: {date: ['2026-11-22'], mode: [self]}
            answers: {contributor: {depth.mastery: 6}}

            """
        #expect(try problems(text) == [
            "answers.yaml:1:25: 'person.id' must be a single value, found a list",
            "answers.yaml:2:17: 'session.date' must be a single value, found a list",
            "answers.yaml:2:39: 'session.mode' must be a single value, found a list",
        ])
    }

    @Test func aListForARequiredFieldIsReportedOnce() throws {
        #expect(try problems("person: {name: [Ana, Bo], current_level: [ic.senior]}\nanswers: {}\n") == [
            "answers.yaml:1:16: 'person.name' must be a single value, found a list",
            "answers.yaml:1:42: 'person.current_level' must be a single value, found a list",
        ])
    }

    // MARK: - 12: dates

    @Test(arguments: ["+202-11-22", "2026-+1-22", "2026-11-+2", " 2026-11-22", "２０２６-11-22", "2026-11-22T00:00", "-2026-11-22"])
    func onlyYYYYMMDDIsADate(text: String) {
        #expect(SessionDate.parse(text) == nil)
    }

    @Test func aSignedYearInAnAnswersFileIsRefused() throws {
        let text = "person: {name: Ana, current_level: ic.senior}\nsession: {date: +202-11-22, mode: self}\nanswers: {contributor: {depth.mastery: 6}}\n"
        #expect(try problems(text) == ["answers.yaml:2:17: 'session.date' is '+202-11-22'; allowed: a date as YYYY-MM-DD, in the years 1970 to 2199"])
    }

    // MARK: - 11: strict JSON

    @Test func aTrailingCommaInJSONIsRefused() throws {
        #expect(try problems("{\"person\": \(Self.person), \"answers\": {},}\n", name: "a.json") == [
            "a.json:1:73: malformed JSON: a comma before '}' is not allowed in JSON"
        ])
        #expect(try problems("{\"person\": \(Self.person), \"answers\": {\"contributor\": {\"top3\": [\"depth.mastery\",]}}}", name: "a.json") == [
            "a.json:1:112: malformed JSON: a comma before ']' is not allowed in JSON"
        ])
    }

    @Test func aDoubledByteOrderMarkIsRefusedAndASingleOneIsRead() throws {
        let document = "{\"person\": \(Self.person), \"answers\": {}}\n"
        #expect(try problems("\u{FEFF}" + document, name: "a.json") == [])
        #expect(try problems("\u{FEFF}\u{FEFF}" + document, name: "a.json") == [
            "a.json:1:1: malformed JSON: a value is expected, found a second byte order mark"
        ])
    }

    /// What JSON does not have, though YAML or Foundation would take it.
    @Test(arguments: [
        ("{\"person\": \(person), \"answers\": {}} // done", "1:74: malformed JSON: nothing may follow the value, found '/'"),
        ("{'person': \(person), \"answers\": {}}", "1:2: malformed JSON: a key in double quotes is expected, found '''"),
        ("{\"person\": \(person), \"answers\": {\"manager\": {\"budget.amount\": NaN}}}", "1:100: malformed JSON: a value is expected, found 'N'"),
        ("{\"person\": \(person), \"answers\": {\"manager\": {\"budget.amount\": 0100}}}", "1:100: malformed JSON: a number may not start with 0"),
        ("{\"person\": \(person), \"answers\": {\"manager\": {\"budget.amount\": +100}}}", "1:100: malformed JSON: a value is expected, found '+'"),
        ("{\"person\": {\"name\": \"A\tB\", \"current_level\": \"ic.senior\"}, \"answers\": {}}", "1:23: malformed JSON: a control character inside a string must be escaped"),
        ("{\"person\": {\"name\": \"A\\x41\", \"current_level\": \"ic.senior\"}, \"answers\": {}}", "1:24: malformed JSON: '\\' 'x' is not an escape JSON knows"),
        ("{person: \(person), \"answers\": {}}", "1:2: malformed JSON: a key in double quotes is expected, found 'p'"),
        (String(repeating: "[", count: 300), "1:257: malformed JSON: lists and objects nest deeper than 256 levels"),
    ])
    func jsonIsReadAsRFC8259Has(text: String, problem: String) throws {
        #expect(try problems(text, name: "a.json") == ["a.json:" + problem])
    }

    @Test func deeplyNestedYAMLIsRefusedNotACrash() throws {
        #expect(try problems("person: " + String(repeating: "[", count: 5000) + "\n") == [
            "answers.yaml:1:10: malformed YAML: lists and mappings nest too deep"
        ])
    }

    // MARK: - 13: YAML tags

    @Test(arguments: [
        ("!!python/object:os.system", "'!!python/object:os.system'"), ("!!binary", "'!!binary'"), ("!local", "'!local'"),
        ("!!int", "'!!int'"), ("!!str", "'!!str'"), ("&anchor !!str", "'!!str'"), ("!<tag:yaml.org,2002:str>", "'!<tag:yaml.org,2002:str>'"),
    ])
    func aYAMLTagIsRefusedWithItsPosition(tag: String, quoted: String) throws {
        let text = "person: {name: Ana, current_level: ic.senior}\nmanager: {name: Jo}\nanswers:\n  manager:\n    budget.currency: \(tag) USD\n"
        #expect(try problems(text) == ["answers.yaml:5:22: YAML tags are not allowed, found \(quoted); write the value without it"])
    }

    @Test func tagsOnKeysMappingsAndListsAreRefusedToo() throws {
        let text = "person: !!map {name: Ana, current_level: ic.senior}\nanswers:\n  contributor:\n    !!str top3: !!seq [depth.mastery, maker.flow, focus.deep_blocks]\n"
        #expect(try problems(text) == [
            "answers.yaml:1:9: YAML tags are not allowed, found '!!map'; write the value without it",
            "answers.yaml:4:5: YAML tags are not allowed, found '!!str'; write the value without it",
            "answers.yaml:4:17: YAML tags are not allowed, found '!!seq'; write the value without it",
        ])
    }

    @Test func anExclamationMarkInsideAValueIsNoTag() throws {
        let text = "person: {name: Ana!, current_level: ic.senior}\nnotes: 'Wow! !great'\nanswers:\n  contributor: {goal.statement: Ship it! !now}\n"
        #expect(try problems(text) == [])
    }

    // MARK: - 14: sizes

    @Test func namesAndIdsOfUpTo200CharactersAreRead() throws {
        let name = String(repeating: "é", count: 200)
        let id = String(repeating: "7", count: 200)
        #expect(try problems("person: {name: \(name), id: '\(id)', current_level: ic.senior}\nanswers: {}\n") == [])
    }

    @Test func aLongerNameIdOrManagerIsRefused() throws {
        let text = """
            person: {name: \(String(repeating: "a", count: 201)), id: \(String(repeating: "E", count: 50_000)), current_level: ic.senior}
            manager: {name: \(String(repeating: "m", count: 300))}
            answers: {}

            """
        #expect(try problems(text) == [
            "answers.yaml:1:16: 'person.name' has 201 characters; allowed: up to 200",
            "answers.yaml:1:223: 'person.id' has more than 800 characters; allowed: up to 200",
            "answers.yaml:2:17: 'manager.name' has 300 characters; allowed: up to 200",
        ])
    }

    /// A sheet of three rows: a 5 MB quoted name with line breaks in it, a row of 3,000
    /// cells, and Ben's row, read as usual after them at its own line.
    @Test func anOverLongCellOrRowIsRefusedAndTheRowsAfterItAreRead() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let huge = String(repeating: "Ana\nSilva ", count: 512 * 1024)  // 5.5 MB, 524,288 line breaks
        var wide = BulkTestKit.person(0, ["person.id": "E7"])
        wide += Array(repeating: "x", count: 3000 - wide.count)
        let sheet = try BulkTestKit.write(
            BulkTestKit.sheet([BulkTestKit.person(0, ["person.name": huge]), wide, BulkTestKit.person(1)]),
            to: root.appendingPathComponent("huge.csv"))
        let rows = Array(try CSVAnswersReader(path: sheet, prompts: prompts))
        #expect(rows.map(\.line) == [2, 2 + 512 * 1024 + 1, 2 + 512 * 1024 + 2])
        guard rows.count == 3 else { return }
        let columns = BulkTestKit.header.count
        #expect(TestSupport.diagnostics { _ = try rows[0].result.get() }.map(\.description) == [
            "\(sheet):2:1: 'person.name' has \(huge.count) characters; allowed: up to 200"
        ])
        #expect(TestSupport.diagnostics { _ = try rows[1].result.get() }.map(\.description) == [
            "\(sheet):\(rows[1].line):\(columns + 1): the row has 3000 cells but the header has \(columns); a cell with a comma needs quotes"
        ])
        #expect(try rows[2].result.get().person.name == "Ben Okafor")
    }

    @Test func anOverLongTextAnswerNamesItsItem() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let long = String(repeating: "y", count: 10_000)
        let sheet = try BulkTestKit.write(
            BulkTestKit.sheet([BulkTestKit.person(0, ["contributor.goal.statement": long])]), to: root.appendingPathComponent("t.csv"))
        let rows = Array(try CSVAnswersReader(path: sheet, prompts: prompts))
        let column = BulkTestKit.column("contributor.goal.statement") + 1
        #expect(TestSupport.diagnostics { _ = try rows.first?.result.get() }.map(\.description) == [
            "\(sheet):2:\(column): contributor item 'goal.statement': the cell has 10000 characters; allowed: up to 2000"
        ])
    }

    @Test func anAnswersFileLargerThanOneMiBIsRefusedUnread() throws {
        let text = "person: {name: Ana, current_level: ic.senior}\nanswers: {}\nnotes: '" + String(repeating: "x", count: 1 << 20) + "'\n"
        #expect(try problems(text) == ["answers.yaml:1:1: the file is larger than 1024 KiB, the most an answers file may have"])
    }

    @Test func aJSONLinesLineLongerThanOneMiBIsRefusedAndTheNextOneRead() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = try String(contentsOfFile: TestSupport.fixture("bulk/team.jsonl"), encoding: .utf8).split(separator: "\n")
        let huge = "{\"person\": {\"name\": \"" + String(repeating: "A", count: 2 << 20) + "\"}}"
        let path = try BulkTestKit.write([huge, String(lines[0])].joined(separator: "\n") + "\n", to: root.appendingPathComponent("p.jsonl"))
        let entries = Array(BulkSource(inputs: [path], prompts: prompts))
        #expect(entries.count == 2)
        #expect(TestSupport.diagnostics { _ = try entries[0].resolve().get() }.map(\.description) == [
            "\(path):1:1: the line is longer than 1024 KiB; one answers document is far smaller"
        ])
        #expect(try entries[1].resolve().get().person.id == "E1042")
        #expect(entries[1].line == 2)
    }
}
