import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A CSV file as CSV.swift reads it, with every over-long cell cut short and every row of too
/// many cells cut at the limit, so that one huge cell (a 50 MB name) costs neither memory nor
/// parsing time: the reader gets a short cell and a note of what was cut, and refuses the row.
///
/// It follows CSV.swift's reading byte by byte (quoted and unquoted cells, `""` inside quotes,
/// a quote followed by anything else, CR, LF and CRLF ending a row), so its record numbers are
/// the reader's rows: the header is record 0, and every line, a blank one too, is a record.
/// Only the content of a cell is ever left out, starting at the first byte of a character;
/// the commas, quotes and line breaks that shape the rows pass through, so the rows and cells
/// CSV.swift sees are the file's.
final class LimitedCSVStream: InputStream {
    /// What was cut from one record.
    struct Cut: Equatable {
        /// By cell (0-based), how many characters the cut cells had.
        var cells: [Int: Int] = [:]
        /// How many cells the record had, when more than the limit.
        var cellCount: Int?
        /// Line feeds inside the content that was left out.
        var lineFeeds = 0
        /// The cell (0-based) whose opening quote is never closed: the file ended inside it.
        var unclosedQuote: Int?
        /// The record went on past `recordByteLimit`: the file was not read further.
        var endless = false
    }

    /// The most bytes one record may take, cut content included: a person's row is a few KiB,
    /// so a record this long is a file that never ends (`/dev/zero`) or is not a sheet.
    static let recordByteLimit = 16 << 20

    let cellLimit: Int
    let cellCountLimit: Int
    private let path: String
    private let descriptor: Int32
    private var status: Stream.Status = .notOpen
    private var failure: Error?

    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var inputStart = 0
    private var inputEnd = 0
    private var inputEnded = false
    private var output: [UInt8] = []
    private var outputStart = 0

    private enum State { case cellStart, unquoted, quoted, quoteInQuoted, afterCR }
    private var state = State.cellStart
    private var record = 0
    private var cell = 0
    private var cellLength = 0
    /// Leaving out the rest of the cell's content.
    private var cutting = false
    /// Leaving out the rest of the record: it has too many cells.
    private var overflowing = false
    /// A quote held back while cutting: it closes the cell, or is the first of `""`.
    private var heldQuote = false
    private var cuts: [Int: Cut] = [:]
    private var recordBytes = 0

    /// Opens the file; nil when it cannot be opened.
    init?(path: String, cellLimit: Int, cellCountLimit: Int) {
        descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.path = path
        self.cellLimit = cellLimit
        self.cellCountLimit = cellCountLimit
        super.init(data: Data())
    }

    deinit {
        Glibc.close(descriptor)
    }

    /// What was cut from a record (and forgets it), or nil when nothing was.
    func takeCut(ofRecord index: Int) -> Cut? {
        cuts.removeValue(forKey: index)
    }

    override func open() { status = .open }
    override func close() { status = .closed }
    override var streamStatus: Stream.Status { status }
    override var streamError: Error? { failure }
    override var hasBytesAvailable: Bool {
        if outputStart < output.count { return true }
        fill()
        return outputStart < output.count
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        if outputStart >= output.count { fill() }
        let count = min(length, output.count - outputStart)
        guard count > 0 else {
            status = failure == nil ? .atEnd : .error
            return failure == nil ? 0 : -1
        }
        output.withUnsafeBufferPointer { source in
            buffer.update(from: source.baseAddress! + outputStart, count: count)
        }
        outputStart += count
        return count
    }

    override func getBuffer(_ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>) -> Bool {
        false
    }

