import CSV
import Foundation

/// A CSV file written row by row (RFC 4180 quoting by CSV.swift), with every cell neutralised
/// against spreadsheet formulas.
final class CSVFile {
    private let stream: OutputStream
    private let writer: CSVWriter
    private var rows = 0

    init(path: String, header: [String]) throws {
        // Owner-only from the start: create the file with 0600 before the stream opens it.
        FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let stream = OutputStream(toFileAtPath: path, append: false) else {
            throw CareerError.cannotWrite(path: path, reason: "cannot open it")
        }
        stream.open()
        self.stream = stream
        do {
            writer = try CSVWriter(stream: stream)
        } catch {
            throw CareerError.cannotWrite(path: path, reason: "\(error)")
        }
        try write(header)
    }

    func write(_ row: [String]) throws {
        do {
            try writer.write(row: row.map(SpreadsheetCell.neutralised))
            rows += 1
        } catch {
            throw CareerError.cannotWrite(path: "", reason: "\(error)")
        }
    }

    func close() {
        let newline = [UInt8(ascii: "\n")]
        stream.write(newline, maxLength: 1)
        stream.close()
    }
}
