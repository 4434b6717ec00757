import Foundation
import Testing

/// `careerpath talk` under a real pseudo-terminal: GNU Readline, TAB, Ctrl-C, Ctrl-D, colour,
/// and sessions that survive being stopped or killed.
///
/// Serialized: a PTY's descriptors are inherited by children started in parallel.
@Suite("talk: the conversation on a real terminal", .serialized)
struct TalkTerminalTests {
    static let colourCodes = ["\u{1B}[3", "\u{1B}[1;", "\u{1B}[1m", "\u{1B}[2m", "\u{1B}[0m"]

    /// Reads "Session ID saved to PATH." and returns ID.
    private func sessionID(_ terminal: PseudoTerminal, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(terminal.expect("Session ", sourceLocation: sourceLocation) != nil)
        let rest = try #require(terminal.expect(" saved to ", sourceLocation: sourceLocation))
        let id = String(rest.dropLast(" saved to ".count))
        #expect(id.hasPrefix("20261122-pat-doe-") || id.hasPrefix("20261122-ana-silva-"), sourceLocation: sourceLocation)
        return id
    }

    // MARK: 1. A whole session

    @Test func aManagerSessionTypedAnswerByAnswerFinishesAndWritesPrivateFiles() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        let id = try sessionID(terminal)

        terminal.answerManagerQuestions(1...15)
        terminal.expect("== Result ==")
        terminal.expect("Track fit")
        terminal.expectConfidence()
        terminal.expect("The plan is written (readable by you only):")
        #expect(terminal.waitExit() == 0)

        let transcript = terminal.transcript
        #expect(!transcript.contains("Not accepted"))
        #expect(!transcript.contains("[16/15]"))
        // TERM=xterm without NO_COLOR: colour is on (so the NO_COLOR test below can fail).
        // A manager prepares no goal: the first section is Reality.
        #expect(!transcript.contains("== Goal =="))
        #expect(transcript.contains("\u{1B}[1;34m== Reality ==\u{1B}[0m"))
        #expect(transcript.contains("\u{1B}[1m[1/15] Reality\u{1B}[0m"))

        // The three plan files, owner-only, in an owner-only folder.
        let planNames = ((try? FileManager.default.contentsOfDirectory(atPath: fixture.plans.path)) ?? []).sorted()
        #expect(planNames == ["\(id).html", "\(id).json", "\(id).md"])
        for name in planNames {
            #expect(TalkFixture.permissions(of: fixture.plans.appendingPathComponent(name)) == 0o600, "\(name)")
        }
        #expect(TalkFixture.permissions(of: fixture.plans) == 0o700)

        // The session file: owner-only, finished, all 15 answers, pointing at the plans.
        #expect(fixture.sessionFileNames() == ["\(id).json"])
        let file = fixture.sessionFile(id)
        #expect(TalkFixture.permissions(of: file) == 0o600)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(#""status" : "finished""#))
        let record = try fixture.session(id)
        #expect(record["status"] as? String == "finished")
        #expect(record["mode"] as? String == "manager")
        #expect(record["date"] as? String == TalkFixture.date)
        #expect(record["manager_name"] as? String == TalkFixture.managerName)
        let answers = try fixture.managerAnswers(id)
        #expect(answers.count == 15)
        #expect(answers["view.track"] == "hybrid")
        #expect(answers["view.readiness"] == "within_1y")
        #expect(answers["budget.currency"] == "EUR")
        #expect(answers["will.support"] == .text(TalkFixture.managerAnswers[14]))
        #expect(record["plan_files"] as? [String] == ["md", "json", "html"].map { fixture.plans.appendingPathComponent("\(id).\($0)").path })