    /// Reads and filters the next chunk of the file into the output.
    private func fill() {
        output.removeAll(keepingCapacity: true)
        outputStart = 0
        while output.isEmpty {
            if inputStart == inputEnd {
                guard !inputEnded else { return }
                let count = input.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = CareerError.cannotRead(path: path, reason: PrivateFile.describe(errno))
                    inputEnded = true
                    return
                }
                if count == 0 {
                    inputEnded = true
                    finish()
                    return
                }
                inputStart = 0
                inputEnd = count
            }
            while inputStart < inputEnd {
                step(input[inputStart])
                inputStart += 1
                recordBytes += 1
                if recordBytes > Self.recordByteLimit {
                    cuts[record, default: Cut()].endless = true
                    inputStart = inputEnd
                    inputEnded = true
                    finish()
                    return
                }
            }
        }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr: UInt8 = 13
    private static let lf: UInt8 = 10

    private func emit(_ byte: UInt8) {
        if !overflowing { output.append(byte) }
    }

    /// Notes what was cut from the cell and the record so far.
    private func noteCuts() {
        if cutting, !overflowing { cuts[record, default: Cut()].cells[cell] = cellLength }
        if overflowing { cuts[record, default: Cut()].cellCount = cell + 1 }
    }

    /// A comma outside quotes: the cell ends. The one that would start a cell beyond the limit
    /// is left out, with the rest of the record.
    private func endCell(_ comma: UInt8) {
        if cutting, !overflowing { cuts[record, default: Cut()].cells[cell] = cellLength }
        if cell + 1 >= cellCountLimit { overflowing = true }
        emit(comma)
        cell += 1
        cellLength = 0
        cutting = false
        state = .cellStart
    }

    /// The end of the file: a quote held back closes the last cell, and a last record without
    /// a line break has its cuts noted.
    private func finish() {
        if heldQuote {
            if !overflowing { output.append(Self.quote) }
            heldQuote = false
        }
        if state != .cellStart || cell > 0 { noteCuts() }
        if state == .quoted { cuts[record, default: Cut()].unclosedQuote = cell }
    }

    private func endRecord(_ byte: UInt8) {
        noteCuts()
        overflowing = false
        output.append(byte)  // the row's end always passes
        record += 1
        recordBytes = 0
        cell = 0
        cellLength = 0
        cutting = false
        state = byte == Self.cr ? .afterCR : .cellStart
    }

    /// One byte of content: counted, and left out once the cell is too long.
    private func content(_ byte: UInt8) {
        let startsCharacter = byte & 0xC0 != 0x80
        if startsCharacter {
            cellLength += 1
            if cellLength > cellLimit { cutting = true }
        }
        if cutting || overflowing {
            if byte == Self.lf { cuts[record, default: Cut()].lineFeeds += 1 }
            return
        }
        output.append(byte)
    }

    private func step(_ byte: UInt8) {
        switch state {
        case .afterCR:
            state = .cellStart
            if byte == Self.lf {
                output.append(byte)  // CRLF ends one row
                return
            }
            step(byte)
        case .cellStart:
            if byte == Self.quote {
                emit(byte)
                state = .quoted
            } else {
                state = .unquoted
                step(byte)
            }
        case .unquoted:
            switch byte {
            case Self.comma: endCell(byte)
            case Self.cr, Self.lf: endRecord(byte)
            default: content(byte)
            }
        case .quoted:
            if byte == Self.quote {
                if cutting || overflowing { heldQuote = true } else { emit(byte) }
                state = .quoteInQuoted
            } else {
                content(byte)
            }
        case .quoteInQuoted:
            let held = heldQuote
            heldQuote = false
            switch byte {
            case Self.comma:
                if held { emit(Self.quote) }
                endCell(byte)
            case Self.cr, Self.lf:
                if held { emit(Self.quote) }
                endRecord(byte)
            case Self.quote:
                // `""`: one quote of content (CSV.swift keeps one).
                if !held { emit(byte) }
                state = .quoted
                cellLength += 1
            default:
                // A quote then something else: CSV.swift keeps the quote and drops the byte, and
                // the cell stays quoted.
                if !held { emit(byte) }
                state = .quoted
                cellLength += 1
            }
        }
    }
}
