import CareerKit

/// The one place that turns library errors into messages and exit codes (from sysexits.h).
enum ExitStatus {
    static let ok: Int32 = 0
    /// Some rows of a bulk run failed; the rest were written.
    static let partial: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    /// Nobody in the history (or in the unfinished sessions) has the name or id given.
    static let unknownPerson: Int32 = 67
    static let cannotCreate: Int32 = 73
    /// A conversation read from a pipe ended before its last question; it is saved to resume.
    static let paused: Int32 = 75
    /// The session is open in another talk (or, for `forget`, being talked about): try again
    /// once that one is done (sysexits' EX_TEMPFAIL, as `paused`).
    static let inUse: Int32 = 75

    static func code(for error: CareerError) -> Int32 {
        switch error {
        case .invalidData, .damagedDatabase: return dataError
        case .cannotRead: return noInput
        case .unknownPerson: return unknownPerson
        case .cannotWrite: return cannotCreate
        case .usage: return usage
        case .busy: return inUse
        }
    }

    /// The message for standard error, ending in a newline.
    static func message(for error: CareerError) -> String {
        switch error {
        case .invalidData:
            return error.description + "\n"
        default:
            return "careerpath: \(error.description)\n"
        }
    }
}
