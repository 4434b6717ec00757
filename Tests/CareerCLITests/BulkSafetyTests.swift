import Foundation
import Testing

/// Points 1, 3, 7, 8 and 15 of issue 13 with real processes: a planted link is never written
/// through, a full disk and a killed run leave every file whole, a missing input creates
/// nothing, and a link in an input folder is skipped by name.
@Suite("bulk: links, a full disk, a killed run")
struct BulkSafetyTests {
    static let team = CommandRunner.fixtures.appendingPathComponent("team.csv")
    static let prompts = CommandRunner.promptsFolder.path

    /// Every file of a folder (not recursive), by name; hidden ones included.
    static func contents(of folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        return result
    }

    static func generateSheet(people: Int, seed: Int, to path: String) throws {
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = [
            "python3", CommandRunner.repoRoot.appendingPathComponent("scripts/gen-sheet.py").path, String(people), path, String(seed),
        ]
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0, "scripts/gen-sheet.py failed")
    }

    @Test func plantedSymbolicAndHardLinksAreReplacedNotWrittenThrough() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("plans")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            var victims: [String: String] = [:]
            for name in ["summary.csv", "errors.csv", "E1042.md", "E1043.json"] {
                let victim = folder.appendingPathComponent("victim-" + name).path
                try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
                #expect(chmod(victim, 0o644) == 0)
                victims[name] = victim
                let planted = out.appendingPathComponent(name).path
                if name.hasPrefix("E") {
                    #expect(link(victim, planted) == 0)  // ln victim OUT/E1042.md
                } else {
                    try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
                }
            }
            let result = try CommandRunner.run(["bulk", Self.team.path, "--out", out.path, "--quiet", "--prompts", Self.prompts])
            #expect(result.status == 0, "\(result.standardError)")
            for (name, victim) in victims {
                #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n", "\(name): its target was written")
                let mode = try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? NSNumber
                #expect(mode?.intValue == 0o644, "\(name): its target's mode changed")
                let planted = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)
                #expect(planted[.type] as? FileAttributeType == .typeRegular)
            }
            #expect(try String(contentsOf: out.appendingPathComponent("E1042.md"), encoding: .utf8).contains("Ana Silva"))
        }
    }

    @Test func aMissingInputCreatesNothingAndExits66() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("plans").path
            let result = try CommandRunner.run(
                ["bulk", "/nonexistent.csv", Self.team.path, "/nowhere/folder", "--out", out, "--prompts", Self.prompts])
            #expect(result.status == 66)
            #expect(result.standardOutput == "")
            #expect(result.errorLines == [
                "careerpath: cannot read '/nowhere/folder': no such file or folder",
                "careerpath: cannot read '/nonexistent.csv': no such file or folder",
            ])
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func aLinkInAnInputFolderIsSkippedAndNamed() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let secret = folder.appendingPathComponent("shadow").path
            try Data("root:*:19000:0:99999:7:::\n".utf8).write(to: URL(fileURLWithPath: secret))
            let input = folder.appendingPathComponent("fold")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: CommandRunner.fixtures.appendingPathComponent("ana-silva.yaml"), to: input.appendingPathComponent("ana.yaml"))
            let leak = input.appendingPathComponent("leak.yaml").path
            try FileManager.default.createSymbolicLink(atPath: leak, withDestinationPath: secret)
            let out = folder.appendingPathComponent("plans").path
            let result = try CommandRunner.run(["bulk", input.path, "--out", out, "--quiet", "--prompts", Self.prompts])
            #expect(result.status == 0)
            #expect(result.errorLines == ["careerpath: skipped '\(leak)': a symbolic link, which is not followed."])
            #expect(!(try String(contentsOfFile: out + "/errors.csv", encoding: .utf8)).contains("root"))
            let validate = try CommandRunner.run(["validate", "--prompts", Self.prompts, input.path])
            #expect(validate.status == 0)
            #expect(validate.errorLines == ["careerpath: skipped '\(leak)': a symbolic link, which is not followed."])
        }
    }

    /// Point 8: a rerun killed half-way leaves the shared files of the run before, every plan
    /// whole, and the next run says what happened and tidies up.
    @Test func aKilledRerunLeavesTheFolderConsistent() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let people = 512  // two batches
            let old = folder.appendingPathComponent("old.csv").path
            let new = folder.appendingPathComponent("new.csv").path
            try Self.generateSheet(people: people, seed: 1, to: old)
            try Self.generateSheet(people: people, seed: 2, to: new)
            let out = folder.appendingPathComponent("plans").path
            let arguments = ["--out", out, "--format", "json", "--quiet", "--jobs", "2", "--prompts", Self.prompts]
            let first = try CommandRunner.run(["bulk", old] + arguments, timeout: 300)
            try #require(first.status == 0, "\(first.standardError)")
            let before = try Self.contents(of: out)
            let firstPlan = out + "/P000001.json"

            // The rerun, killed once its first batch of plans is in place.
            let program = try #require(CommandRunner.executable)
            let rerun = Process()
            rerun.executableURL = program
            rerun.arguments = ["bulk", new] + arguments
            rerun.standardOutput = FileHandle.nullDevice
            rerun.standardError = FileHandle.nullDevice
            try rerun.run()
            var replaced = false
            while rerun.isRunning, !replaced {
                replaced = FileManager.default.contents(atPath: firstPlan) != before["P000001.json"]
                if !replaced { usleep(2_000) }
            }
            if rerun.isRunning { kill(rerun.processIdentifier, SIGKILL) }
            rerun.waitUntilExit()
            try #require(rerun.terminationReason == .uncaughtSignal, "the rerun finished before it could be killed")

            let after = try Self.contents(of: out)
            for name in ["summary.csv", "errors.csv", "equity.md", "equity.json"] {
                #expect(after[name] == before[name], "\(name) is not the earlier run's")
            }
            #expect(after.keys.contains(".careerpath-bulk"), "the stopped run is not marked")
            #expect(after["P000001.json"] != before["P000001.json"])
            for (name, data) in after where name.hasSuffix(".json") && !name.hasPrefix(".") {
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is torn")
            }

            // The next run says so, tidies the hidden files and leaves one run's folder.
            let third = try CommandRunner.run(["bulk", new] + arguments, timeout: 300)
            #expect(third.status == 0)
            #expect(third.errorLines.count == 1)
            #expect(
                third.errorLines.first?.range(
                    of: #"^careerpath: an earlier run into .+/plans \(started \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\) stopped before it finished; its plan files may have been a mix of two runs, and this run wrote its own over them\.$"#,
                    options: .regularExpression) != nil, "\(third.errorLines)")
            let final = try Self.contents(of: out)
            #expect(final.keys.filter { $0.hasPrefix(".") } == [])
            #expect(final.count == people + BulkCommandTests.shared.count)
            let summary = String(decoding: try #require(final["summary.csv"]), as: UTF8.self)
            #expect(summary.split(separator: "\n").count == people + 1)
            let equityData = try #require(final["equity.json"])
            let equity = try #require(try JSONSerialization.jsonObject(with: equityData) as? [String: Any])
            #expect(equity["people"] as? Int == people)
        }
    }

    /// Point 7: on a full disk a rerun fails with 73 and every file it did not finish is the
    /// earlier one, whole; the next run, with room again, finishes the job.
    @Test(.enabled(if: TemporaryMount.isPermitted, "needs to mount a tmpfs (root); skipped: mount is not permitted here"))
    func aRerunOnAFullDiskKeepsEveryOldFileWhole() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let mount = try TemporaryMount(at: folder.appendingPathComponent("disk").path, size: "2m")
            defer { mount.remove() }
            let out = mount.path + "/plans"
            let arguments = ["--out", out, "--format", "md,json", "--quiet", "--prompts", Self.prompts]
            let first = try CommandRunner.run(["bulk", Self.team.path] + arguments)
            try #require(first.status == 0, "\(first.standardError)")
            let before = try Self.contents(of: out)

            // The same people with other answers: every plan changes.
            let changed = folder.appendingPathComponent("changed.csv").path
            let sheet = try String(contentsOf: Self.team, encoding: .utf8).replacingOccurrences(of: "2026-11-22", with: "2027-03-01")
            try Data(sheet.utf8).write(to: URL(fileURLWithPath: changed))
            let reference = folder.appendingPathComponent("reference").path
            #expect(try CommandRunner.run(["bulk", changed, "--out", reference, "--format", "md,json", "--quiet", "--prompts", Self.prompts]).status == 0)
            let expected = try Self.contents(of: reference)

            // Fill the disk but for a few blocks: room for the marker and a plan or two.
            try mount.fill(leaving: 24 * 1024)
            let full = try CommandRunner.run(["bulk", changed] + arguments)
            #expect(full.status == 73)
            #expect(full.errorLines.count == 1)
            #expect(full.errorLines.first?.hasPrefix("careerpath: cannot write '\(out)/") == true, "\(full.errorLines)")
            #expect(full.errorLines.first?.hasSuffix("': no space left on device") == true, "\(full.errorLines)")
            let after = try Self.contents(of: out)
            #expect(after.keys.filter { $0.hasPrefix(".") && $0 != ".careerpath-bulk" } == [], "staged files were left")
            for (name, data) in after where !name.hasPrefix(".") {
                #expect(data == before[name] || data == expected[name], "\(name) is neither the old file nor the new one")
                #expect(!data.isEmpty, "\(name) is empty")
            }
            for name in ["summary.csv", "errors.csv", "equity.md", "equity.json"] {
                #expect(after[name] == before[name], "\(name) changed though the run failed")
            }

            // With room again, the run completes.
            try mount.emptyFill()
            let again = try CommandRunner.run(["bulk", changed] + arguments)
            #expect(again.status == 0)
            let final = try Self.contents(of: out)
            #expect(final.keys.sorted() == expected.keys.sorted())
            for (name, data) in final {
                #expect(data == expected[name], "\(name) differs from a run into an empty folder")
            }
        }
    }
}

/// A small tmpfs, mounted for one test (as root), to fill up.
struct TemporaryMount {
    let path: String

    /// Whether this process may mount a tmpfs: tried once, on a scratch folder.
    static let isPermitted: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("careerpath-mount-probe-\(getpid())").path
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]) == 0 else { return false }
        return run("/bin/umount", [probe]) == 0
    }()

    init(at path: String, size: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try #require(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", path]) == 0, "mount failed")
    }

    /// Fills the disk with `dd`, then frees `bytes` again.
    func fill(leaving bytes: Int) throws {
        _ = Self.run("/bin/dd", ["if=/dev/zero", "of=\(path)/fill", "bs=4096"])  // ends with "no space left"
        _ = Self.run("/usr/bin/truncate", ["-s", "-\(bytes)", "\(path)/fill"])
    }

    func emptyFill() throws {
        try FileManager.default.removeItem(atPath: path + "/fill")
    }

    func remove() {
        _ = Self.run("/bin/umount", ["-l", path])
    }

    @discardableResult
    static func run(_ program: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
