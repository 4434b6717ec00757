import Foundation

/// A CSV file written row by row: RFC 4180 quoting (a cell with a comma or a quote is quoted,
/// quotes doubled), control characters escaped, every cell neutralised against formulas.
/// Rows are built in memory and written with one call each: writing through CSV.swift's
/// writer, a byte at a time into a stream, took 8% of a bulk run.
///
/// The rows go into a new hidden file beside `path` (`StagedFile`), which the bulk run renames
/// into place with its other shared files (`BulkFolder.commit`): the file named `path` is
/// always a whole one, this run's or the one before.
final class CSVFile {
    private let file: StagedFile

    /// The byte-order mark a file starts with, so a spreadsheet opened with a double click
    /// (Excel above all) reads it as UTF-8, not as the system's code page that garbles
    /// "Zoë Müller-Łukasz". Google Sheets, LibreOffice and Python's `utf-8-sig` skip it.
    static let byteOrderMark = "\u{FEFF}"

    init(path: String, header: [String]) throws {
        file = try StagedFile(path: path)
        try file.write(Self.byteOrderMark + Self.line(header))
    }

    /// The destination.
    var path: String { file.path }
    /// The hidden file the rows are written to until it is renamed into place.
    var temporary: String { file.temporary }

    /// One cell as RFC 4180 writes it.
    static func quoted(_ cell: String) -> String {
        guard cell.containsUTF8Byte(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One row as a line, ending in a line feed: every cell with its control characters
    /// escaped (a cell is one line of printable text) and neutralised against formulas.
    static func line(_ row: [String]) -> String {
        row.map { quoted(SpreadsheetCell.neutralised(PrintableText.escaped($0))) }.joined(separator: ",") + "\n"
    }

    func write(_ row: [String]) throws {
        try file.write(Self.line(row))
    }

    /// Closes the file, ready to be renamed into place.
    func close() throws {
        try file.close(durably: false)
    }

    /// Leaves the destination as it was and removes what was written.
    func discard() {
        file.discard()
    }
}
