import CareerKit
import Glibc

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
    /// The shared history's server is down or did not answer within the connect timeout.
    static let unavailable: Int32 = 69
    static let cannotCreate: Int32 = 73
    /// A conversation read from a pipe ended before its last question; it is saved to resume.
    static let paused: Int32 = 75
    /// The shared history's server refused the login, or something the login may not do.
    static let refused: Int32 = 77
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
        case .unavailable: return unavailable
        case .refused: return refused
        case .busy: return inUse
        }
    }

    /// Ends the program when its output cannot be written: quietly when the reader has gone
    /// (a closed pipe, as `git` does), otherwise with one line on standard error (a full
    /// disk). Either way exit 73: what should have been written was not.
    static func outputFailed(_ failure: Int32, standardError: Bool) -> Never {
        if failure != EPIPE, !standardError {
            let message = "careerpath: cannot write to standard output: \(String(cString: strerror(failure)).lowercased())\n"
            _ = message.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
        }
        Glibc.exit(cannotCreate)
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
