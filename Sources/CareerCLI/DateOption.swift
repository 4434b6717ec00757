import ArgumentParser
import CareerKit

/// The one check of a date option (`--date`, `--since`): a real `YYYY-MM-DD` date of the
/// years a session may have, or nothing.
enum DateOption {
    static func check(_ text: String?, option: String) throws {
        if let text, SessionDate.parseSessionDate(text) == nil {
            throw ValidationError("\(option) '\(text)' is not \(SessionDate.sessionDateRule)")
        }
    }
}
