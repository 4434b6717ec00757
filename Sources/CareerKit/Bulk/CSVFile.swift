import Foundation

/// A CSV file written row by row: RFC 4180 quoting (a cell with a comma or a quote is quoted,
/// quotes doubled), control characters escaped, every cell neutralised against formulas.
/// Rows are built in memory and written with one call each: writing through CSV.swift's
/// writer, a byte at a time into a stream, took 8% of a bulk run.
final class CSVFile {
    private var descriptor: Int32
    private let path: String

    init(path: String, header: [String]) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CareerError.cannotWrite(path: path, reason: PrivateFile.describe(errno)) }
        fchmod(descriptor, 0o600)
        try write(header)
    }

    deinit {
        close()
    }

    /// One cell as RFC 4180 writes it.
    static func quoted(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One row as a line, ending in a line feed: every cell with its control characters
    /// escaped (a cell is one line of printable text) and neutralised against formulas.
    static func line(_ row: [String]) -> String {
        row.map { quoted(SpreadsheetCell.neutralised(PrintableText.escaped($0))) }.joined(separator: ",") + "\n"
    }

    func write(_ row: [String]) throws {
        let failure = PrivateFile.writeAll(Self.line(row), to: descriptor)
        if failure != 0 { throw CareerError.cannotWrite(path: path, reason: PrivateFile.describe(failure)) }
    }

    /// Closes the file; writing after this is an error.
    func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }
}
