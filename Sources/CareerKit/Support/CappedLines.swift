import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lines of a file, read in chunks, each at most `limit` bytes: a longer line is read
/// through (to find where the next one starts) but not kept, so one huge line costs neither
/// memory nor parsing time.
final class CappedLines {
    private let descriptor: Int32
    private let limit: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false

    /// Opens the file; nil when it cannot be opened.
    init?(path: String, limit: Int) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.limit = limit
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    deinit {
        close(descriptor)
    }

    /// The next line without its line break (and a `\r` before it): its bytes, or nil inside
    /// when it is longer than the limit; nil at the end of the file.
    func next() -> [UInt8]?? {
        var line: [UInt8] = []
        var tooLong = false
        var readAny = false
        while true {
            if start == end {
                guard refill() else {
                    guard readAny else { return nil }
                    return .some(tooLong ? nil : Self.trimmed(line))
                }
            }
            readAny = true
            let chunk = buffer[start..<end]
            if let newline = chunk.firstIndex(of: 10) {
                if !tooLong {
                    if line.count + (newline - start) > limit { tooLong = true } else { line += buffer[start..<newline] }
                }
                start = newline + 1
                return .some(tooLong ? nil : Self.trimmed(line))
            }
            if !tooLong {
                if line.count + chunk.count > limit {
                    tooLong = true
                    line = []
                } else {
                    line += chunk
                }
            }
            start = end
        }
    }

    private static func trimmed(_ line: [UInt8]) -> [UInt8] {
        line.last == 13 ? Array(line.dropLast()) : line
    }

    private func refill() -> Bool {
        guard !atEnd else { return false }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                atEnd = true
                return false
            }
            start = 0
            end = count
            return true
        }
    }
}
