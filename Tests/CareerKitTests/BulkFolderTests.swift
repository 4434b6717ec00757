import Foundation
import Testing

@testable import CareerKit

/// Points 1, 3, 7, 8 and 15 of issue 13 at the library level: files are written aside and
/// renamed into place, a bulk folder is never left half one run's, inputs are checked first,
/// and links in input folders are not followed. (The same, with real processes, a full disk
/// and a kill, is in `BulkSafetyTests`.)
@Suite struct BulkFolderTests {
    typealias Kit = BulkTestKit

    /// A process id that is no longer running: a child that has ended.
    static func deadProcess() throws -> pid_t {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        return child.processIdentifier
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue & 0o777
    }

    static func hidden(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.sorted()
    }

    // MARK: - Writing aside

    @Test func aSymbolicLinkAtTheDestinationIsReplacedNotWrittenThrough() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let victim = root.appendingPathComponent("victim.txt").path
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
        chmod(victim, 0o644)
        let link = root.appendingPathComponent("plan.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        try PrivateFile.write("the plan\n", to: link, durably: false)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try Self.mode(victim) == 0o644)
        let attributes = try FileManager.default.attributesOfItem(atPath: link)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOfFile: link, encoding: .utf8) == "the plan\n")
        #expect(try Self.mode(link) == 0o600)
        #expect(try Self.hidden(in: root) == [])
    }

    @Test func aHardLinkAtTheDestinationKeepsItsOwnContent() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let victim = root.appendingPathComponent("victim.txt").path
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
        let planted = root.appendingPathComponent("E1042.md").path
        #expect(link(victim, planted) == 0)
        try PrivateFile.write("the plan\n", to: planted, durably: true)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try String(contentsOfFile: planted, encoding: .utf8) == "the plan\n")
    }

    @Test func restrictingAFileNeverFollowsALink() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("history.sqlite-wal").path
        let victim = root.appendingPathComponent("victim").path
        for path in [file, victim] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
            #expect(chmod(path, 0o644) == 0)
        }
        let link = root.appendingPathComponent("history.sqlite-shm").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        PrivateFile.restrict(file)
        PrivateFile.restrict(link)
        #expect(try Self.mode(file) == 0o600)
        #expect(try Self.mode(victim) == 0o644)
    }

    @Test func aStagedFileIsHiddenUntilCommittedAndGoneWhenDiscarded() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("summary.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
        let staged = try StagedFile(path: path)
        try staged.write("new\n")
        let name = (staged.temporary as NSString).lastPathComponent
        #expect(name.hasPrefix(".summary.csv.careerpath-\(getpid())-") && name.hasSuffix(".tmp"))
        #expect(StagedFile.writer(ofName: name) == getpid())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        staged.discard()
        #expect(try Self.hidden(in: root) == [])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        let second = try StagedFile(path: path)
        try second.write("new\n")
        try second.commit(durably: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try Self.hidden(in: root) == [])
    }

    @Test func leftoversOfDeadProcessesAreRemovedAndThoseOfLiveOnesKept() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try Self.deadProcess()
        let names = [
            ".E1.md.careerpath-\(dead)-ab12.tmp", ".summary.csv.careerpath-\(getppid())-cd34.tmp", ".notes.tmp", "E1.md",
        ]
        for name in names { try Data().write(to: root.appendingPathComponent(name)) }
        #expect(StagedFile.removeLeftovers(in: root.path) == [names[0]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == names.dropFirst().sorted())
    }

    // MARK: - The shared files of a bulk run

    @Test func aRunThatStoppedBeforeItsRenamesIsReportedAndItsLeftoversGo() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let dead = try Self.deadProcess()
        try Data("careerpath bulk\npid \(dead)\nstarted 2026-11-23T10:00:00Z\n".utf8)
            .write(to: out.appendingPathComponent(BulkFolder.markerName))
        try Data("half a summary".utf8).write(to: out.appendingPathComponent(".summary.csv.careerpath-\(dead)-1.tmp"))
        let outcome = try Kit.run([TestSupport.fixture("team.csv")], into: out)
        #expect(outcome.earlierRun == .stopped(started: "2026-11-23T10:00:00Z"))
        #expect(try Self.hidden(in: out) == [])
        #expect(try Kit.records(out, "summary.csv").count == 5)
    }

    @Test func aRunThatStoppedDuringItsRenamesIsFinishedByTheNext() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = BulkFolder(directory: root.path)
        let dead = try Self.deadProcess()
        // Stopped after putting summary.csv in place, before errors.csv.
        try Data("new summary\n".utf8).write(to: root.appendingPathComponent("summary.csv"))
        try Data("old errors\n".utf8).write(to: root.appendingPathComponent("errors.csv"))
        let staged = ".errors.csv.careerpath-\(dead)-2.tmp"
        try Data("new errors\n".utf8).write(to: root.appendingPathComponent(staged))
        try Data(
            "careerpath bulk\npid \(dead)\nstarted 2026-11-23T10:00:00Z\nrename .summary.csv.careerpath-\(dead)-1.tmp summary.csv\nrename \(staged) errors.csv\n"
                .utf8
        ).write(to: root.appendingPathComponent(BulkFolder.markerName))
        #expect(try folder.begin() == .completed(started: "2026-11-23T10:00:00Z"))
        #expect(try String(contentsOf: root.appendingPathComponent("errors.csv"), encoding: .utf8) == "new errors\n")
        #expect(try String(contentsOf: root.appendingPathComponent("summary.csv"), encoding: .utf8) == "new summary\n")
        #expect(try Self.hidden(in: root) == [BulkFolder.markerName])
        try folder.commit([])
        #expect(try Self.hidden(in: root) == [])
    }

    @Test func aFolderAnotherRunningProcessWritesIntoIsRefused() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let other = getppid()
        try Data("careerpath bulk\npid \(other)\nstarted 2026-11-23T10:00:00Z\n".utf8)
            .write(to: root.appendingPathComponent(BulkFolder.markerName))
        #expect(
            throws: CareerError.cannotWrite(
                path: root.path,
                reason: "another careerpath bulk (process \(other), started 2026-11-23T10:00:00Z) is writing into it; wait for it to finish, or use another folder (if no such run is going on, remove '.careerpath-bulk' from it)")
        ) { try Kit.run([TestSupport.fixture("team.csv")], into: root) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("summary.csv").path))
    }

    @Test func plantedLinksAmongTheSharedFilesAreReplaced() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var victims: [String: String] = [:]
        for name in ["summary.csv", "errors.csv", "equity.md", "equity.json", "E1042.md"] {
            let victim = root.appendingPathComponent("victim-" + name).path
            try Data("precious \(name)\n".utf8).write(to: URL(fileURLWithPath: victim))
            chmod(victim, 0o644)
            victims[name] = victim
            if name == "E1042.md" {
                #expect(link(victim, out.appendingPathComponent(name).path) == 0)
            } else {
                try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent(name).path, withDestinationPath: victim)
            }
        }
        let outcome = try Kit.run([TestSupport.fixture("team.csv")], into: out)
        #expect(outcome.people == 4)
        for (name, victim) in victims {
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious \(name)\n", "\(name) was written through")
            #expect(try Self.mode(victim) == 0o644, "\(name) changed its target's mode")
            #expect(try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.type] as? FileAttributeType == .typeRegular)
        }
        #expect(try Self.hidden(in: out) == [])
    }

    // MARK: - Inputs

    @Test func aMissingInputStopsTheRunBeforeAnythingIsCreated() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        #expect(throws: CareerError.cannotRead(path: "/nonexistent.csv", reason: "no such file or folder")) {
            try Kit.run([TestSupport.fixture("team.csv"), "/nonexistent.csv"], into: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func linksAndPipesInAnInputFolderAreSkippedAndNamed() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("shadow").path
        try Data("root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n".utf8).write(to: URL(fileURLWithPath: secret))
        let folder = root.appendingPathComponent("fold")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.fixture("ana-silva.yaml"), toPath: folder.appendingPathComponent("ana.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("leak.yaml").path, withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("ben.yaml").path, withDestinationPath: TestSupport.fixture("ben-okafor.yaml"))
        #expect(mkfifo(folder.appendingPathComponent("pipe.yaml").path, 0o600) == 0)
        let out = root.appendingPathComponent("out")
        let outcome = try Kit.run([folder.path], into: out)
        #expect(outcome.people == 1)
        #expect(outcome.failed == 0)
        #expect(outcome.skipped == [
            BulkSource.Skipped(path: folder.appendingPathComponent("ben.yaml").path, reason: "a symbolic link, which is not followed"),
            BulkSource.Skipped(path: folder.appendingPathComponent("leak.yaml").path, reason: "a symbolic link, which is not followed"),
            BulkSource.Skipped(path: folder.appendingPathComponent("pipe.yaml").path, reason: "not a regular file"),
        ])
        #expect(try !Kit.text(out, "errors.csv").contains("root"))
    }

    @Test func anUnreadableLineIsEchoedAsAShortExcerpt() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let line = "root:" + String(repeating: "x", count: 300) + ":19000:0:99999:7:::"
        let path = try Kit.write(line + "\n", to: root.appendingPathComponent("shadow.yaml"))
        let found = TestSupport.diagnostics { _ = try AnswersFile.load(path: path, prompts: TestSupport.prompts) }
        // Like a line of /etc/shadow: YAML reads it as one long key.
        #expect(found.first?.message == "the answers file has an unknown key '\(String(line.prefix(60)))…'; allowed: person, manager, session, answers, notes")
        #expect(found.allSatisfy { !$0.message.contains(String(repeating: "x", count: 61)) })
    }
}
