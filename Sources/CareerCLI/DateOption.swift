import ArgumentParser
import CareerKit

/// The one check of a date option (`--date`, `--since`): a real `YYYY-MM-DD` date or nothing.
enum DateOption {
    static func check(_ text: String?, option: String) throws {
        if let text, SessionDate.parse(text) == nil {
            throw ValidationError("\(option) '\(text)' is not a date as YYYY-MM-DD")
        }
    }
}
