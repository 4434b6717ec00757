import Foundation
import Testing

/// `careerpath talk` with answers piped in, as a script or CI would: plain lines, no readline,
/// no escape codes even with TERM=xterm, and the same files as on a terminal.
@Suite("talk: the conversation through a pipe")
struct TalkPipeTests {
    /// Issue 13, point 14 (and 4) in a talk: a typed name longer than 200 characters is asked
    /// again, and control characters typed into a name never reach the session file.
    @Test func aTooLongNameIsAskedAgainAndEscapesAreDropped() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let input = [String(repeating: "a", count: 201), "Ana\u{1B}[2J Silva", String(repeating: "m", count: 300), "Jo Lee", "5"]
            .joined(separator: "\n") + "\n"
        let result = try fixture.runPiped(["--mode", "one-on-one", "--level", "ic.senior"], input: input)
        #expect(result.status == 75)
        #expect(result.outputLines.filter { $0 == "  Allowed: a name of up to 200 characters." }.count == 2)
        let names = fixture.sessionFileNames()
        #expect(names.count == 1)
        let id = try #require(names.first).replacingOccurrences(of: ".json", with: "")
        let session = try fixture.session(id)
        #expect((session["person"] as? [String: Any])?["name"] as? String == "Ana[2J Silva")
        #expect(session["manager_name"] as? String == "Jo Lee")
    }

    @Test func allFifteenManagerAnswersPipedInFinishWithoutEscapeCodes() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let input = TalkFixture.managerAnswers.joined(separator: "\n") + "\n"
        let result = try fixture.runPiped(TalkFixture.managerSession, input: input)

        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(!result.standardOutput.contains("\u{1B}"))
        #expect(!result.standardOutput.contains("\r"))
        let lines = result.outputLines
        // Each piped answer is shown after its prompt, so the transcript reads like a dialog.
        for answer in TalkFixture.managerAnswers {
            #expect(lines.contains("manager> " + answer), "\(answer)")
        }
        #expect(lines.contains { $0.hasPrefix("[1/17] Reality ") && $0.hasSuffix("Jo Lee, preparing for Pat Doe") })
        #expect(lines.contains { $0.hasPrefix("[17/17] Will ") })
        #expect(!result.standardOutput.contains("Not accepted"))
        #expect(lines.contains("== Result =="))
        #expect(lines.contains("Track fit"))
        #expect(
            result.standardOutput.range(
                of: #"Confidence: (low|medium|high)|(low|medium|high) confidence"#, options: .regularExpression) != nil)

        let sessionNames = fixture.sessionFileNames()
        #expect(sessionNames.count == 1)
        let id = try #require(sessionNames.first).replacingOccurrences(of: ".json", with: "")
        #expect(id.hasPrefix("20261122-pat-doe-"))
        #expect(try fixture.session(id)["status"] as? String == "finished")
        #expect(try fixture.managerAnswers(id).count == 17)

        let planNames = ((try? FileManager.default.contentsOfDirectory(atPath: fixture.plans.path)) ?? []).sorted()
        #expect(planNames == ["\(id).html", "\(id).json", "\(id).md"])
        for name in planNames {
            #expect(TalkFixture.permissions(of: fixture.plans.appendingPathComponent(name)) == 0o600, "\(name)")
        }
        let paths = ["md", "json", "html"].map { "  " + fixture.plans.appendingPathComponent("\(id).\($0)").path }
        // A preparation says how the one-on-one picks it up, as a command the person can run.
        let next: [String] = [
            "", "When you meet, careerpath talk --person \"Pat Doe\" picks up this preparation and asks only what is", "left.",
        ]
        #expect(Array(lines.suffix(7)) == ["The plan is written (readable by you only):"] + paths + next)
        // No readline, so no history file.
        #expect(!FileManager.default.fileExists(atPath: fixture.history.path))
    }

    @Test func aWrongPipedAnswerIsRefusedInPlainWordsAndTheNextLineIsTried() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let result = try fixture.runPiped(TalkFixture.managerSession, input: "5\n12\n4\n")

        // The input ends before the last question: saved, and exit 75 says "not finished".
        #expect(result.status == 75)
        #expect(!result.standardOutput.contains("\u{1B}"))
        let lines = result.outputLines
        let refused = try #require(lines.firstIndex(of: "manager> 12"))
        #expect(
            Array(lines[refused...].prefix(4)) == [
                "manager> 12",
                // Wrapped to the width, the rest of the reason under its first words.
                "  Not accepted: '12' is not allowed; allowed: 1..6 (1 = never, 6 = consistently), or n/a (no chance",
                "                to observe yet)",
                "manager> 4",
            ])
        #expect(lines.contains { $0.hasPrefix("[3/17] Reality ") })
    }

    @Test func inputEndingEarlySavesTheAnswersAndSaysHowToResume() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let input = TalkFixture.managerAnswers.prefix(3).joined(separator: "\n") + "\n"
        let result = try fixture.runPiped(TalkFixture.managerSession, input: input)

        #expect(result.status == 75)
        let id = try #require(fixture.sessionFileNames().first).replacingOccurrences(of: ".json", with: "")
        #expect(result.outputLines.suffix(3) == ["manager> ", "", "Saved 3 answers. Resume with: careerpath talk --resume \(id)"])
        let answers = try fixture.managerAnswers(id)
        #expect(answers == ["obs.depth": 5, "obs.craft": 4, "obs.mentoring": 4])
        #expect(try fixture.session(id)["status"] as? String == "open")
        #expect(!FileManager.default.fileExists(atPath: fixture.plans.path))
    }

    /// `:fit` counts the answers so far in plain words.
    @Test func fitSaysHowManyAnswersItIsBasedOn() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let one = try fixture.runPiped(TalkFixture.managerSession, input: TalkFixture.managerAnswers[0] + "\n:fit\n")
        #expect(one.outputLines.contains { $0.hasSuffix("confidence so far (1 answer).") })
        let two = try fixture.runPiped(
            TalkFixture.managerSession, input: TalkFixture.managerAnswers.prefix(2).joined(separator: "\n") + "\n:fit\n")
        #expect(two.outputLines.contains { $0.hasSuffix("confidence so far (2 answers).") })
    }

    @Test func theStartQuestionsCanBeAnsweredThroughAPipe() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let result = try fixture.runPiped([], input: "\nAna Silva\nic.senior\nJordan Lee\n")

        #expect(result.status == 75)
        #expect(!result.standardOutput.contains("\u{1B}"))
        let lines = result.outputLines
        #expect(
            Array(lines.prefix(4)) == [
                "Session: one-on-one, self or manager? [one-on-one] ",
                "Contributor's name: Ana Silva",
                "Ana Silva's current level (TAB lists the levels by rung): ic.senior",
                "Manager's name (Enter to leave out): Jordan Lee",
            ])
        #expect(lines.contains { $0.hasPrefix("[1/65] Goal ") && $0.hasSuffix("Contributor (Ana Silva)'s turn") })
        // Nothing was answered, so no empty session is left behind.
        #expect(lines.last == "Nothing was answered, so nothing was kept.")
        #expect(fixture.sessionFileNames().isEmpty)
    }
}
