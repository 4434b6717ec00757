import Foundation

// careerpath runs on Linux (GNU Readline, Glibc): one C library, named where it is called.
import Glibc

/// Writes files that only their owner can read (0600), in folders only their owner can
/// open (0700): plans and sessions hold personal data.
public enum PrivateFile {
    /// Creates the folder (and its parents) when missing, owner-only.
    public static func makeDirectory(_ path: String) throws {
        // Plain system calls: Foundation's createDirectory cost about a millisecond a start.
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw CareerError.cannotWrite(path: path, reason: "it is a file, not a folder") }
            return
        }
        let parent = PathName.parent(of: path)
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        if mkdir(path, 0o700) == 0 {
            _ = chmod(path, 0o700)  // whatever the process's umask
        } else if errno != EEXIST {
            throw CareerError.cannotWrite(path: path, reason: describe(errno))
        } else if stat(path, &status) != 0 || status.st_mode & S_IFMT != S_IFDIR {
            throw CareerError.cannotWrite(path: path, reason: "it is a file, not a folder")
        }
    }

    /// Creates an empty owner-only file at `path` unless something is there already (a link
    /// planted there is left alone, never followed). Returns whether it made one.
    @discardableResult
    public static func createEmptyIfMissing(_ path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        _ = fchmod(descriptor, 0o600)
        close(descriptor)
        return true
    }

    /// Writes `text` to `path`: into a new hidden file beside it, renamed over it when
    /// complete (`StagedFile`). A link planted at `path` is replaced, never written through,
    /// and a failed write leaves the old file whole.
    ///
    /// - Parameter durably: flush the file, then the folder, to disk before returning, for
    ///   what a person must not lose (sessions, plans of a talk). Bulk output, which a rerun
    ///   makes again, skips it: a flush per file costs about ten times the write.
    public static func write(_ text: String, to path: String, durably: Bool) throws {
        let file = try StagedFile(path: path)
        try file.write(text)
        try file.commit(durably: durably)
    }

    /// Makes an existing file owner-only without following a link planted at its name.
    ///
    /// By name, never by opening it: closing a descriptor of a file drops every POSIX lock
    /// this process holds on it, and SQLite keeps its locks on the database and its `-shm`
    /// file that way (another process would then reset the shared memory under this one).
    static func restrict(_ path: String) {
        _ = fchmodat(AT_FDCWD, path, 0o600, AT_SYMLINK_NOFOLLOW)
    }

    /// Writes all of `text` to an open file, going on after interruptions; 0, or the errno.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
        var utf8 = text
        return utf8.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
