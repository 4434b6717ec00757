import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The lock of one open session, held by the talk that has it for as long as it runs, so two
/// talks never save over each other's answers.
///
/// An advisory `flock` on a file beside the session file (`ID.lock`), which says who holds it
/// (the process id and when it took the lock). The kernel lets go of it when the process ends
/// however it ends, a crash or `kill -9` included, so a lock is never left behind; the file
/// may be, and is simply taken over by the next talk. Released, the file is removed.
public final class SessionLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        release()
    }

    /// The lock file of a session file: beside it, `.json` replaced by `.lock`.
    public static func path(forSession file: String) -> String {
        (file.hasSuffix(".json") ? String(file.dropLast(".json".count)) : file) + SessionStore.lockSuffix
    }

    /// Takes the lock of the session saved at `file`, without waiting.
    ///
    /// - Throws: `CareerError.busy` naming the process that holds it and since when;
    ///   `CareerError.cannotWrite` when the lock file cannot be made (a link at its name
    ///   included: it is never followed).
    public static func take(session file: String, now: Date = Date()) throws -> SessionLock {
        let path = path(forSession: file)
        try PrivateFile.makeDirectory(StagedFile.folder(of: path))
        for _ in 0..<8 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                let failure = errno
                throw CareerError.cannotWrite(
                    path: path, reason: failure == ELOOP ? "it is a symbolic link; careerpath never follows one there" : PrivateFile.describe(failure))
            }
            var opened = stat()
            guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                throw CareerError.cannotWrite(path: path, reason: "it is not a regular file")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let failure = errno
                let holder = failure == EWOULDBLOCK ? holderText(descriptor) : nil
                close(descriptor)
                guard let holder else { throw CareerError.cannotWrite(path: path, reason: PrivateFile.describe(failure)) }
                throw CareerError.busy(
                    "the session \(PrintableText.quoted(sessionName(file))) is open in another talk (\(holder)); "
                        + "finish or stop that one first, then resume")
            }
            // A talk that just let go removed the file after this one opened it: this lock is
            // on a file nobody else will find. Take the one now at the name instead.
            var named = stat()
            guard lstat(path, &named) == 0, named.st_dev == opened.st_dev, named.st_ino == opened.st_ino else {
                close(descriptor)
                continue
            }
            _ = fchmod(descriptor, 0o600)
            let text = "pid \(getpid())\nstarted \(SessionDate.timestamp(now))\n"
            _ = ftruncate(descriptor, 0)
            _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
            return SessionLock(path: path, descriptor: descriptor)
        }
        throw CareerError.cannotWrite(path: path, reason: "the lock file keeps changing; try again")
    }

    /// Who holds the lock of the session saved at `file`, in words, when a live process does.
    public static func holder(session file: String) -> String? {
        let descriptor = open(path(forSession: file), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) != 0, errno == EWOULDBLOCK else { return nil }
        return holderText(descriptor)
    }

    /// Lets go: the file goes first, while the lock is still held, then the lock.
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    /// What the holder wrote: "process 1234, since 2026-12-04 19:20:05 UTC".
    private static func holderText(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        var pid: String?
        var started: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("pid "), let number = Int32(line.dropFirst(4)) { pid = String(number) }
            if line.hasPrefix("started ") {
                // 2026-12-04T19:20:05Z, as written, reads 2026-12-04 19:20:05 UTC.
                let stamp = String(line.dropFirst(8))
                let readable = stamp.count == 20 && stamp.hasSuffix("Z")
                    ? stamp.prefix(10) + " " + stamp.dropFirst(11).prefix(8) + " UTC" : stamp
                started = PrintableText.excerpt(String(readable), limit: 40)
            }
        }
        guard let pid else { return "a process that has not said which yet" }
        return "process \(pid)" + (started.map { ", since \($0)" } ?? "")
    }

    private static func sessionName(_ file: String) -> String {
        let name = PathName.last(of: file)
        return name.hasSuffix(".json") ? String(name.dropLast(".json".count)) : name
    }
}
