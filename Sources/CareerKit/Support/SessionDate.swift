import Foundation

/// Calendar dates as `YYYY-MM-DD`, in UTC, so plans do not shift with the time zone.
///
/// Plans work with many dates, so dates at midnight UTC in the years 1600 to 9999 (every
/// date a session or plan holds) are worked out by day arithmetic; other dates and times go
/// through the Gregorian calendar, which gives the same results.
public enum SessionDate {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static let secondsPerDay = 86_400.0
    /// Days from 1970-01-01 to 1600-01-01 and to 10000-01-01: where day arithmetic is used.
    private static let arithmeticDays = -135_140..<2_932_897

    /// The years a session may be dated in: a plan runs up to three years past its session,
    /// so every date it holds stays a four-digit year.
    public static let sessionYears = 1970...2199

    /// What a session date may be, for messages.
    public static let sessionDateRule = "a date as YYYY-MM-DD, in the years \(sessionYears.lowerBound) to \(sessionYears.upperBound)"

    /// The date of a session (`--date`, `session.date`, a session file's date), or nil when
    /// the text is not a real `YYYY-MM-DD` date within `sessionYears`.
    public static func parseSessionDate(_ text: String) -> Date? {
        guard let year = Int(text.prefix(4)), sessionYears.contains(year) else { return nil }
        return parse(text)
    }

    /// The date, or nil when the text is not a real `YYYY-MM-DD` date: four digits, two, two.
    public static func parse(_ text: String) -> Date? {
        // ASCII digits only: `Int` would also take a sign (`+202-11-22`).
        guard text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        if (1600...9999).contains(year) {
            guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
            return Date(timeIntervalSince1970: Double(daysSinceEpoch(year: year, month: month, day: day)) * secondsPerDay)
        }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
        else { return nil }
        return date
    }

    /// Formats a date as `YYYY-MM-DD` (UTC), by day arithmetic: plans format many dates.
    public static func format(_ date: Date) -> String {
        let (year, month, day) = civil(fromDays: Int((date.timeIntervalSince1970 / secondsPerDay).rounded(.down)))
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// A month in words, e.g. `December 2028`, for dates that are about a month, not a day.
    public static func monthAndYear(_ date: Date) -> String {
        let (year, month, _) = civil(fromDays: Int((date.timeIntervalSince1970 / secondsPerDay).rounded(.down)))
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                     "November", "December"]
        return names[month - 1] + " " + String(year)
    }

    /// A moment as an ISO 8601 UTC timestamp to the second, e.g. `2026-11-27T19:35:04Z`: what
    /// `ISO8601DateFormatter` writes with `.withInternetDateTime`, without loading time-zone
    /// data (a first `talk` question waited for it).
    public static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let ofDay = seconds - days * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
        let day = format(Date(timeIntervalSince1970: Double(days) * secondsPerDay))
        return day + "T" + two(ofDay / 3600) + ":" + two(ofDay / 60 % 60) + ":" + two(ofDay % 60) + "Z"
    }

    /// Adds whole days to a date.
    public static func adding(days: Int, to date: Date) -> Date {
        if let start = wholeDays(date), arithmeticDays.contains(start + days) {
            return Date(timeIntervalSince1970: Double(start + days) * secondsPerDay)
        }
        return calendar.date(byAdding: .day, value: days, to: date) ?? date
    }

    /// Adds whole months to a date; a day the month lacks becomes its last day (Jan 31 + 1 month
    /// is Feb 28 or 29).
    public static func adding(months: Int, to date: Date) -> Date {
        if let start = wholeDays(date) {
            let (year, month, day) = civil(fromDays: start)
            let monthIndex = year * 12 + (month - 1) + months
            let newYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
            let newMonth = monthIndex - newYear * 12 + 1
            if (1600...9999).contains(newYear) {
                let newDay = min(day, daysIn(month: newMonth, year: newYear))
                return Date(timeIntervalSince1970: Double(daysSinceEpoch(year: newYear, month: newMonth, day: newDay)) * secondsPerDay)
            }
        }
        return calendar.date(byAdding: .month, value: months, to: date) ?? date
    }

    /// Whole days from the first date to the second (negative when it is earlier), counting
    /// only complete days.
    public static func days(from start: Date, to end: Date) -> Int? {
        if let first = wholeDays(start), let last = wholeDays(end) { return last - first }
        return calendar.dateComponents([.day], from: start, to: end).day
    }

    /// The first day of the month after the one the date is in.
    static func firstOfNextMonth(after date: Date) -> Date {
        if let start = wholeDays(date) {
            let (year, month, _) = civil(fromDays: start)
            let next = month == 12 ? (year + 1, 1) : (year, month + 1)
            if (1600...9999).contains(next.0) {
                return Date(timeIntervalSince1970: Double(daysSinceEpoch(year: next.0, month: next.1, day: 1)) * secondsPerDay)
            }
        }
        let first = calendar.date(from: calendar.dateComponents([.year, .month], from: date)) ?? date
        return calendar.date(byAdding: .month, value: 1, to: first) ?? date
    }

    /// How many days the month the date is in has.
    static func daysInMonth(of date: Date) -> Int {
        if let start = wholeDays(date) {
            let (year, month, _) = civil(fromDays: start)
            return daysIn(month: month, year: year)
        }
        return calendar.range(of: .day, in: .month, for: date)?.count ?? 30
    }

    /// The calendar months (`yyyy-mm`) the days `days` from `start` fall in, each with how many
    /// of them it holds, in order; by day arithmetic, month by month rather than day by day.
    static func monthSpans(from start: Date, days: Int) -> [(month: String, days: Int)] {
        guard days > 0 else { return [] }
        guard var day = wholeDays(start) else {
            // Off midnight or out of range: the slow way, one day at a time.
            var spans: [(month: String, days: Int)] = []
            for offset in 0..<days {
                let month = String(format(adding(days: offset, to: start)).prefix(7))
                if spans.last?.month == month { spans[spans.count - 1].days += 1 } else { spans.append((month, 1)) }
            }
            return spans
        }
        var spans: [(month: String, days: Int)] = []
        let end = day + days
        while day < end {
            let (year, month, dayOfMonth) = civil(fromDays: day)
            let count = min(end - day, daysIn(month: month, year: year) - dayOfMonth + 1)
            spans.append((String(format(Date(timeIntervalSince1970: Double(day) * secondsPerDay)).prefix(7)), count))
            day += count
        }
        return spans
    }

    // MARK: - Day arithmetic

    /// Days since 1970-01-01 when the date is midnight UTC in 1600...9999, else nil.
    private static func wholeDays(_ date: Date) -> Int? {
        let seconds = date.timeIntervalSince1970
        let days = (seconds / secondsPerDay).rounded(.down)
        guard days * secondsPerDay == seconds, days >= Double(arithmeticDays.lowerBound),
            days < Double(arithmeticDays.upperBound)
        else { return nil }
        return Int(days)
    }

    private static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Howard Hinnant's days-to-civil algorithm, valid for every date a plan can hold.
    private static func civil(fromDays daysSince1970: Int) -> (year: Int, month: Int, day: Int) {
        let days = daysSince1970 + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
