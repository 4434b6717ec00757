import Foundation
import Testing

/// Issue 12 on a real terminal: the one-on-one after both preparations, TAB at a difference,
/// the levels by rung, and `:review` with the prepared answers marked. Part of the serialized
/// terminal suite, so no two pseudo-terminals are open at once.
extension TalkTerminalTests {
    @Test func aOneOnOneAfterBothPreparationsSettlesTheDifferencesThenTheRest() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let (own, _) = try fixture.prepare()
        // Tall enough for the whole :review on one screen (a shorter window pages it).
        let terminal = try fixture.startTerminal(["--person", TalkFixture.person], rows: 120)
        let opening = PseudoTerminal.plain(try #require(terminal.expect("together> ")))
        #expect(opening.hasPrefix("Pat Doe prepared on 2026-11-20 (self-assessment, 49 answers) and Jo Lee on 2026-11-21"))
        #expect(opening.contains("\n[1/12] Where your views differ "))
        #expect(opening.contains("  Or type: keep WHY, to keep both views with a note on why.\n"))

        // An agreed value, in words.
        terminal.send("oft\t\r")
        #expect(try #require(terminal.expectEchoedLine(after: "together> ")) == "often")
        let track = PseudoTerminal.plain(try #require(terminal.expect("together> ")))
        #expect(track.contains("[2/12] Where your views differ"))
        #expect(track.contains("  Pat Doe's answers point to: Individual contributor.\n"))
        #expect(track.contains("  Jo Lee's view: Hybrid, technical leadership across teams.\n"))

        // "kee" TAB completes to keep; Enter asks why both views stand.
        terminal.send("kee\t\r")
        #expect(try #require(terminal.expectEchoedLine(after: "together> ")) == "keep")
        terminal.expect("Why do both views stand? ")
        terminal.send("We will know more after the platform project\r")
        let readiness = PseudoTerminal.plain(try #require(terminal.expect("together> ")))
        #expect(readiness.contains("Readiness for the next level (Staff Engineer)\n"))
        #expect(readiness.contains("    Evidence: Led the design of the ingest pipeline\n"))

        // :review marks what came from a preparation and says what was decided so far.
        terminal.send(":review\r")
        let review = PseudoTerminal.plain(try #require(terminal.expect("together> ")))
        #expect(review.contains("Who answered (C Pat Doe, M Jo Lee; * prepared beforehand), the question's id"))
        #expect(review.contains("\n  C* depth.mastery "))
        #expect(review.contains("\n  M  obs.influence "))
        // Decisions in words; a kept difference as talked through, its reason wrapped, not cut.
        #expect(review.contains("\n  Technical leverage          agreed on 4, often\n"))
        #expect(review.contains("\n  Track                       talked through, both views kept: We will know more after the platform\n                              project\n"))
        #expect(review.contains("\n  Readiness                   -\n"))

        terminal.send("within_1y\r")
        let options = PseudoTerminal.plain(try #require(terminal.expect("contributor> ")))
        #expect(options.contains("== Options =="))
        #expect(options.contains("  Pat Doe prepared: Yes, I would like to earn one. Press Enter to keep it, or give another answer.\n"))
        for _ in 4...11 {
            terminal.send("\r")
            terminal.expect("> ")
        }
        terminal.send("\r")
        terminal.expect("== Result ==")
        terminal.expect("The plan is written")
        #expect(terminal.waitExit() == 0)
        let id = try #require(fixture.sessionFileNames().first { $0.hasPrefix("20261122-") }).replacingOccurrences(of: ".json", with: "")
        let record = try fixture.session(id)
        #expect(record["status"] as? String == "finished")
        #expect((record["answer_sources"] as? [String: [String: String]])?["contributor"]?["will.first_step"] == own)
    }

    @Test func tabListsTheLevelsByRungAndATitleIsTaken() throws {
        let fixture = try TalkFixture()
        defer { fixture.remove() }
        let terminal = try fixture.startTerminal(["--mode", "self", "--person", "Ana Silva"])
        terminal.expect("Ana Silva's current level (TAB lists the levels by rung): ")
        terminal.send("\t\t")
        let listed = PseudoTerminal.plain(try #require(terminal.expect("(TAB lists the levels by rung): ")))
        let order = ["Junior Engineer", "Software Engineer", "Senior Engineer", "Tech Lead", "Staff Engineer",
                     "Engineering Manager", "Principal Engineer", "Senior Engineering Manager", "Distinguished Engineer",
                     "Director of Engineering", "VP of Engineering"]
        // Each title as a column of its own: after the start of a line or two spaces, before two spaces
        // or the end of a line (so "Engineering Manager" is not found inside "Senior Engineering Manager").
        let positions = order.map { title in
            listed.range(of: "(^|\n|  )\(title)(  |\n|$)", options: .regularExpression)?.lowerBound
        }
        #expect(positions.allSatisfy { $0 != nil }, "\(listed)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(listed)")
        terminal.send("sta\t\r")
        #expect(try #require(terminal.expectEchoedLine(after: "by rung): ")) == "Staff Engineer")
        terminal.expect("  Staff Engineer (ic.staff).")
        terminal.expect("contributor> ")
        terminal.send("\u{04}")
        terminal.expect("Nothing was answered, so nothing was kept.")
        #expect(terminal.waitExit() == 0)
    }
}
