import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files that only their owner can read (0600), in folders only their owner can
/// open (0700): plans and sessions hold personal data.
public enum PrivateFile {
    /// Creates the folder (and its parents) when missing, owner-only.
    public static func makeDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CareerError.cannotWrite(path: path, reason: "it is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CareerError.cannotWrite(path: path, reason: describe(errno))
        }
    }

    /// Writes `text` durably: to a temporary file beside the target, flushed to disk, then
    /// renamed over it, and the folder flushed, so a crash leaves the old file or the new one,
    /// never half of one.
    public static func writeDurably(_ text: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw CareerError.cannotWrite(path: path, reason: describe(errno)) }
        var failure = writeAll(text, to: descriptor)
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        fchmod(descriptor, 0o600)
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw CareerError.cannotWrite(path: path, reason: describe(failure))
        }
        let folder = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Writes `text` straight into the file (no temp file, no flush to disk): for bulk output
    /// that can be made again, where a rename per file would cost several times the write.
    public static func writeFast(_ text: String, to path: String) throws {
        // O_NOFOLLOW: a link planted where a plan goes is refused, not written through.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw CareerError.cannotWrite(path: path, reason: describe(errno)) }
        defer { close(descriptor) }
        let failure = writeAll(text, to: descriptor)
        if failure != 0 { throw CareerError.cannotWrite(path: path, reason: describe(failure)) }
        fchmod(descriptor, 0o600)
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
