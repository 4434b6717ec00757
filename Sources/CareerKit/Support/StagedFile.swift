import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file being written beside its destination, owner-only, and renamed over it when
/// complete.
///
/// The new file is created fresh (`O_CREAT | O_EXCL | O_NOFOLLOW`, under a hidden random
/// name in the destination's folder), so nothing planted there beforehand, a symbolic link
/// or a hard link, is ever written through: the rename replaces the name, never the file it
/// pointed at. A write that fails half-way (a full disk, a killed process) leaves the old
/// file whole. Its hidden name ends `.careerpath-PID-RANDOM.tmp`, so a later run can tell a
/// leftover of a process that died (`removeLeftovers(in:)`).
final class StagedFile {
    /// Where the file goes.
    let path: String
    /// The hidden file being written.
    let temporary: String
    private var descriptor: Int32

    /// Creates the hidden file in the destination's folder.
    ///
    /// - Throws: `CareerError.cannotWrite` naming `path`.
    init(path: String) throws {
        self.path = path
        let folder = Self.folder(of: path)
        let name = PathName.last(of: path).prefix(bytes: 100)
        var attempts = 0
        while true {
            let tail = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let candidate = folder + "/." + name + Self.marker + String(getpid()) + "-" + tail + Self.suffix
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if opened >= 0 {
                temporary = candidate
                descriptor = opened
                break
            }
            let failure = errno
            attempts += 1
            // A name taken already (by chance, or planted) gets another random tail.
            guard failure == EEXIST, attempts < 16 else {
                throw CareerError.cannotWrite(path: path, reason: PrivateFile.describe(failure))
            }
        }
        // Owner-only whatever the umask: personal data.
        fchmod(descriptor, 0o600)
    }

    deinit {
        discard()
    }

    private static let marker = ".careerpath-"
    private static let suffix = ".tmp"

    static func folder(of path: String) -> String {
        let folder = PathName.parent(of: path)
        return folder.isEmpty ? "." : folder
    }

    /// Appends text.
    func write(_ text: String) throws {
        guard descriptor >= 0 else { throw CareerError.cannotWrite(path: path, reason: "the file is closed already") }
        let failure = PrivateFile.writeAll(text, to: descriptor)
        if failure != 0 {
            discard()
            throw CareerError.cannotWrite(path: path, reason: PrivateFile.describe(failure))
        }
    }

    /// Closes the file (flushing it to disk first when `durably`) so it can be renamed.
    func close(durably: Bool) throws {
        guard descriptor >= 0 else { return }
        var failure: Int32 = 0
        if durably, fsync(descriptor) != 0 { failure = errno }
        if Glibc.close(descriptor) != 0, failure == 0 { failure = errno }
        descriptor = -1
        if failure != 0 {
            unlink(temporary)
            throw CareerError.cannotWrite(path: path, reason: PrivateFile.describe(failure))
        }
    }

    /// Puts the file in place: closes it and renames it over the destination (and, when
    /// `durably`, flushes the file and then the folder to disk).
    func commit(durably: Bool) throws {
        try close(durably: durably)
        try Self.rename(temporary, to: path)
        if durably { Self.syncFolder(of: path) }
    }

    /// Removes the file being written, when it is still there.
    func discard() {
        if descriptor >= 0 {
            _ = Glibc.close(descriptor)
            descriptor = -1
        }
        unlink(temporary)
    }

    /// Renames a staged file over its destination.
    static func rename(_ temporary: String, to path: String) throws {
        if Glibc.rename(temporary, path) != 0 {
            let failure = errno
            unlink(temporary)
            throw CareerError.cannotWrite(path: path, reason: PrivateFile.describe(failure))
        }
    }

    /// Flushes a folder's entries (a rename) to disk.
    static func syncFolder(of path: String) {
        let folder = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        fsync(folder)
        Glibc.close(folder)
    }

    /// The process that wrote a staged file, from its name, or nil when the name is not one.
    static func writer(ofName name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(suffix), let range = name.range(of: marker, options: .backwards)
        else { return nil }
        let tail = name[range.upperBound...].dropLast(suffix.count)
        guard let dash = tail.firstIndex(of: "-"), let pid = pid_t(tail[..<dash]), pid > 0 else { return nil }
        return pid
    }

    /// Removes the staged files that processes which are no longer running left in `folder`
    /// (a run killed half-way); those of live processes stay. Returns their names.
    @discardableResult
    static func removeLeftovers(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed: [String] = []
        for name in names {
            guard let pid = writer(ofName: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink(folder + "/" + name) == 0 { removed.append(name) }
        }
        return removed.sorted()
    }
}
