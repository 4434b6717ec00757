import Foundation
import Testing

/// Without a shared history, a preparation travels as a file: `--write-preparation` writes it,
/// `--preparation` takes it, checked as strictly as an answers file.
@Suite("talk: a preparation sent as a file")
struct PreparationFileTests {
    @Test func aSelfAssessmentWrittenToAFileIsTakenByTheOneOnOneOnAnotherLaptop() throws {
        let contributor = try TalkFixture()
        let manager = try TalkFixture()
        defer {
            contributor.remove()
            manager.remove()
        }
        let file = contributor.folder.appendingPathComponent("pat-prepared.json")
        let own = try contributor.runPiped(
            TalkFixture.selfSession + ["--write-preparation", file.path], input: TalkFixture.selfAnswers.joined(separator: "\n") + "\n",
            date: TalkFixture.selfDate)
        #expect(own.status == 0, "\(own.standardError)")
        #expect(TalkFixture.permissions(of: file) == 0o600)
        // Wrapped at the terminal's width: compared as one line.
        #expect(own.standardOutput.replacingOccurrences(of: "\n", with: " ").contains(
            "The preparation is also in \(file.path) (readable by you only): send it, and the one-on-one takes it with careerpath talk --person \"Pat Doe\" --preparation \(file.path)."))
        let seen = try manager.runPiped(
            TalkFixture.managerSession, input: TalkFixture.preparationAnswers.joined(separator: "\n") + "\n", date: TalkFixture.managerDate)
        #expect(seen.status == 0)
        let meeting = [
            "4", "keep Pat leads the guild reviews I do not see", "keep", "The evidence is new", "", "", "", "", "", "", "",
            "Write the cache design doc by Friday", "",
        ]
        let result = try manager.runPiped(["--person", TalkFixture.person, "--preparation", file.path], input: meeting.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Array(result.outputLines.prefix(2)) == [
            "Pat Doe prepared on 2026-11-20 (self-assessment, 49 answers) and Jo Lee on 2026-11-21 (manager's",
            "preparation, 17 answers). This one-on-one asks only what is left: 3 places where your views differ,",
        ])
    }

    @Test func aPreparationFileIsCheckedAsStrictlyAsAnAnswersFile() throws {
        let contributor = try TalkFixture()
        defer { contributor.remove() }
        let file = contributor.folder.appendingPathComponent("prepared.json")
        let own = try contributor.runPiped(
            TalkFixture.selfSession + ["--write-preparation", file.path], input: TalkFixture.selfAnswers.joined(separator: "\n") + "\n",
            date: TalkFixture.selfDate)
        #expect(own.status == 0)
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"depth.mastery\" : 6", with: "\"depth.mastery\" : 9")
            .replacingOccurrences(of: "\"maker.flow\" :", with: "\"maker.flowz\" :")
        try Data(text.utf8).write(to: file)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func place(_ fragment: String) -> (Int, Int) {
            let index = lines.firstIndex { $0.contains(fragment) }!
            let column = lines[index].distance(from: lines[index].startIndex, to: lines[index].range(of: fragment)!.lowerBound) + 1
            return (index + 1, column)
        }
        let key = place("\"depth.mastery\" : 9")
        let mastery = (key.0, key.1 + "\"depth.mastery\" : ".count)
        let flow = place("\"maker.flowz\"")
        let result = try contributor.runPiped(["--person", TalkFixture.person, "--preparation", file.path], input: "")
        #expect(result.status == 65)
        let masteryLine: String =
            "\(file.path):\(mastery.0):\(mastery.1): contributor item 'depth.mastery': '9' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)"
        let flowLine: String =
            "\(file.path):\(flow.0):\(flow.1): answers.contributor has an unknown item 'maker.flowz' for the contributor; see `careerpath template yaml` for every item id"
        let expected: [String] = mastery.0 < flow.0 ? [masteryLine, flowLine] : [flowLine, masteryLine]
        #expect(result.errorLines == expected)
        // Someone else's preparation, or one too old, is refused by name.
        let other = try contributor.runPiped(["--person", "Sam Roe", "--preparation", file.path], input: "")
        #expect(other.status == 65)
        #expect(other.standardError.contains("this is the preparation of 'Pat Doe'; this one-on-one is with 'Sam Roe'"))
        let late = try contributor.runPiped(["--person", TalkFixture.person, "--preparation", file.path], input: "", date: "2027-06-01")
        #expect(late.standardError.contains("the preparation is of 2026-11-20; a one-on-one on 2027-06-01 takes preparations of the 90 days before it"))
        // Only a one-on-one takes one, and only a preparation writes one.
        let wrongMode = try contributor.runPiped(TalkFixture.selfSession + ["--preparation", file.path], input: "")
        #expect(wrongMode.status == 64)
        let meetingWrites = try contributor.runPiped(["--person", TalkFixture.person, "--write-preparation", file.path], input: "")
        #expect(meetingWrites.status == 64)
    }
}
