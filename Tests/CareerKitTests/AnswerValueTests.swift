import Foundation
import Testing

@testable import CareerKit

@Suite("answer values in session files")
struct AnswerValueTests {
    @Test func everyKindReadsBackAsItWasWritten() throws {
        let values: [String: AnswerValue] = [
            "a": .integer(4), "b": .number(1250.5), "c": .text("ready_now"), "d": .list(["conference", "meetup"]),
            "e": .notObserved, "f": .list([]), "g": .text(""),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(values), as: UTF8.self)
        #expect(text == #"{"a":4,"b":1250.5,"c":"ready_now","d":["conference","meetup"],"e":"n\/a","f":[],"g":""}"#)
        #expect(try JSONDecoder().decode([String: AnswerValue].self, from: Data(text.utf8)) == values)
    }

    @Test func aWholeNumberWrittenWithAFractionIsANumber() throws {
        #expect(try JSONDecoder().decode(AnswerValue.self, from: Data("2.5".utf8)) == .number(2.5))
        #expect(try JSONDecoder().decode(AnswerValue.self, from: Data("3".utf8)) == .integer(3))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AnswerValue.self, from: Data("{}".utf8)) }
    }
}