        // Readline's history went to XDG_STATE_HOME, owner-only; nothing went to HOME.
        #expect(TalkFixture.permissions(of: fixture.history) == 0o600)
        // Answers are personal: they never go to the history file, which keeps only commands.
        let history = (try? String(contentsOf: fixture.history, encoding: .utf8)) ?? ""
        #expect(!history.split(separator: "\n").contains("hybrid"))
        #expect(!history.contains(TalkFixture.managerAnswers[14]))
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent(".local").path))
    }

    // MARK: 2. A wrong answer

    @Test func aWrongAnswerGetsOneLineAndTheSamePromptThenAValidOneMovesOn() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        let id = try sessionID(terminal)
        terminal.answerManagerQuestions(1...1)

        let card = try #require(terminal.expectQuestion(2))
        #expect(card.contains("  1 never   2 rarely   3 sometimes   4 often   5 usually   6 consistently\n  n/a no chance to observe yet\n"))
        terminal.send("12\r")
        // The echo, one line saying why, and the same prompt again: no card in between.
        let reply = try #require(terminal.expect("manager> "))
        #expect(
            PseudoTerminal.plain(reply)
                == "12\n  Not accepted: '12' is not allowed; allowed: 1..6 (1 = never, 6 = consistently), or n/a (no chance\n"
                + "                to observe yet)\nmanager> ")
        #expect(try fixture.managerAnswers(id)["obs.craft"] == nil)

        terminal.send("4\r")
        let next = try #require(terminal.expectQuestion(3))
        #expect(next.hasPrefix("4\n\n[3/15] Reality"))
        #expect(try fixture.managerAnswers(id)["obs.craft"] == 4)

        terminal.send("\u{04}")
        terminal.expect("Saved 2 answers. Resume with: careerpath talk --resume \(id)\r\n")
        #expect(terminal.waitExit() == 0)
    }

    // MARK: 3. TAB completion

    @Test func tabCompletesAnswersAndCommands() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        let id = try sessionID(terminal)

        // A scale label: "usu" TAB completes to "usually", recorded as 5.
        terminal.expectQuestion(1)
        terminal.send("usu")
        terminal.send("\t")
        terminal.send("\r")
        let scaleLine = try #require(terminal.expectEchoedLine())
        #expect(scaleLine.trimmingCharacters(in: .whitespaces) == "usually")
        terminal.expectQuestion(2)
        #expect(try fixture.managerAnswers(id)["obs.depth"] == 5)

        // "n/" TAB completes to "n/a": no chance to observe yet.
        terminal.send("n/")
        terminal.send("\t")
        terminal.send("\r")
        #expect(try #require(terminal.expectEchoedLine()) == "n/a")
        terminal.expectQuestion(3)
        #expect(try fixture.managerAnswers(id)["obs.craft"] == "n/a")
        for number in 3...8 {
            terminal.send(TalkFixture.managerAnswers[number - 1] + "\r")
            terminal.expectQuestion(number + 1)
        }

        // view.track: "hyb" TAB Enter records hybrid.
        terminal.send("hyb")
        terminal.send("\t")
        terminal.send("\r")
        let trackLine = try #require(terminal.expectEchoedLine())
        // Choices complete to their values, ignoring case; no space is added.
        #expect(trackLine == "hybrid")
        terminal.expectQuestion(10)
        #expect(try fixture.managerAnswers(id)["view.track"] == "hybrid")

        // A command: ":he" TAB completes to ":help".
        terminal.send(":he")
        terminal.send("\t")
        terminal.send("\r")
        let commandLine = try #require(terminal.expectEchoedLine())
        #expect(commandLine == ":help")
        let help = try #require(terminal.expect("manager> "))
        #expect(PseudoTerminal.plain(help).hasPrefix("  Answer with the number, the words, or the first letters"))
        #expect(help.contains("Ctrl-C clears the line; Ctrl-D saves and stops."))

        // :review shows the answer TAB helped to give.
        terminal.send(":rev\t\r")
        let review = PseudoTerminal.plain(try #require(terminal.expect("manager> ")))
        let trackRow = review.split(separator: "\n").first { $0.contains("view.track") }
        #expect(trackRow?.hasPrefix("  M  view.track ") == true)
        let craftRow = review.split(separator: "\n").first { $0.contains("obs.craft") }
        #expect(craftRow?.hasSuffix("  n/a (no chance to observe yet)") == true)
        #expect(trackRow?.contains("  Hybrid, technical leadership") == true)
        let depthRow = review.split(separator: "\n").first { $0.contains("obs.depth") }
        #expect(depthRow?.hasSuffix("  5 (usually)") == true)

        terminal.send("\u{04}")
        terminal.expect("Resume with:")
        #expect(terminal.waitExit() == 0)
    }

    // MARK: 4. :back

    @Test func backReturnsToThePreviousQuestionAndEnterKeepsItsAnswer() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        let id = try sessionID(terminal)

        terminal.expectQuestion(1)
        terminal.send(":back\r")
        let first = try #require(terminal.expect("manager> "))
        #expect(PseudoTerminal.plain(first) == ":back\n  This is the first question.\nmanager> ")

        terminal.send("5\r")
        terminal.expectQuestion(2)
        terminal.send("4\r")
        terminal.expectQuestion(3)
        terminal.send(":back\r")
        let again = try #require(terminal.expectQuestion(2))
        #expect(!again.contains("[3/15]"))
        #expect(again.contains("How often have you seen them build and ship solid work themselves?\n"))
        #expect(again.contains("\n  Answered before: 4 (often). Press Enter to keep it.\n"))

        terminal.send("\r")
        let third = try #require(terminal.expectQuestion(3))
        #expect(!third.contains("Answered before"))
        #expect(!third.contains("Not accepted"))
        let answers = try fixture.managerAnswers(id)
        #expect(answers == ["obs.depth": 5, "obs.craft": 4])

        terminal.send(":q\r")
        terminal.expect("Saved 2 answers. Resume with: careerpath talk --resume \(id)\r\n")
        #expect(terminal.waitExit() == 0)
    }

    // MARK: 5. Ctrl-C

    @Test func ctrlCClearsAHalfTypedLine() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        let id = try sessionID(terminal)

        terminal.expectQuestion(1)
        terminal.send("zzz")
        terminal.expect("zzz")
        terminal.send("\u{03}")
        let cleared = try #require(terminal.expect("manager> "))
        #expect(PseudoTerminal.plain(cleared) == "^C\nmanager> ")

        terminal.send("5\r")
        let card = try #require(terminal.expectQuestion(2))
        #expect(card.hasPrefix("5\n"))
        #expect(!terminal.transcript.contains("Not accepted"))
        #expect(try fixture.managerAnswers(id) == ["obs.depth": 5])

        // Ctrl-C on an empty line, then Ctrl-D: the end of input is not lost.
        terminal.send("\u{03}")
        terminal.expect("^C\r\nmanager> ")
        terminal.send("\u{04}")
        terminal.expect("Saved 1 answer. Resume with: careerpath talk --resume \(id)\r\n")
        #expect(terminal.waitExit() == 0)
    }

    // MARK: 6. Ctrl-D, --list, --resume

    @Test func ctrlDSavesAndResumeContinuesAtTheFirstOpenQuestion() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        let id = try sessionID(terminal)
        terminal.answerManagerQuestions(1...3)
        terminal.expectQuestion(4)
        terminal.send("\u{04}")
        let stop = try #require(terminal.expect("--resume "))
        #expect(PseudoTerminal.plain(stop) == "\n\nSaved 3 answers. Resume with: careerpath talk --resume ")
        let shownID = try #require(terminal.expect("\r\n")).trimmingCharacters(in: .newlines)
        #expect(shownID == id)
        #expect(terminal.waitExit() == 0)

        let listed = try fixture.runPiped(["--list"])
        #expect(listed.status == 0)
        #expect(listed.standardError == "")
        #expect(listed.outputLines.count == 2)
        #expect(listed.outputLines.first == "Unfinished sessions (resume with careerpath talk --resume ID):")
        #expect(listed.outputLines.last?.hasPrefix("  \(id)  Pat Doe, manager, 3 answers, last saved 20") == true)

        let resumed = try fixture.startTerminal(["--resume", id])
        let opening = try #require(resumed.expect("manager> "))
        let plain = PseudoTerminal.plain(opening)
        #expect(plain.hasPrefix("Resuming Pat Doe's manager session (3 answers so far).\n"))
        #expect(plain.contains("[4/15] Reality"))
        for earlier in 1...3 { #expect(!plain.contains("[\(earlier)/15]")) }
        resumed.send(TalkFixture.managerAnswers[3] + "\r")
        resumed.answerManagerQuestions(5...15)
        resumed.expect("Track fit")
        resumed.expectConfidence()
        #expect(resumed.waitExit() == 0)
        #expect(try fixture.managerAnswers(id).count == 15)
        #expect(try fixture.session(id)["status"] as? String == "finished")
        #expect(fixture.sessionFileNames() == ["\(id).json"])

        let after = try fixture.runPiped(["--list"])
        #expect(after.standardOutput == "No unfinished sessions.\n")
    }

    // MARK: 6b. The line-editing history

    /// Point 2 of issue 13: a note is personal text about someone and never enters the
    /// line-editing history; answers stay out of the file too; bare commands are kept.
    @Test func aNoteNeverEntersTheLineEditingHistory() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        _ = try sessionID(terminal)
        terminal.expectQuestion(1)
        terminal.send(":note Pat wants to stay hands-on; moving to Lisbon\r")
        terminal.expect("Note kept")
        terminal.send(":help\r")
        terminal.expect(":quit ")
        terminal.send(TalkFixture.managerAnswers[0] + "\r")
        terminal.expectQuestion(2)
        terminal.send("\u{04}")
        terminal.expect("--resume ")
        #expect(terminal.waitExit() == 0)
        #expect(try String(contentsOf: fixture.history, encoding: .utf8) == ":help\n")
    }

    // MARK: 7. SIGKILL

    @Test func aKilledSessionKeepsEveryAcceptedAnswerAndResumesByName() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession)
        let id = try sessionID(terminal)
        terminal.answerManagerQuestions(1...5)
        terminal.expectQuestion(6)
        terminal.kill(SIGKILL)
        #expect(terminal.waitExit() == 128 + SIGKILL)

        // The lock file stays (the kernel let go of its lock); the next talk takes it over.
        #expect(fixture.sessionFileNames() == ["\(id).json", "\(id).lock"])
        #expect(TalkFixture.permissions(of: fixture.sessionFile(id)) == 0o600)
        let record = try fixture.session(id)
        #expect(record["status"] as? String == "open")
        #expect(try fixture.managerAnswers(id) == TalkFixture.firstFiveStored)
        #expect((record["answers"] as? [String: Any])?.keys.sorted() == ["manager"])

        let resumed = try fixture.startTerminal(["--resume", TalkFixture.person])
        let opening = PseudoTerminal.plain(try #require(resumed.expect("manager> ")))
        #expect(opening.hasPrefix("Resuming Pat Doe's manager session (5 answers so far).\n"))
        let marker = opening.range(of: #"\[\d+/15\]"#, options: .regularExpression).map { String(opening[$0]) }
        #expect(marker == "[6/15]")
        resumed.send("\u{04}")
        resumed.expect("Saved 5 answers. Resume with: careerpath talk --resume \(id)\r\n")
        #expect(resumed.waitExit() == 0)
        #expect(fixture.sessionFileNames() == ["\(id).json"])
    }

    // MARK: 8. Colour

    @Test func noColorTurnsOffEveryColourCodeOnATerminal() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession, environment: ["NO_COLOR": "1"])
        _ = try sessionID(terminal)
        terminal.answerManagerQuestions(1...15)
        terminal.expect("Track fit")
        terminal.expectConfidence()
        #expect(terminal.waitExit() == 0)
        let transcript = terminal.transcript
        #expect(transcript.contains("[1/15] Reality "))
        #expect(transcript.contains("== Result =="))
        for code in Self.colourCodes {
            #expect(!transcript.contains(code), "colour code \(code.debugDescription) with NO_COLOR=1")
        }
    }

    @Test func aDumbTerminalGetsNoEscapeCodesAtAll() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession, term: "dumb")
        let id = try sessionID(terminal)
        let card = try #require(terminal.expectQuestion(1))
        #expect(card.contains("\n[1/15] Reality "))
        terminal.send("5\r")
        terminal.expectQuestion(2)
        terminal.send("12\r")
        terminal.expect(
            "  Not accepted: '12' is not allowed; allowed: 1..6 (1 = never, 6 = consistently), or n/a (no chance\r\n"
                + "                to observe yet)\r\nmanager> ")
        terminal.send(":q\r")
        terminal.expect("Saved 1 answer. Resume with: careerpath talk --resume \(id)\r\n")
        #expect(terminal.waitExit() == 0)
        #expect(!terminal.transcript.contains("\u{1B}"))
        #expect(try fixture.managerAnswers(id) == ["obs.depth": 5])
    }

    // MARK: Starting without --person, --level and --mode

    @Test func aOneOnOneAsksForWhatTheCommandLineDidNotSay() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal([])

        terminal.expect("Session: one-on-one, self or manager? [one-on-one] ")
        terminal.send("\r")
        terminal.expect("Contributor's name: ")
        terminal.send("Ana Silva\r")
        terminal.expect("Ana Silva's current level (TAB lists the levels by rung): ")
        terminal.send("boss\r")
        let refused = PseudoTerminal.plain(try #require(terminal.expect("(TAB lists the levels by rung): ")))
        #expect(refused.hasPrefix("boss\n  No level is called 'boss'. The levels, lowest rung first: Junior Engineer (ic.junior);"))
        #expect(refused.contains("; Senior Engineer (ic.senior) or Tech Lead (mgmt.tech_lead);"))
        terminal.send("ic.senior\r")
        terminal.expect("Manager's name (Enter to leave out): ")
        terminal.send("Jordan Lee\r")
        let id = try sessionID(terminal)
        let card = try #require(terminal.expectQuestion(1, of: 62, prompt: "contributor> "))
        #expect(card.contains("[1/62] Goal "))
        #expect(card.contains("Contributor (Ana Silva)'s turn\n"))
        #expect(card.contains(":skip to leave it out"))
        terminal.send("4\r")
        terminal.expectQuestion(2, of: 62, prompt: "contributor> ")  // wait for the prompt before typing
        terminal.send("\u{04}")
        terminal.expect("Saved 1 answer. Resume with: careerpath talk --resume \(id)\r\n")
        #expect(terminal.waitExit() == 0)

        let record = try fixture.session(id)
        #expect(record["mode"] as? String == "one-on-one")
        #expect(record["manager_name"] as? String == "Jordan Lee")
        #expect(record["date"] as? String == TalkFixture.date)
        let person = record["person"] as? [String: Any]
        #expect(person?["name"] as? String == "Ana Silva")
        #expect(person?["current_level"] as? String == "ic.senior")
    }

    @Test func ctrlDAtTheFirstStartPromptSavesNothing() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal([])
        terminal.expect("Session: one-on-one, self or manager? [one-on-one] ")
        terminal.send("\u{04}")
        terminal.expect("Stopped before the first question; nothing was saved.\r\n")
        #expect(terminal.waitExit() == 0)
        #expect(fixture.sessionFileNames() == [])
    }
}
