import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output folder of a bulk run, kept consistent across runs that are stopped half-way.
///
/// While a run works, a hidden marker (`.careerpath-bulk`) names its process. The shared
/// files (`summary.csv`, `errors.csv`, `equity.md`, `equity.json`) are written aside and put
/// in place together at the end: the marker first lists every rename, then the renames run,
/// then the marker goes. So a folder holds the shared files of one run, never a mix; a run
/// that finds the marker of a process that died finishes its listed renames, or, when it had
/// listed none, says that run stopped before it finished (its plans may be a mix of it and
/// the run before). Two runs into one folder at once are refused.
final class BulkFolder {
    static let markerName = ".careerpath-bulk"

    let directory: String
    var marker: String { directory + "/" + Self.markerName }
    /// This run's marker, once `begin()` placed it.
    private var mine: Contents?

    init(directory: String) {
        self.directory = directory
    }

    /// What the marker says.
    struct Contents {
        var pid: pid_t
        var started: String
        /// Hidden staged file and destination name, both in the folder.
        var renames: [(from: String, to: String)]

        var text: String {
            (["careerpath bulk", "pid \(pid)", "started \(started)"] + renames.map { "rename \($0.from) \($0.to)" })
                .joined(separator: "\n") + "\n"
        }

        init(pid: pid_t, started: String, renames: [(from: String, to: String)] = []) {
            self.pid = pid
            self.started = started
            self.renames = renames
        }

        /// Reads a marker; nil when it is not one (then it is left alone).
        init?(text: String) {
            let lines = text.split(separator: "\n").map(String.init)
            guard lines.first == "careerpath bulk", lines.count >= 3, lines[1].hasPrefix("pid "),
                let pid = pid_t(lines[1].dropFirst(4)), pid > 0, lines[2].hasPrefix("started ")
            else { return nil }
            self.pid = pid
            started = String(lines[2].dropFirst("started ".count))
            renames = []
            for line in lines.dropFirst(3) {
                let parts = line.split(separator: " ").map(String.init)
                // Only plain names inside the folder: never a path a marker could point elsewhere.
                guard parts.count == 3, parts[0] == "rename", !parts[1].contains("/"), !parts[2].contains("/") else {
                    return nil
                }
                renames.append((parts[1], parts[2]))
            }
        }
    }

    /// Makes the folder, takes it for this process, and tidies what an earlier run left.
    ///
    /// - Returns: what an earlier run left unfinished, if anything.
    /// - Throws: `CareerError.cannotWrite` when the folder cannot be made or written, or when
    ///   another running process is writing into it.
    func begin(now: Date = Date()) throws -> BulkRun.EarlierRun? {
        try PrivateFile.makeDirectory(directory)
        var earlier: BulkRun.EarlierRun?
        let contents = Contents(pid: getpid(), started: SessionDate.timestamp(now))
        for _ in 0..<8 {
            if try place(contents) {
                mine = contents
                StagedFile.removeLeftovers(in: directory)
                return earlier
            }
            // Someone's marker is there already.
            guard let text = try? String(contentsOfFile: marker, encoding: .utf8), let found = Contents(text: text) else {
                throw CareerError.cannotWrite(
                    path: directory,
                    reason: "it holds a file '\(Self.markerName)' that careerpath did not write; remove it or use another folder")
            }
            if found.pid != getpid(), kill(found.pid, 0) == 0 || errno != ESRCH {
                throw CareerError.cannotWrite(
                    path: directory,
                    reason: "another careerpath bulk (process \(found.pid), started \(found.started)) is writing into it; wait for it to finish, or use another folder (if no such run is going on, remove '\(Self.markerName)' from it)")
            }
            if found.renames.isEmpty {
                earlier = .stopped(started: found.started)
            } else {
                for rename in found.renames where FileManager.default.fileExists(atPath: directory + "/" + rename.from) {
                    try StagedFile.rename(directory + "/" + rename.from, to: directory + "/" + rename.to)
                }
                earlier = .completed(started: found.started)
            }
            unlink(marker)
        }
        throw CareerError.cannotWrite(path: marker, reason: "the folder keeps changing; is another careerpath writing into it?")
    }

    /// Puts the shared files in place together and releases the folder.
    ///
    /// - Parameter staged: each hidden staged file, closed, and its destination.
    func commit(_ staged: [(temporary: String, path: String)]) throws {
        let name = { (path: String) in PathName.last(of: path) }
        var contents = mine ?? Contents(pid: getpid(), started: SessionDate.timestamp(Date()))
        contents.renames = staged.map { (name($0.temporary), name($0.path)) }
        // The list of renames first: a run stopped from here on is finished by the next one.
        try PrivateFile.write(contents.text, to: marker, durably: false)
        for file in staged { try StagedFile.rename(file.temporary, to: file.path) }
        unlink(marker)
        mine = nil
    }

    /// Creates the marker only when there is none (a hard link of a finished file, so it is
    /// never seen half-written); false when one is there already.
    private func place(_ contents: Contents) throws -> Bool {
        let file = try StagedFile(path: marker)
        defer { file.discard() }
        try file.write(contents.text)
        try file.close(durably: false)
        if link(file.temporary, marker) == 0 { return true }
        let failure = errno
        guard failure == EEXIST else { throw CareerError.cannotWrite(path: marker, reason: PrivateFile.describe(failure)) }
        return false
    }

}
