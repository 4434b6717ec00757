import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq, which reads the URL (or conninfo),
/// `PGHOST`/`PGUSER`/`PGSERVICE` and the rest of its environment, `~/.pgpass` and `sslmode`
/// itself. Statements run one at a time (a lock), with text parameters and text results.
final class PostgresConnection: @unchecked Sendable {
    /// How long a connection may take when neither the URL nor `PGCONNECT_TIMEOUT` says.
    static let defaultConnectTimeout = 5

    /// The URL with any password left out, for messages.
    let place: String
    private let connection: OpaquePointer
    private let lock = NSLock()

    /// A failed statement: the server's SQLSTATE and its message (first line).
    struct Failure: Error, Sendable {
        var state: String
        var message: String
        /// Whether the connection itself went (server stopped, network gone).
        var connectionLost: Bool
    }

    /// Connects; every problem becomes one line.
    ///
    /// - Throws: `CareerError.refused` when the server refuses the login (a wrong password, no
    ///   such role, pg_hba.conf); `CareerError.unavailable` for anything else (down, slow,
    ///   unknown host).
    init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        place = Self.redacted(url)
        // Later keywords win over earlier ones, and the URL expands where `dbname` stands: a
        // connect_timeout in the URL (or PGCONNECT_TIMEOUT) beats ours.
        var keywords = ["fallback_application_name"]
        var values = ["careerpath"]
        if environment["PGCONNECT_TIMEOUT"] == nil {
            keywords.append("connect_timeout")
            values.append(String(Self.defaultConnectTimeout))
        }
        keywords.append("dbname")
        values.append(url)
        let keywordPointers = keywords.map { strdup($0) } + [nil]
        let valuePointers = values.map { strdup($0) } + [nil]
        defer {
            keywordPointers.forEach { free($0) }
            valuePointers.forEach { free($0) }
        }
        let opened = keywordPointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { keys in
            valuePointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
                PQconnectdbParams(keys.baseAddress, values.baseAddress, 1)
            }
        }
        guard let opened else { throw CareerError.unavailable(place: place, reason: "libpq could not allocate a connection") }
        guard PQstatus(opened) == CONNECTION_OK else {
            let message = Self.firstLine(PQerrorMessage(opened))
            let needsPassword = PQconnectionNeedsPassword(opened) == 1
            PQfinish(opened)
            if needsPassword || Self.isRefusal(message) {
                throw CareerError.refused(place: place, reason: needsPassword && !message.contains("password")
                    ? "it asks for a password and none was given (~/.pgpass or PGPASSWORD)" : message)
            }
            throw CareerError.unavailable(place: place, reason: message)
        }
        connection = opened
        PQsetClientEncoding(connection, "UTF8")
        // The server's notices ("already exists, skipping") are not for the person at the terminal.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit {
        PQfinish(connection)
    }

    /// The login the server knows this connection by.
    var user: String {
        PQuser(connection).map { String(cString: $0) } ?? ""
    }

    /// Runs one statement (or, without parameters, several separated by semicolons).
    /// - Returns: the rows (text values, nil for NULL) and how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws -> (rows: [[String?]], changed: Int) {
        lock.lock()
        defer { lock.unlock() }
        // A connection the server closed while a talk went on (idle timeout, restart): once
        // more, outside any transaction, before giving up.
        if PQstatus(connection) != CONNECTION_OK, PQtransactionStatus(connection) != PQTRANS_INTRANS {
            PQreset(connection)
        }
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = PQexec(connection, sql)
        } else {
            let copies = parameters.map { $0.map { strdup($0) } ?? nil }
            defer { copies.forEach { free($0) } }
            result = copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
                PQexecParams(connection, sql, Int32(parameters.count), nil, values.baseAddress, nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let lost = PQstatus(connection) != CONNECTION_OK
            func field(_ code: Character) -> String? {
                PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
            }
            throw Failure(
                state: field("C") ?? (lost ? "08006" : "XX000"),
                message: field("M") ?? Self.firstLine(PQerrorMessage(connection)), connectionLost: lost)
        }
        var rows: [[String?]] = []
        let count = PQntuples(result)
        let columns = PQnfields(result)
        rows.reserveCapacity(Int(count))
        for row in 0..<count {
            var values: [String?] = []
            values.reserveCapacity(Int(columns))
            for column in 0..<columns {
                values.append(PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column)))
            }
            rows.append(values)
        }
        let changed = Int(String(cString: PQcmdTuples(result))) ?? 0
        return (rows, changed)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// A text array literal for a `$n::text[]` parameter.
    static func arrayLiteral(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    /// Whether a failed connection's message is the server refusing the login rather than
    /// the server being out of reach. libpq gives no SQLSTATE for a failed connection, so this
    /// reads its (English) messages.
    static func isRefusal(_ message: String) -> Bool {
        ["authentication failed", "no password supplied", "pg_hba.conf", "permission denied", "does not exist",
         "password is required", "certificate"]
            .contains { message.contains($0) }
    }

    /// libpq's messages end in a newline and may go on over several lines: the first one,
    /// without the `connection to server ... failed:` lead when a reason follows.
    static func firstLine(_ text: UnsafePointer<CChar>?) -> String {
        let full = text.map { String(cString: $0) } ?? ""
        let line = full.split(whereSeparator: \.isNewline).first.map(String.init) ?? "no reason given"
        return line.replacingOccurrences(of: "FATAL:  ", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// A URL or conninfo string without its password.
    static func redacted(_ url: String) -> String {
        var text = url
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                text.replaceSubrange(colon..<at, with: "")
            }
        }
        // password=... in a query string or a conninfo string.
        if let range = text.range(of: #"password=[^&\s]*"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "password=...")
        }
        return text
    }
}
