#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// A program running on a real pseudo-terminal, driven the way a person at a keyboard would:
/// `send` types, `expect` waits for text to appear, `waitExit` waits for the program to end.
///
/// The PTY is the child's controlling terminal, so `send("\u{03}")` delivers a real SIGINT and
/// `send("\u{04}")` a real end of input. Output keeps the terminal's own shape: lines end in
/// "\r\n" and colour codes are left in; `PseudoTerminal.plain(_:)` removes both.
///
/// The master descriptor is inherited by any child another test starts meanwhile, and the
/// slave end is briefly open in this process while forking: suites using this type must be
/// `.serialized`.
final class PseudoTerminal {
    /// The child's process id.
    let pid: pid_t
    /// Every byte the program wrote so far.
    private(set) var output: [UInt8] = []
    /// Where the next `expect` starts searching: just after the previous match.
    private(set) var searchStart = 0
    private var master: Int32
    /// The exit status (or 128 + signal) once the child was reaped.
    private var exitStatus: Int32?
    /// Whether reading the master hit the end (the slave side is closed).
    private var atEnd = false

    /// Starts `executable` with `arguments` on a new pseudo-terminal of `columns` x `rows`.
    ///
    /// - Parameter environment: the child's whole environment; nothing is inherited.
    init(executable: URL, arguments: [String], environment: [String: String], columns: UInt16 = 100, rows: UInt16 = 40)
        throws
    {
        // Every C string is made before forking: after fork the child may only call
        // async-signal-safe functions (no allocation), so it just calls execve and _exit.
        let path = strdup(executable.path)!
        let argv = Self.cStringArray([executable.path] + arguments)
        let envp = Self.cStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer {
            free(path)
            Self.freeCStringArray(argv, count: arguments.count + 1)
            Self.freeCStringArray(envp, count: environment.count)
        }

        // The test runs on a worker thread whose signal mask blocks SIGINT and friends, and a
        // child inherits the mask (and ignored signals) through execve: the program would never
        // see Ctrl-C. The child unblocks everything and restores the default actions.
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaultAction = sigaction()  // all zero: SIG_DFL, no flags
        sigemptyset(&defaultAction.sa_mask)
        let resetSignals: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH]
        let resetCount = resetSignals.count
        let resetList = UnsafeMutablePointer<Int32>.allocate(capacity: resetCount)
        resetList.initialize(from: resetSignals, count: resetCount)
        defer { resetList.deallocate() }

        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var descriptor: Int32 = -1
        let child = forkpty(&descriptor, nil, nil, &size)
        if child == 0 {
            var index = 0
            while index < resetCount {
                sigaction(resetList[index], &defaultAction, nil)
                index += 1
            }
            sigprocmask(SIG_SETMASK, &emptyMask, nil)
            execve(path, argv, envp)
            _exit(127)
        }
        guard child > 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.pid = child
        self.master = descriptor
    }

    deinit {
        if exitStatus == nil {
            Glibc.kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        if master >= 0 { close(master) }
    }

    /// All output so far as text (invalid UTF-8 repaired).
    var transcript: String { String(decoding: output, as: UTF8.self) }

    /// The output after the previous match that no `expect` has consumed yet.
    var unmatched: String { String(decoding: output[searchStart...], as: UTF8.self) }

    /// Types `text`: "\r" is Enter, "\t" TAB, "\u{03}" Ctrl-C, "\u{04}" Ctrl-D.
    func send(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                Issue.record("could not type \(text.debugDescription): errno \(errno)", sourceLocation: sourceLocation)
                return
            }
            written += count
        }
    }

    /// Waits until `text` appears in the output after the previous match, and returns the
    /// output from the previous match up to and including this one; nil (and an Issue with the
    /// tail of the output) when it does not appear within `timeout` seconds.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation)
        -> String?
    {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = Self.find(needle, in: output, from: searchStart) {
                let end = found + needle.count
                let consumed = String(decoding: output[searchStart..<end], as: UTF8.self)
                searchStart = end
                return consumed
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || atEnd {
                let why = atEnd ? "the program's output ended" : "nothing matched within \(timeout) s"
                Issue.record(
                    """
                    waiting for \(text.debugDescription): \(why). Output after the previous match (last 1500 bytes):
                    \(Self.tail(output[searchStart...]))
                    """, sourceLocation: sourceLocation)
                return nil
            }
            pump(milliseconds: Int32(min(remaining, 0.2) * 1000) + 1)
        }
    }

    /// Waits for the program to end, reading (and keeping) its output meanwhile. Returns its
    /// exit status, or 128 + the signal number when a signal ended it. On timeout it records an
    /// Issue, kills the program with SIGKILL and returns nil.
    @discardableResult
    func waitExit(timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                drain()
                let signal = status & 0x7f
                let result = signal == 0 ? (status >> 8) & 0xff : 128 + signal
                exitStatus = result
                return result
            }
            if deadline.timeIntervalSinceNow <= 0 {
                Glibc.kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                exitStatus = 128 + SIGKILL
                drain()
                Issue.record(
                    """
                    the program did not end within \(timeout) s and was killed. Its last output:
                    \(Self.tail(output[...]))
                    """, sourceLocation: sourceLocation)
                return nil
            }
            // Keep reading, so a program printing a lot never blocks on a full terminal buffer;
            // when the output has ended, just poll for the exit.
            if atEnd {
                usleep(2_000)
            } else {
                pump(milliseconds: 10)
            }
        }
    }

    /// Sends `signal` to the program.
    func kill(_ signal: Int32) {
        Glibc.kill(pid, signal)
    }

    /// Reads whatever arrives within `milliseconds`.
    private func pump(milliseconds: Int32) {
        guard !atEnd else { return }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return }
        readAvailable()
    }

    /// Reads one chunk; marks the end on EOF, or EIO (Linux's answer once the slave is closed).
    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            output += buffer[0..<count]
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            atEnd = true
        }
    }

    /// Reads everything already written, without waiting for more.
    private func drain() {
        while !atEnd {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { return }
            readAvailable()
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count - start >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func tail(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.suffix(1500), as: UTF8.self).debugDescription
    }

    private static func cStringArray(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { array[index] = strdup(string) }
        array[strings.count] = nil
        return array
    }

    private static func freeCStringArray(_ array: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, count: Int) {
        for index in 0..<count { free(array[index]) }
        array.deallocate()
    }

    /// `text` as a person sees it: escape sequences, carriage returns and bells removed.
    static func plain(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}":
                guard let kind = scalars.next() else { return result }
                if kind == "[" {
                    // CSI: parameter and intermediate bytes, then one final byte in @...~.
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                } else if kind == "]" {
                    // OSC: up to BEL or ESC \.
                    while let next = scalars.next(), next != "\u{07}", next != "\u{1B}" {}
                }
            case "\r", "\u{07}":
                continue
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
