import Foundation

/// Finds the first byte of a file that is not UTF-8, reading it in chunks so memory stays
/// flat: a sheet exported in another encoding is refused whole, with the place to look,
/// rather than stopping half-way through its rows.
enum UTF8Check {
    /// The line and column (in characters) of the first invalid byte, or nil when the file is
    /// UTF-8 throughout (or cannot be opened: the reader reports that itself).
    static func firstInvalidByte(inFileAtPath path: String) -> (line: Int, column: Int, byte: UInt8)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var line = 1
        var column = 1
        var pending = 0  // continuation bytes still expected
        var minimumNext: UInt8 = 0x80  // bounds for the next continuation byte (overlongs, surrogates)
        var maximumNext: UInt8 = 0xBF
        var lead: UInt8 = 0  // the first byte of the sequence being read, reported if it breaks
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk {
                if pending > 0 {
                    guard byte >= minimumNext, byte <= maximumNext else { return (line, column, lead) }
                    minimumNext = 0x80
                    maximumNext = 0xBF
                    pending -= 1
                    if pending == 0 { column += 1 }
                    continue
                }
                lead = byte
                switch byte {
                case 0x0A:
                    line += 1
                    column = 1
                case 0x00...0x7F:
                    column += 1
                case 0xC2...0xDF:
                    pending = 1
                case 0xE0:
                    pending = 2
                    minimumNext = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF:
                    pending = 2
                case 0xED:
                    pending = 2
                    maximumNext = 0x9F
                case 0xF0:
                    pending = 3
                    minimumNext = 0x90
                case 0xF1...0xF3:
                    pending = 3
                case 0xF4:
                    pending = 3
                    maximumNext = 0x8F
                default:
                    return (line, column, byte)
                }
            }
        }
        return pending > 0 ? (line, column, lead) : nil
    }
}
