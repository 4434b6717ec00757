import Foundation
import Testing

@testable import CareerKit

@Suite struct SessionDateTests {
    @Test func formatAgreesWithTheCalendarForEveryDayOverDecades() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var date = SessionDate.parse("1999-12-25")!
        for _ in 0..<(366 * 60) {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(SessionDate.format(date) == expected)
            if SessionDate.format(date) != expected { break }
            date = SessionDate.adding(days: 1, to: date)
        }
    }

    @Test func parseRejectsImpossibleDates() {
        #expect(SessionDate.parse("2026-02-29") == nil)
        #expect(SessionDate.parse("2028-02-29") != nil)
        #expect(SessionDate.parse("2026-13-01") == nil)
        #expect(SessionDate.parse("26-11-22") == nil)
        #expect(SessionDate.format(SessionDate.parse("2026-11-22")!) == "2026-11-22")
    }
}
