import Foundation
import Testing

/// Issue 20 end to end: paths, output streams, session files and scripts that crashed or
/// misled careerpath, run as a person or a script would.
@Suite("hostile input, end to end")
struct HostileCommandTests {
    static let ana = CommandRunner.promptsFolder.appendingPathComponent("examples/ana-silva.yaml").path
    static let team = CommandRunner.promptsFolder.appendingPathComponent("examples/team.csv").path

    /// Point 5: a missing relative folder whose first part is one character crashed (SIGILL).
    @Test(arguments: [
        (["run", "--answers", ana, "--out", "x", "--no-record"], "x/E1042.md"),
        (["run", "--answers", ana, "--out", "x/", "--no-record"], "x/E1042.md"),
        (["run", "--answers", ana, "--out", "./y/z", "--no-record"], "y/z/E1042.md"),
        (["bulk", team, "--out", "p/2026", "--quiet"], "p/2026/summary.csv"),
        (["run", "--answers", ana, "--out", "o", "--db", "d/history.sqlite"], "d/history.sqlite"),
    ])
    func aMissingShortRelativeFolderIsMade(arguments: [String], made: String) throws {
        try CommandRunner.withTemporaryFolder { folder in
            let result = try CommandRunner.run(arguments, currentDirectory: folder)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(made).path))
        }
    }

    /// Point 9: a full standard output is one line and exit 73, never a crash.
    @Test(arguments: [
        ["run", "--answers", ana, "--no-record"], ["template", "yaml"], ["validate"], ["export", "--format", "csv"],
        ["calibration"],
    ])
    func aFullStandardOutputIsOneLineAndExit73(arguments: [String]) throws {
        let result = try CommandRunner.runWithOutput(to: "/dev/full", arguments)
        #expect(result.status == 73)
        #expect(result.errorLines == ["careerpath: cannot write to standard output: no space left on device"])
    }

    @Test func aReaderThatGoesAwayEndsTheProgramQuietly() throws {
        let result = try CommandRunner.runWithOutput(to: nil, ["template", "yaml"])
        #expect(result.status == 73)
        #expect(result.standardError == "")
    }

    /// Point 2: a session file's id is used as a path only when careerpath could have made it.
    @Test func aSessionWhoseIDIsAPathIsRefusedAndNothingIsWrittenThere() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let started = try fixture.runPiped(["--mode", "self", "--person", "Pat Doe", "--level", "senior"], input: "5\n")
        #expect(started.status == 75)
        let name = try #require(fixture.sessionFileNames().first)
        let file = fixture.sessions.appendingPathComponent(name)
        let target = fixture.folder.appendingPathComponent("escaped")
        var text = try String(contentsOf: file, encoding: .utf8)
        let id = name.replacingOccurrences(of: ".json", with: "")
        text = text.replacingOccurrences(of: "\"\(id)\"", with: "\"../../../escaped/pwned\"")
        let tampered = fixture.folder.appendingPathComponent("tampered.json")
        try text.write(to: tampered, atomically: true, encoding: .utf8)
        let result = try fixture.runPiped(["--resume", tampered.path], input: "5\n5\n")
        #expect(result.status == 65)
        let line = (text.components(separatedBy: "\n").firstIndex { $0.contains("\"id\" :") } ?? 0) + 1
        #expect(result.standardError.contains("tampered.json:\(line):10: the session id '../../../escaped/pwned' is not one careerpath makes"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    /// Point 8: a resumed session's answers are checked against the bank.
    @Test func aResumedSessionWithAnAnswerOutOfItsScaleIsRefused() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        _ = try fixture.runPiped(["--mode", "self", "--person", "Pat Doe", "--level", "senior"], input: "5\n")
        let name = try #require(fixture.sessionFileNames().first)
        let file = fixture.sessions.appendingPathComponent(name)
        let text = try String(contentsOf: file, encoding: .utf8)
        // The first question is the goal in words; a rating is put beside it, out of its scale.
        #expect(text.contains("\"goal.statement\" : \"5\""))
        try text.replacingOccurrences(of: "\"goal.statement\" : \"5\"", with: "\"goal.statement\" : \"5\", \"depth.mastery\" : 99")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try fixture.runPiped(["--resume", name.replacingOccurrences(of: ".json", with: "")], input: "5\n")
        #expect(result.status == 65)
        #expect(result.standardError.contains("'99' is not allowed; allowed: 1..6"), "\(result.standardError)")
    }

    /// Low: a wrong --level from a script is a usage error, not a question answered by the
    /// script's next line, and input that ends before the first question is exit 75.
    @Test func aWrongLevelFromAScriptIsAUsageError() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let result = try fixture.runPiped(["--mode", "self", "--person", "Pat Doe", "--level", "wizard"], input: "5\n")
        #expect(result.status == 64)
        #expect(result.errorLines.first?.hasPrefix("careerpath: --level: No level is called 'wizard'.") == true)
        #expect(fixture.sessionFileNames().isEmpty)
        let ended = try fixture.runPiped(["--mode", "self", "--person", "Pat Doe"], input: "")
        #expect(ended.status == 75)
    }

    /// Low: a piped line is shown escaped, so its control sequences do not act on the terminal.
    @Test func aPipedAnswerIsEchoedEscaped() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let result = try fixture.runPiped(["--mode", "self", "--person", "Pat Doe", "--level", "senior"], input: "\u{1B}]0;owned\u{07}\n")
        #expect(!result.standardOutput.contains("\u{1B}"))
        #expect(result.standardOutput.contains("\\u{1B}]0;owned\\u{7}") || result.standardOutput.contains("\\e]0;owned"), "\(result.standardOutput.suffix(400))")
    }

    /// Low: an input that never ends is refused, not read forever.
    @Test func aDeviceAsASheetIsRefused() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let link = folder.appendingPathComponent("zero.csv")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/zero")
            let validated = try CommandRunner.run(["validate", link.path], timeout: 30)
            #expect(validated.status == 66)
            #expect(validated.errorLines == ["careerpath: cannot read '\(link.path)': it is not a regular file; save the sheet to a file and name that"])
        }
    }

    /// Low: an unterminated quote is reported at its row, not read silently into one cell.
    @Test func anUnterminatedQuoteIsReportedAtItsRow() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let header = "person.name,person.current_level,contributor.goal.statement"
            let sheet = header + "\nAna,ic.senior,\"Lead the platform\nBo,ic.senior,Grow\nCy,ic.senior,Learn\n"
            let path = folder.appendingPathComponent("team.csv")
            try sheet.write(to: path, atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["validate", path.path])
            #expect(result.status == 65)
            #expect(result.errorLines.contains(
                "\(path.path):2:3: a quoted cell starts in this row and its closing quote never comes, so the rest of the file was read into it; close the quote (a quote inside a cell is written twice: \"\")"))
        }
    }
}

