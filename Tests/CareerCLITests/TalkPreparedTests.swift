import Foundation
import Testing

/// Issue 12 end to end through a pipe: the contributor and the manager prepare apart, then the
/// one-on-one asks only what is left; manager-mode wording; n/a observations; forgiving input.
@Suite("talk: prepare apart, meet on what differs")
struct TalkPreparedTests {
    /// The question cards' markers, `[n/total]`, in the order shown.
    static func markers(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            line.range(of: #"^\[\d+/\d+\]"#, options: .regularExpression).map { String(line[$0]) }
        }
    }

    @Test func selfThenManagerThenAOneOnOneThatAsksOnlyWhatIsLeft() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let (own, seen) = try fixture.prepare()
        let ownRecord = try fixture.session(own)
        #expect(ownRecord["mode"] as? String == "self")
        #expect(ownRecord["status"] as? String == "finished")
        #expect((ownRecord["person"] as? [String: Any])?["current_level"] as? String == "ic.senior")
        // 10% was read as 10, n/a as no chance to observe yet.
        let prepared = try fixture.managerAnswers(seen)
        #expect(prepared["capacity.special_project_percent"] == 10)
        #expect(prepared["obs.conflict"] == "n/a")
        #expect(prepared.count == 17)

        // The one-on-one: differences first (agree on one, keep two), then options and will.
        let meeting = [
            "4", "keep Pat leads the guild reviews I do not see", "keep", "The evidence is new", "", "", "", "", "", "",
            "", "Write the cache design doc by Friday", "",
        ]
        let result = try fixture.runPiped(["--person", TalkFixture.person], input: meeting.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.standardOutput.suffix(800))")
        #expect(result.standardError == "")
        let lines = result.outputLines
        // The first screen says what it picked up, and that it asks only what is left.
        #expect(Array(lines.prefix(4)) == [
            "Pat Doe prepared on 2026-11-20 (self-assessment, 49 answers) and Jo Lee on 2026-11-21 (manager's",
            "preparation, 17 answers). This one-on-one asks only what is left: 3 places where your views differ,",
            "one at a time, then 9 questions on options and next steps; 12 questions in all. To start from the",
            "first question instead: careerpath talk --person \"Pat Doe\" --fresh",
        ])
        #expect(lines.count > 4 && lines[4].hasPrefix("Session 20261122-pat-doe-"))
        #expect(Self.markers(result.standardOutput) == (1...12).map { "[\($0)/12]" })
        #expect(lines.contains("== Where your views differ =="))
        #expect(lines.contains { $0.hasPrefix("[1/12] Where your views differ ") && $0.hasSuffix("Together") })
        #expect(lines.contains("Technical leverage: shapes technical direction beyond their own team."))
        #expect(lines.contains("  Pat Doe's own ratings (6 of 6 on average):"))
        #expect(lines.contains("    influencing teams beyond my own               6 (strongly agree)"))
        #expect(lines.contains("  Jo Lee's observation:"))
        #expect(lines.contains("    influence beyond the team                     4 (often)"))
        #expect(lines.contains("together> keep"))
        #expect(lines.contains("Why do both views stand? The evidence is new"))
        #expect(lines.contains("  Jo Lee prepared: 10%. Press Enter to keep it, or give another answer."))
        #expect(!result.standardOutput.contains("Not accepted"))
        #expect(!lines.contains("== Goal =="))
        #expect(!lines.contains("== Reality =="))
        #expect(lines.contains("== Result =="))

        // The merged session: which answers came from which preparation, and what was decided.
        let id = try #require(fixture.sessionFileNames().first { $0.hasPrefix("20261122-") }).replacingOccurrences(of: ".json", with: "")
        let record = try fixture.session(id)
        #expect(record["mode"] as? String == "one-on-one")
        #expect(record["status"] as? String == "finished")
        #expect(record["manager_name"] as? String == "Jo Lee")
        let preparations = record["preparations"] as? [[String: Any]] ?? []
        #expect(preparations.map { $0["id"] as? String } == [own, seen])
        #expect(preparations.map { $0["by"] as? String } == ["Pat Doe", "Jo Lee"])
        let sources = record["answer_sources"] as? [String: [String: String]] ?? [:]
        #expect(sources["contributor"]?["depth.mastery"] == own)
        #expect(sources["contributor"]?["interest.networking"] == own)
        #expect(sources["manager"]?["obs.depth"] == seen)
        #expect(sources["manager"]?["capacity.special_project_percent"] == seen)
        // Agreed in the meeting, or changed there: no longer the preparation's.
        #expect(sources["manager"]?["obs.influence"] == nil)
        #expect(sources["contributor"]?["will.first_step"] == nil)
        let outcomes = record["outcomes"] as? [String: [String: String]] ?? [:]
        #expect(outcomes["technical_leverage"] == ["resolution": "agreed", "value": "4"])
        #expect(outcomes["track"] == ["resolution": "kept", "note": "Pat leads the guild reviews I do not see"])
        #expect(outcomes["readiness"] == ["resolution": "kept", "note": "The evidence is new"])
        let contributor = (record["answers"] as? [String: Any])?["contributor"] as? [String: Any]
        #expect(contributor?["will.first_step"] as? String == "Write the cache design doc by Friday")

        // The plan says what was decided.
        let plan = try String(contentsOf: fixture.plans.appendingPathComponent("\(id).md"), encoding: .utf8)
        #expect(plan.contains("Technical leverage: agreed on 4, often (the manager had prepared 4, often)."))
        #expect(plan.contains("Track: both views kept (yours: individual contributor; the manager: hybrid, technical leadership across teams): Pat leads the guild reviews I do not see"))

        // --fresh leaves the preparations aside.
        // Without them, the level and the manager are asked, the level offered from the last session.
        let fresh = try fixture.runPiped(["--person", TalkFixture.person, "--fresh"], input: "\nJo Lee\n")
        #expect(fresh.status == 75)
        #expect(Array(fresh.outputLines.prefix(3)) == [
            "Pat Doe's current level [Senior Engineer] (Enter keeps it; TAB lists the levels by rung): ",
            "Manager's name (Enter to leave out): Jo Lee",
            "A one-on-one from the first question, without preparations or last time's answers: 65 questions.",
        ])
        #expect(fresh.outputLines.contains { $0.hasPrefix("[1/65] Goal ") })
    }

    @Test func aMistakeInTheTopThreeIsSaidInWords() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let answers = TalkFixture.selfAnswers.prefix { $0 != "1 4 7" }
        let result = try fixture.runPiped(TalkFixture.selfSession, input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 75)
        let lines = result.outputLines
        let typed = try #require(lines.firstIndex(of: "contributor> 1 2"))
        #expect(lines[typed + 1] == "  Not accepted: pick three, you gave two: “mastering my specialty”, “going ever deeper in my field”")
    }

    @Test func withOnlyTheSelfAssessmentTheOneOnOneAsksTheManagersQuestions() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let own = try fixture.runPiped(
            TalkFixture.selfSession, input: TalkFixture.selfAnswers.joined(separator: "\n") + "\n", date: TalkFixture.selfDate)
        #expect(own.status == 0)
        let result = try fixture.runPiped(["--person", TalkFixture.person, "--manager", TalkFixture.managerName], input: "4\n")
        #expect(result.status == 75)
        #expect(Array(result.outputLines.prefix(2)) == [
            "Pat Doe prepared on 2026-11-20 (self-assessment, 49 answers); there is no manager's preparation from",
            "the last 90 days. This one-on-one asks only Jo Lee's questions: 17 questions.",
        ])
        #expect(result.outputLines.contains { $0.hasPrefix("[1/17] Reality ") && $0.hasSuffix("Manager (Jo Lee)'s turn") })
        #expect(result.outputLines.contains { $0.hasPrefix("[2/17] Reality ") })
        #expect(result.outputLines.last?.hasPrefix("Saved 1 of 17 steps of this one-on-one. Resume with: careerpath talk --resume 20261122-pat-doe-") == true)
    }

    /// Issue 12, point 4: a manager preparing alone reads about the contributor by name, about
    /// "your observations", and never "You have not answered yet".
    @Test func aManagersPreparationSpeaksToTheManagerAboutThePerson() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let result = try fixture.runPiped(
            TalkFixture.managerSession, input: TalkFixture.managerAnswers.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let output = result.standardOutput
        let lines = result.outputLines
        #expect(lines.first == "Jo Lee's preparation for Pat Doe: 17 questions. Answer from what you have seen yourself; where you")
        #expect(lines.contains("Say what you have seen of Pat Doe's work so far. Answer from what you have observed yourself; where"))
        #expect(lines.contains { $0.hasSuffix("Jo Lee, preparing for Pat Doe") })
        #expect(lines.contains("Say what you can offer Pat Doe for the plan, in time and money, and what you will do yourself. You"))
        #expect(!lines.contains("== Goal =="))
        #expect(!lines.contains("== Options =="))
        // Issue 23: made apart on purpose, a preparation never says the other side "has not answered yet".
        #expect(!output.contains("has not answered"))
        #expect(output.replacingOccurrences(of: "\n    ", with: " ").contains(
            "Pat Doe's own answers are not part of your preparation, so the track is read from your observations only; the two views meet in the one-on-one."))
        #expect(lines.contains { $0.hasPrefix("Pat Doe's profile: ") })
        #expect(lines.contains { $0.hasPrefix("Dimensions") && $0.hasSuffix("    yours") })
        #expect(lines.contains { $0.hasPrefix("  - You rated “") })
        for wrong in ["You have not answered yet", "Your profile", "your manager", "Your manager", "you both", "agree who does what"] {
            #expect(!output.contains(wrong), "\(wrong)")
        }
    }

    /// Issue 12, point 2: n/a is shown as such, left out of the score, and counted as answered.
    @Test func observationsNotYetPossibleAreShownAsNAAndCountAsAnswered() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        var answers = TalkFixture.managerAnswers
        for index in 0..<8 { answers[index] = index == 0 ? "N/A" : (index == 1 ? "no chance" : "n/a") }
        answers.insert(":review", at: 9)
        let result = try fixture.runPiped(TalkFixture.managerSession, input: answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let lines = result.outputLines
        #expect(lines.contains { $0.hasPrefix("  M  obs.depth ") && $0.hasSuffix("  n/a (no chance to observe yet)") })
        // In the result: n/a in the manager's column, and no word of too few answers.
        #expect(lines.contains("  Technical depth                   n/a"))
        #expect(lines.contains("  Hard conversations                n/a"))
        #expect(!result.standardOutput.contains("Only "))
        let id = try #require(fixture.sessionFileNames().first).replacingOccurrences(of: ".json", with: "")
        let saved = try fixture.managerAnswers(id)
        for observation in ["obs.depth", "obs.craft", "obs.mentoring", "obs.hard_conversations", "obs.conflict", "obs.coordination", "obs.influence", "obs.problem_solving"] {
            #expect(saved[observation] == "n/a", "\(observation)")
        }
    }

    @Test func aLevelMayBeTypedAsATitleOrAWordOfIt() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let result = try fixture.runPiped(["--mode", "self"], input: "Ana Silva\nmanager\nsenior em\nLead the platform team\n")
        #expect(result.status == 75)
        #expect(Array(result.outputLines.prefix(5)) == [
            "Contributor's name: Ana Silva",
            "Ana Silva's current level (TAB lists the levels by rung): manager",
            "  'manager' could be Engineering Manager (mgmt.em) or Senior Engineering Manager (mgmt.senior_em);",
            "  type more of it.",
            "Ana Silva's current level (TAB lists the levels by rung): senior em",
        ])
        #expect(result.outputLines[5] == "  Senior Engineering Manager (mgmt.senior_em).")
        let id = try #require(fixture.sessionFileNames().first).replacingOccurrences(of: ".json", with: "")
        #expect((try fixture.session(id)["person"] as? [String: Any])?["current_level"] as? String == "mgmt.senior_em")

        // On the command line too.
        let given = try fixture.runPiped(["--mode", "self", "--person", "Bo Chen", "--level", "EM"], input: "Grow a team\n")
        #expect(given.status == 75)
        let bo = try #require(fixture.sessionFileNames().first { $0.contains("bo-chen") }).replacingOccurrences(of: ".json", with: "")
        #expect((try fixture.session(bo)["person"] as? [String: Any])?["current_level"] as? String == "mgmt.em")
    }

    @Test func aFollowUpTalkOffersTheLevelOfTheLastSession() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let first = try fixture.runPiped(["--mode", "self", "--person", "Ana Silva", "--level", "staff"], input: "Grow\n", date: "2026-08-01")
        #expect(first.status == 75)
        let second = try fixture.runPiped(
            ["--mode", "manager", "--person", "Ana Silva", "--manager", "Jo Lee"], input: "\n5\n")
        #expect(second.status == 75)
        #expect(second.outputLines.first == "Ana Silva's current level [Staff Engineer] (Enter keeps it; TAB lists the levels by rung): ")
        let id = try #require(fixture.sessionFileNames().first { $0.hasPrefix("20261122-") }).replacingOccurrences(of: ".json", with: "")
        #expect((try fixture.session(id)["person"] as? [String: Any])?["current_level"] as? String == "ic.staff")
    }

    @Test func reviewFitsTheTerminalAndSaysWhatItsColumnsAre() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let input = ["5", "4", ":review"].joined(separator: "\n") + "\n"
        let narrow = try fixture.runPiped(TalkFixture.managerSession, input: input, environment: ["COLUMNS": "60"])
        let lines = narrow.outputLines
        let start = try #require(lines.firstIndex(of: "manager> :review"))
        let end = try #require(lines[(start + 1)...].firstIndex { $0.hasPrefix("manager> ") })
        let review = Array(lines[(start + 1)..<end])
        #expect(review.prefix(2) == [
            "Who answered (C Pat Doe, M Jo Lee), the question's id and",
            "the answer (- not yet answered).",
        ])
        #expect(review.allSatisfy { $0.count <= 60 }, "\(review.filter { $0.count > 60 })")
        #expect(review.contains("  M  obs.depth                       5 (usually)"))
        #expect(review.contains("  M  capacity.special_project_perc…  -"))

        let wide = try fixture.runPiped(TalkFixture.managerSession, input: input, environment: ["COLUMNS": "100"])
        #expect(wide.outputLines.contains("Who answered (C Pat Doe, M Jo Lee), the question's id, a few words naming it, and the answer (- not"))
        #expect(wide.outputLines.contains { $0.hasPrefix("  M  obs.depth                       deep expertise  ") && $0.hasSuffix("5 (usually)") })
    }

    @Test func theResumeHintIsACommandThePersonCanRun() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let viaScript = try fixture.runPiped(
            TalkFixture.managerSession, input: "5\n", environment: ["CAREERPATH_COMMAND": "scripts/careerpath"])
        let id = try #require(fixture.sessionFileNames().first).replacingOccurrences(of: ".json", with: "")
        #expect(viaScript.outputLines.last == "Saved 1 answer. Resume with: scripts/careerpath talk --resume \(id)")
        // Started by its path, it says that path.
        let program = try #require(CommandRunner.executable)
        let byPath = try fixture.runPiped(["--resume", id], input: "", environment: ["CAREERPATH_COMMAND": ""])
        #expect(byPath.outputLines.last == "Saved 1 answer. Resume with: \(program.path) talk --resume \(id)")
    }

    /// Issue 12, points 5 and 6: a check-in was held or not (it is no activity to be "in
    /// progress"), and :quit during the review says how many review answers it kept.
    @Test func aFollowUpReviewAsksCheckInsAsMeetingsAndQuitSaysWhatItKept() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let ana = CommandRunner.fixtures.appendingPathComponent("ana-silva.yaml").path
        let first = try CommandRunner.run(
            ["run", "--answers", ana, "--format", "json", "--prompts", CommandRunner.promptsFolder.path],
            environment: fixture.pipeEnvironment)
        #expect(first.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        let plan = try #require(document["plan"] as? [String: Any])
        let date = "2026-12-23"
        let items = (plan["items"] as? [[String: Any]] ?? []).filter { ($0["due"] as? String ?? "9999") <= date }
        let checkIns = (plan["milestones"] as? [[String: Any]] ?? []).filter { ($0["due"] as? String ?? "9999") <= date }
        try #require(checkIns.count == 1)
        let input = Array(repeating: "in progress", count: items.count) + ["in progress", "not held", ":quit"]
        let result = try fixture.runPiped(
            ["--mode", "manager", "--person", "Ana Silva", "--manager", "Jordan Lee", "--level", "ic.senior"],
            input: input.joined(separator: "\n") + "\n", date: date)
        #expect(result.status == 75)
        let lines = result.outputLines
        let card = try #require(lines.firstIndex { $0.hasPrefix("[\(items.count + 1)/\(items.count + 1)] Check-in: ") })
        #expect(lines[card + 1] == "  1) held   2) not held")
        #expect(lines[card + 2] == "review> in progress")
        #expect(lines[card + 3] == "  Not accepted: allowed: held or not held (or 1 to 2)")
        #expect(lines[card + 4] == "review> not held")
        let id = try #require(fixture.sessionFileNames().first).replacingOccurrences(of: ".json", with: "")
        let count = items.count + 1
        #expect(lines.last == "Saved \(count) review answer\(count == 1 ? "" : "s"). Resume with: careerpath talk --resume \(id)")
        let review = try fixture.session(id)["review"] as? [String: [String: String]] ?? [:]
        #expect(review.filter { $0.key.hasPrefix("milestone:") }.map { $0.value["status"] } == ["not_started"])
        #expect(review.count == count)
    }
}
