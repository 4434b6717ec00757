import Foundation
import Testing

@testable import CareerKit

/// The plan document's own JSON writer must write exactly what Foundation's `JSONEncoder` writes.
@Suite struct JSONValueTests {
    func reference(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        let value: JSONValue = .object([
            ("z", .string("quote \" backslash \\ slash / newline \n tab \t return \r bell \u{7} \u{1F} del \u{7F} é ✓ \u{2028}")),
            ("edges", .string("\"escapes first and last\n")), ("only", .string("\u{1}")), ("plain", .string("nothing to escape")),
            ("a_b", .number(0.1)), ("aB", .number(-0.0)), ("a10", .number(100)), ("a2", .number(1.5e-7)),
            ("A", .number(1e16)), ("big", .number(123_456_789.25)), ("count", .integer(-42)),
            ("yes", .bool(true)), ("no", .bool(false)), ("nothing", .null),
            ("empty_array", .array([])), ("empty_object", .object([])),
            ("nested", .array([.object([("b", .integer(1)), ("a", .array([.string(""), .null]))]), .array([])])),
        ])
        #expect(value.prettyText() == (try reference(value)))
    }

    @Test func sortsKeysByTheirCharactersAndWritesNumbersShortest() {
        let value: JSONValue = .object([("b", .number(2.5)), ("a", .number(3)), ("B", .number(1 / 3))])
        #expect(value.prettyText() == "{\n  \"B\" : 0.3333333333333333,\n  \"a\" : 3,\n  \"b\" : 2.5\n}")
    }

    @Test func anEmptyArrayKeepsFoundationsBlankLine() {
        #expect(JSONValue.object([("list", .array([]))]).prettyText() == "{\n  \"list\" : [\n\n  ]\n}")
    }

    @Test func numbersThatJSONCannotHoldAreNull() {
        #expect(JSONValue.number(.nan).prettyText() == "null")
        #expect(JSONValue.number(.infinity).prettyText() == "null")
    }

    static let fixtures = ["ana-silva.yaml", "ben-okafor.yaml", "chen-wang.yaml", "dara-novak.yaml"]
        + ["all-sixes", "architect", "both-low", "coding-tech-lead", "deep-specialist", "divergent", "manager-only",
           "pay-motivated-avoider", "people-grower", "right-hand", "self-only", "solver", "tech-lead-manager"]
        .map { "personas/\($0).yaml" }

    @Test(arguments: fixtures)
    func everyPlanDocumentMatchesJSONEncoder(_ fixture: String) throws {
        let prompts = TestSupport.prompts
        let answers = try AnswersFile.load(path: TestSupport.fixture(fixture), prompts: prompts)
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-23")!)
        let document = AssessmentDocument(answers: answers, assessment: assessment, plan: plan, bank: prompts.bank)
        #expect(document.json() == (try reference(document.value)) + "\n")
    }

    @Test func compactTextIsOneSortedLineAsJSONEncoderWritesIt() throws {
        let value: JSONValue = .object([
            ("z", .array([.integer(1), .number(2.5), .null, .bool(false)])), ("a", .object([("y", .string("a\nb")), ("x", .array([]))])),
        ])
        #expect(value.compactText() == #"{"a":{"x":[],"y":"a\nb"},"z":[1,2.5,null,false]}"#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(value.compactText() == String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    @Test func parsingAPlanDocumentGivesBackTheSameText() throws {
        let prompts = TestSupport.prompts
        let answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        let text = try Pipeline(prompts: prompts).consult(answers, today: SessionDate.parse("2026-11-23")!).render(.json)
        #expect(try JSONValue(parsing: text).prettyText() + "\n" == text)
        #expect(try JSONValue(parsing: #"[true, 0, -3, 0.25, "x", null, {}]"#).compactText() == #"[true,0,-3,0.25,"x",null,{}]"#)
        #expect(throws: (any Error).self) { try JSONValue(parsing: "{") }
    }
}
