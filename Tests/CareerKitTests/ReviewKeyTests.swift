import Foundation
import Testing

@testable import CareerKit

@Suite("review keys and item statuses")
struct ReviewKeyTests {
    @Test func keysReadAndWriteTheirSessionFileSpelling() {
        #expect(ReviewKey("item:book.ddia") == .item("book.ddia"))
        #expect(ReviewKey("milestone:3") == .milestone(3))
        #expect(ReviewKey.item("a:b").description == "item:a:b")
        #expect(ReviewKey("item:") == nil)
        #expect(ReviewKey("milestone:-1") == nil)
        #expect(ReviewKey("milestone:x") == nil)
        #expect(ReviewKey("track") == nil)
    }

    @Test func aReviewIsAJSONObjectKeyedByItsSpelling() throws {
        let review: [ReviewKey: SessionRecord.ReviewEntry] = [
            .item("course.feedback"): .init(status: .dropped, note: "no time"), .milestone(1): .init(status: .done),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(review), as: UTF8.self)
        #expect(text == #"{"item:course.feedback":{"note":"no time","status":"dropped"},"milestone:1":{"status":"done"}}"#)
        #expect(try JSONDecoder().decode([ReviewKey: SessionRecord.ReviewEntry].self, from: Data(text.utf8)) == review)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ReviewKey: SessionRecord.ReviewEntry].self, from: Data(#"{"top3":{"status":"done"}}"#.utf8))
        }
    }

    @Test func statusesHaveWordsAndSayWhatANewPlanLeavesOut() throws {
        #expect(ItemStatus.allCases.map(\.rawValue) == ["done", "in_progress", "dropped", "not_started"])
        #expect(ItemStatus.allCases.map(\.words) == ["done", "in progress", "dropped", "not started"])
        #expect(ItemStatus.allCases.filter(\.isClosed) == [.done, .dropped])
        #expect(try ItemStatus(stored: "in_progress", path: "h.sqlite", row: "item") == .inProgress)
        #expect(throws: CareerError.self) { try ItemStatus(stored: "finished", path: "h.sqlite", row: "item") }
    }
}
