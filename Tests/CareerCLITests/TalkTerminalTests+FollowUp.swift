import CareerKit
import Foundation
import Testing

/// Issue 23 on a real terminal: a follow-up one-on-one a quarter later starts from the last
/// one's answers (kept, or offered as defaults), `--fresh` asks everything, and `:review` is
/// paged to a small window. Part of the serialized terminal suite.
extension TalkTerminalTests {
    static let followUpDate = "2027-02-20"
    static let oneOnOne = ["--person", TalkFixture.person, "--level", TalkFixture.level, "--manager", TalkFixture.managerName]

    /// A valid typed answer to every question of a one-on-one, in asking order: the first
    /// choice of each list, the lowest number, a few words.
    static func oneOnOneScript() throws -> [String] {
        let bank = try PromptSet.load(from: CommandRunner.promptsFolder.path).bank
        var engine = DialogEngine(bank: bank, mode: .oneOnOne)
        var script: [String] = []
        while let question = engine.current {
            let input: String
            switch question.item.kind {
            case .scale: input = "4"
            case .choice(let choices), .multi(let choices): input = choices[0].value
            case .pick: input = "1 2 3"
            case .integer(let min, _): input = String(min)
            case .number(let min, _): input = String(Int(min))
            case .text: input = "Some words"
            case .currency: input = "EUR"
            case .date: input = "2027-03-01"
            }
            script.append(input)
            engine.handle(.answer(input))
        }
        return script
    }

    /// Pat Doe's one-on-one of 2026-11-22, through a pipe and recorded; returns its session file.
    func finishedOneOnOne(_ fixture: TalkFixture, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let first = try fixture.runPiped(
            Self.oneOnOne + ["--mode", "one-on-one"], input: try Self.oneOnOneScript().joined(separator: "\n") + "\n")
        #expect(first.status == 0, "\(first.standardOutput.suffix(600))", sourceLocation: sourceLocation)
        let id = try #require(fixture.sessionFileNames().first, sourceLocation: sourceLocation).replacingOccurrences(of: ".json", with: "")
        return try fixture.session(id, sourceLocation: sourceLocation)
    }