extension CommandRunner {
    /// Runs `careerpath` with its standard output on `path` (`/dev/full`), or on a pipe
    /// whose reading end is closed before it starts when `path` is nil.
    static func runWithOutput(to path: String?, _ arguments: [String]) throws -> CommandResult {
        let program = try #require(executable)
        return try withTemporaryFolder { folder in
            let errorFile = folder.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            let error = try FileHandle(forWritingTo: errorFile)
            defer { try? error.close() }
            let process = Process()
            process.executableURL = program
            process.arguments = arguments
            var variables = ProcessInfo.processInfo.environment
            variables["CAREERPATH_PROMPTS"] = nil
            variables["XDG_DATA_HOME"] = folder.path
            variables["XDG_STATE_HOME"] = folder.path
            process.environment = variables
            process.standardError = error
            process.standardInput = FileHandle.nullDevice
            let pipe = Pipe()
            if let path {
                process.standardOutput = FileHandle(forWritingAtPath: path)
            } else {
                process.standardOutput = pipe.fileHandleForWriting
            }
            if path == nil { try pipe.fileHandleForReading.close() }
            try process.run()
            try? pipe.fileHandleForWriting.close()
            process.waitUntilExit()
            return CommandResult(
                status: process.terminationStatus, standardOutput: "",
                standardError: try String(contentsOf: errorFile, encoding: .utf8))
        }
    }
}
