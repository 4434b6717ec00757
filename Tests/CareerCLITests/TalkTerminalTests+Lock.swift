import Foundation
import Testing

/// Points 4 and 13 of issue 20: an open session is locked for the talk's life, and the
/// line-editing history is never written through a link. In the serialized terminal suite:
/// a talk on a pseudo-terminal holds the lock.
extension TalkTerminalTests {
    /// The id in "Session ID saved to PATH.".
    private func startedSession(_ terminal: PseudoTerminal, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(terminal.expect("Session ", sourceLocation: sourceLocation) != nil)
        let rest = try #require(terminal.expect(" saved to ", sourceLocation: sourceLocation))
        return String(rest.dropLast(" saved to ".count))
    }

    @Test func aSecondTalkOfAnOpenSessionSaysWhoHoldsItAndExits75UntilTheHolderIsKilled() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        let id = try startedSession(terminal)
        terminal.answerManagerQuestions(1...2)
        terminal.expectQuestion(3)
        let lock = fixture.sessions.appendingPathComponent(id + ".lock")
        let written = try String(contentsOf: lock, encoding: .utf8)
        #expect(written.hasPrefix("pid \(terminal.pid)\nstarted 20"))
        #expect(TalkFixture.permissions(of: lock) == 0o600)

        // A second talk of the same session, by id and by name: refused, naming the holder.
        for reference in [id, TalkFixture.person] {
            let second = try fixture.runPiped(["--resume", reference], input: "4\n")
            #expect(second.status == 75)
            #expect(second.errorLines.count == 1)
            let line = second.errorLines.first ?? ""
            #expect(line.hasPrefix("careerpath: the session '\(id)' is open in another talk (process \(terminal.pid), since 20"), "\(line)")
            #expect(line.hasSuffix(" UTC); finish or stop that one first, then resume"), "\(line)")
        }
        // Nor does forget delete a session a talk is about to save again.
        let forget = try CommandRunner.run(["forget", TalkFixture.person, "--yes"], environment: fixture.pipeEnvironment)
        #expect(forget.status == 75)
        #expect(forget.errorLines.first?.contains("is open in a talk (process \(terminal.pid), since ") == true)
        #expect(try fixture.managerAnswers(id).count == 2)

        // The holder crashes: the kernel lets go of the lock, and the session resumes.
        terminal.kill(SIGKILL)
        #expect(terminal.waitExit() == 128 + SIGKILL)
        let resumed = try fixture.runPiped(["--resume", id], input: TalkFixture.managerAnswers[2] + "\n")
        #expect(resumed.status == 75, "\(resumed.standardError)")
        #expect(resumed.standardOutput.hasPrefix("Resuming Pat Doe's manager session (2 answers so far)."))
        #expect(resumed.standardOutput.contains("Saved 3 answers."))
        #expect(try fixture.managerAnswers(id).count == 3)
        // Released at the end: the lock file goes with it.
        #expect(fixture.sessionFileNames() == ["\(id).json"])
    }

    @Test func aLinkAtTheLineHistoryIsRefusedAndItsTargetLeftAlone() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let target = fixture.folder.appendingPathComponent("world-readable")
        try Data(":help\n".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
        try FileManager.default.createDirectory(at: fixture.history.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: fixture.history, withDestinationURL: target)
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        #expect(terminal.waitExit() == 73)
        let said = PseudoTerminal.plain(String(decoding: terminal.output, as: UTF8.self))
        #expect(
            said == "careerpath: cannot write '\(fixture.history.path)': it is a symbolic link; careerpath never writes the line-editing "
                + "history through a link (its target may be readable by others): remove the link\n", "\(said)")
        #expect(try String(contentsOf: target, encoding: .utf8) == ":help\n")
        #expect(fixture.sessionFileNames() == [])
    }
}
