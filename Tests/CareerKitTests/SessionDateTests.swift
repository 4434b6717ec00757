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

    @Test func timestampsAreWhatISO8601DateFormatterWrites() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var generator = SystemRandomNumberGenerator()
        let moments = [0, -1, 86_399, 86_400, -86_401, 1_795_000_000.75, -2_208_988_800.5, 253_402_300_799]
            + (0..<2_000).map { _ in Double(Int.random(in: -6_000_000_000...8_000_000_000, using: &generator)) + 0.999 }
        for seconds in moments {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(SessionDate.timestamp(date) == formatter.string(from: date), "\(seconds)")
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

@Suite struct SessionDateArithmeticTests {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    @Test func addingDaysAndMonthsAgreesWithTheCalendar() {
        var date = SessionDate.parse("1999-01-01")!
        for _ in 0..<(366 * 12) {
            for days in [-400, -7, 0, 1, 14, 30, 90, 183, 365, 731] {
                #expect(SessionDate.adding(days: days, to: date) == Self.calendar.date(byAdding: .day, value: days, to: date))
            }
            for months in [-13, -1, 1, 6, 12, 18, 24, 120] {
                #expect(SessionDate.adding(months: months, to: date) == Self.calendar.date(byAdding: .month, value: months, to: date))
            }
            date = Self.calendar.date(byAdding: .day, value: 1, to: date)!
        }
    }

    @Test func monthEndsAreClampedLikeTheCalendar() {
        #expect(SessionDate.format(SessionDate.adding(months: 1, to: SessionDate.parse("2027-01-31")!)) == "2027-02-28")
        #expect(SessionDate.format(SessionDate.adding(months: 1, to: SessionDate.parse("2028-01-31")!)) == "2028-02-29")
        #expect(SessionDate.format(SessionDate.adding(months: 12, to: SessionDate.parse("2028-02-29")!)) == "2029-02-28")
        #expect(SessionDate.format(SessionDate.adding(months: -1, to: SessionDate.parse("2026-03-31")!)) == "2026-02-28")
    }

    @Test func daysBetweenAgreesWithTheCalendar() {
        let start = SessionDate.parse("2026-11-22")!
        for offset in stride(from: -800, through: 800, by: 7) {
            let end = SessionDate.adding(days: offset, to: start)
            #expect(SessionDate.days(from: start, to: end) == offset)
            #expect(SessionDate.days(from: start, to: end) == Self.calendar.dateComponents([.day], from: start, to: end).day)
        }
        #expect(SessionDate.days(from: SessionDate.parse("2026-11-22")!, to: SessionDate.parse("2027-11-22")!) == 365)
    }

    @Test func datesOffMidnightAndOutsideTheArithmeticYearsGoThroughTheCalendar() {
        let noon = SessionDate.parse("2026-11-22")!.addingTimeInterval(43_200.25)
        #expect(SessionDate.adding(days: 3, to: noon) == Self.calendar.date(byAdding: .day, value: 3, to: noon))
        #expect(SessionDate.adding(months: 2, to: noon) == Self.calendar.date(byAdding: .month, value: 2, to: noon))
        let old = SessionDate.parse("1582-10-20")!
        #expect(SessionDate.adding(days: -10, to: old) == Self.calendar.date(byAdding: .day, value: -10, to: old))
        #expect(SessionDate.adding(months: -1, to: old) == Self.calendar.date(byAdding: .month, value: -1, to: old))
        #expect(SessionDate.parse("1599-12-31") != nil)
    }

    @Test func parseAgreesWithTheCalendarOnEveryDayOfSomeYears() {
        for year in [1600, 1900, 2000, 2024, 2026, 2100, 9999] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    let components = DateComponents(year: year, month: month, day: day)
                    var expected: Date?
                    if let date = Self.calendar.date(from: components),
                        Self.calendar.dateComponents([.year, .month, .day], from: date) == components
                    {
                        expected = date
                    }
                    #expect(SessionDate.parse(text) == expected, "\(text)")
                }
            }
        }
    }
}

@Suite struct SessionDateMonthSpanTests {
    /// Plans count hours by calendar month; the spans walk whole months, not single days.
    @Test func monthSpansCountTheDaysOfEachMonth() {
        let spans = SessionDate.monthSpans(from: SessionDate.parse("2026-11-22")!, days: 45)
        #expect(spans.map { "\($0.month) \($0.days)" } == ["2026-11 9", "2026-12 31", "2027-01 5"])
        let leap = SessionDate.monthSpans(from: SessionDate.parse("2028-02-01")!, days: 30)
        #expect(leap.map { "\($0.month) \($0.days)" } == ["2028-02 29", "2028-03 1"])
        #expect(SessionDate.monthSpans(from: SessionDate.parse("2026-11-22")!, days: 0).isEmpty)
    }
}