    /// Says every activity of the last plan done and every check-in held.
    func passReview(_ terminal: PseudoTerminal, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let first = PseudoTerminal.plain(try #require(terminal.expect("review> ", sourceLocation: sourceLocation)))
        let marker = try #require(first.range(of: #"\[1/\d+\]"#, options: .regularExpression), sourceLocation: sourceLocation)
        let count = try #require(Int(first[marker].dropFirst(3).dropLast()), sourceLocation: sourceLocation)
        for number in 1...count {
            if number > 1 { terminal.expect("review> ", sourceLocation: sourceLocation) }
            terminal.send("1\r")
        }
    }

    /// The follow-up session's file, once finished.
    func followUpSession(_ fixture: TalkFixture, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let id = try #require(fixture.sessionFileNames().first { $0.hasPrefix("20270220-") }, sourceLocation: sourceLocation)
        return try fixture.session(id.replacingOccurrences(of: ".json", with: ""), sourceLocation: sourceLocation)
    }

    @Test func aFollowUpOneOnOneKeptWithEnterReachesThePlanInAtMostTwentyQuestions() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let earlier = try finishedOneOnOne(fixture)
        let terminal = try fixture.startTerminal(Self.oneOnOne, date: Self.followUpDate)
        let opening = PseudoTerminal.plain(try #require(terminal.expect("Session ")))
        #expect(opening.hasPrefix("""
            This follows Pat Doe's last one-on-one, on 2026-11-22. It asks again only what is likely to have
            changed: 17 questions, each showing last time's answer (Enter keeps it). The other 52 answers, on
            what rarely changes, are kept as they were. To answer everything again: careerpath talk --person
            "Pat Doe" --fresh
            """))
        try passReview(terminal)
        let summary = PseudoTerminal.plain(try #require(terminal.expect("== Goal ==")))
        #expect(summary.contains("Kept from last time (2026-11-22), as answered then: 52 answers on what rarely changes (Goal 5,\nReality 40, Options 4, Will 3). :review kept shows them.\n"))
        // Every question shows last time's answer; Enter keeps it.
        var asked = 0
        for number in 1...17 {
            let card = try #require(terminal.expectQuestion(number, of: 17, prompt: "> "))
            #expect(card.contains("  Last time: "), "question \(number): \(card)")
            asked += 1
            terminal.send("\r")
        }
        #expect(asked <= 20)
        terminal.expect("== Result ==")
        terminal.expect("The plan is written")
        #expect(terminal.waitExit() == 0)
        // Recorded exactly as if answered again the same way; the file says what was carried over.
        let record = try followUpSession(fixture)
        #expect(record["status"] as? String == "finished")
        #expect(NSDictionary(dictionary: record["answers"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: earlier["answers"] as? [String: Any] ?? [:]))
        let followUp = try #require(record["follow_up"] as? [String: Any])
        #expect(followUp["session"] as? String == earlier["id"] as? String)
        #expect((followUp["kept"] as? [String])?.count == 52)
        #expect((followUp["kept"] as? [String])?.contains("contributor.depth.mastery") == true)
        #expect((followUp["asked"] as? [String])?.first == "goal.statement")
        #expect(followUp["changed"] as? [String] == [])
    }

    @Test func aFollowUpAnswerChangedReplacesLastTimesAndKeptOnesReopenWithReviewKept() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        _ = try finishedOneOnOne(fixture)
        // Tall enough for the kept answers on one screen.
        let terminal = try fixture.startTerminal(Self.oneOnOne, date: Self.followUpDate, rows: 120)
        try passReview(terminal)
        terminal.expectQuestion(1, of: 17, prompt: "contributor> ")
        terminal.send("\r")
        let promotion = try #require(terminal.expectQuestion(2, of: 17, prompt: "contributor> "))
        #expect(promotion.contains("  Last time: Yes, I am actively working toward one. Press Enter to keep it, or give a new answer.\n"))
        terminal.send(":review kept\r")
        let kept = PseudoTerminal.plain(try #require(terminal.expect("contributor> ")))
        #expect(kept.contains("Kept from the session of 2026-11-22, as answered then; they count as answered today.\n"))
        #expect(kept.contains("\n  C  depth.mastery "))
        #expect(!kept.contains(" goal.promotion "))
        terminal.send("not_now\r")
        terminal.expectQuestion(3, of: 17, prompt: "contributor> ")
        terminal.send("\u{04}")
        #expect(terminal.waitExit() == 0)
        let record = try followUpSession(fixture)
        #expect((record["answers"] as? [String: [String: Any]])?["contributor"]?["goal.promotion"] as? String == "not_now")
        #expect((record["follow_up"] as? [String: Any])?["changed"] as? [String] == ["contributor.goal.promotion"])
        #expect(record["covered"] as? [String] == ["item:goal.promotion", "item:goal.statement"])
    }

    @Test func freshAsksEveryQuestionAgainWithoutLastTimesAnswers() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        _ = try finishedOneOnOne(fixture)
        let terminal = try fixture.startTerminal(Self.oneOnOne + ["--fresh"], date: Self.followUpDate)
        let opening = PseudoTerminal.plain(try #require(terminal.expect("Session ")))
        #expect(opening.hasPrefix("A one-on-one from the first question, without preparations or last time's answers: 65 questions.\n"))
        try passReview(terminal)
        let card = try #require(terminal.expectQuestion(1, of: 65, prompt: "contributor> "))
        #expect(!card.contains("Last time"))
        #expect(!card.contains("Kept from last time"))
        terminal.send("\u{04}")
        #expect(terminal.waitExit() == 0)
        let record = try followUpSession(fixture)
        #expect(record["follow_up"] == nil)
    }

    @Test func reviewIsPagedToASmallWindowAndQStopsIt() throws {
        let pager = "-- Enter for more, q to stop -- "
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(TalkFixture.managerSession, rows: 12)
        terminal.answerManagerQuestions(1...3)
        terminal.expectQuestion(4)
        terminal.send(":review\r")
        // The typed line, then 11 lines of the review, then the prompt on the 12th row.
        let first = PseudoTerminal.plain(try #require(terminal.expect(pager)))
        #expect(first.filter { $0 == "\n" }.count == 12, "\(first)")
        #expect(first.contains("Who answered (C Pat Doe, M Jo Lee), the question's id"))
        #expect(!first.contains("budget.currency"))
        // Enter shows the rest, then the question's prompt again.
        terminal.send("\r")
        let rest = PseudoTerminal.plain(try #require(terminal.expect("manager> ")))
        #expect(rest.contains("budget.currency"))
        #expect(!rest.contains(pager))
        // q stops: back at the question, nothing more printed.
        terminal.send(":review\r")
        terminal.expect(pager)
        terminal.send("q\r")
        let back = PseudoTerminal.plain(try #require(terminal.expect("manager> ")))
        #expect(!back.contains("budget.currency"))
        terminal.send(":quit\r")
        #expect(terminal.waitExit() == 0)
    }
}
