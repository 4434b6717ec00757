import CareerKit
import Foundation
import Testing

/// Issue 12, point 6: the README's examples work from a clone, on the example people that
/// ship in `prompts/examples/`, and the README sends no one outside the repository.
@Suite("the README's examples, from a clone")
struct ExamplesCommandTests {
    static let examples = CommandRunner.promptsFolder.appendingPathComponent("examples")
    static let readme = (try? String(contentsOf: CommandRunner.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    @Test func theReadmeShowsTheExampleCommandsAndOnlyFilesOfTheRepository() {
        for command in [
            "scripts/careerpath run --answers prompts/examples/ana-silva.yaml --format json | jq .track.recommended",
            "scripts/careerpath bulk prompts/examples/team.csv --out plans/",
            "scripts/install --prefix /opt/cp",
        ] {
            #expect(Self.readme.contains(command), "\(command)")
        }
        #expect(!Self.readme.contains("shared/"))
        for path in ["docs/contract.md", "prompts/examples/team.csv", "prompts/README.md", "scripts/install"] {
            #expect(FileManager.default.fileExists(atPath: CommandRunner.repoRoot.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func theExamplesAreValidAnswers() throws {
        let result = try CommandRunner.run(["validate", Self.examples.path, Self.examples.appendingPathComponent("team.csv").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasSuffix("answers files, 8 people: ok\n"))
    }

    @Test func runOnAnaGivesTheTrackTheReadmeShows() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let answers = Self.examples.appendingPathComponent("ana-silva.yaml").path
            let environment = ["XDG_DATA_HOME": folder.appendingPathComponent("data").path]
            let json = try CommandRunner.run(["run", "--answers", answers, "--format", "json"], environment: environment)
            #expect(json.status == 0)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
            #expect((document["track"] as? [String: Any])?["recommended"] as? String == "ic")
            let plans = folder.appendingPathComponent("plans").path
            let written = try CommandRunner.run(["run", "--answers", answers, "--out", plans, "--no-record"], environment: environment)
            #expect(written.outputLines == ["md", "json", "html"].map { plans + "/E1042.\($0)" })
        }
    }

    @Test func bulkOnTheExampleSheetPlansEveryone() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("plans").path
            let result = try CommandRunner.run(
                ["bulk", Self.examples.appendingPathComponent("team.csv").path, "--out", out, "--quiet"],
                environment: ["XDG_DATA_HOME": folder.appendingPathComponent("data").path])
            #expect(result.status == 0, "\(result.standardError)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") && $0.hasPrefix("E") }
            #expect(names.count == 4)
        }
    }

    /// The README's table of talk commands, `:help` and `talk --help` come from one table.
    @Test func theTalkCommandsAreTheSameEverywhere() throws {
        let rows = Self.readme.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `:") else { return nil }
            return line.dropFirst(3).prefix { $0 != "`" }.description
        }
        #expect(rows == TalkCommand.allCases.map(\.usage))
        let help = try CommandRunner.run(["talk", "--help"])
        #expect(help.standardOutput.contains("Commands: :help :back :skip :review [SECTION] :fit :note TEXT :who :save :quit"))
    }
}
