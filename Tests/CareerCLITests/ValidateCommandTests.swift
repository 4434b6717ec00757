import Foundation
import Testing

/// `careerpath validate`: the prompts folder and answers files, as a person runs it.
@Suite("careerpath validate")
struct ValidateCommandTests {
    let prompts = CommandRunner.promptsFolder.path
    let fixtures = CommandRunner.fixtures

    /// The allowed levels of the default ladder, in the order the messages list them.
    static let levels = """
        ic.junior, ic.developer, ic.senior, ic.staff, ic.principal, ic.distinguished, \
        mgmt.tech_lead, mgmt.em, mgmt.senior_em, mgmt.director, mgmt.vp
        """

    /// Writes `text` to `name` in `folder` and returns its path.
    private func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// A fixture's text with `original` replaced by `replacement`, which must occur exactly once.
    private func fixture(
        _ name: String, replacing original: String, with replacement: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        try #require(
            text.components(separatedBy: original).count == 2,
            "'\(original)' should occur once in \(name)", sourceLocation: sourceLocation)
        return text.replacingOccurrences(of: original, with: replacement)
    }

    /// The 1-based line and column of the last character of the first `marker` in `text`.
    private func position(of marker: String, in text: String) -> (line: Int, column: Int)? {
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if let range = line.range(of: marker) {
                return (index + 1, line.distance(from: line.startIndex, to: range.upperBound))
            }
        }
        return nil
    }

    /// Copies every file of the shipped prompts folder into `folder`.
    private func copyPrompts(to folder: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CommandRunner.promptsFolder.path)
        try #require(names.contains("bank.yaml"))
        for name in names {
            try FileManager.default.copyItem(
                at: CommandRunner.promptsFolder.appendingPathComponent(name),
                to: folder.appendingPathComponent(name))
        }
    }

    // MARK: - All well

    @Test func promptsFolderAloneIsOK() throws {
        let result = try CommandRunner.run(["validate", "--prompts", prompts])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.outputLines.count == 1)
        let line = try #require(result.outputLines.first)
        #expect(line.hasPrefix(prompts + ": "))
        #expect(line.hasSuffix(": ok"))
        let counts = line.dropFirst(prompts.count).wholeMatch(
            of: /: (\d+) questions, (\d+) levels, (\d+) catalog items: ok/)
        let (_, questions, levels, catalog) = try #require(counts).output
        // The instrument fixes 53 items (a bank may add more) and 11 levels on the default ladder.
        #expect(try #require(Int(questions)) >= 53)
        #expect(levels == "11")
        #expect(try #require(Int(catalog)) > 0)
    }

    @Test func promptsFolderComesFromTheEnvironmentWhenNoOptionIsGiven() throws {
        let result = try CommandRunner.run(["validate"], environment: ["CAREERPATH_PROMPTS": prompts])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.outputLines.first?.hasPrefix(prompts + ": ") == true)
    }

    @Test func exampleAnswersInAllThreeShapesAreOK() throws {
        let result = try CommandRunner.run([
            "validate", "--prompts", prompts,
            fixtures.appendingPathComponent("ana-silva.yaml").path,
            fixtures.appendingPathComponent("ana-silva.json").path,
            fixtures.appendingPathComponent("team.csv").path,
        ])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        // team.csv leaves out a few optional questions: noted, not refused.
        let notes = result.outputLines.filter { $0.contains(": note: ") }
        #expect(notes.count == result.outputLines.count - 2)
        #expect(notes.allSatisfy { $0.hasPrefix(fixtures.appendingPathComponent("team.csv").path + ": note: ") })
        #expect(result.outputLines.dropLast().last?.hasSuffix(": ok") == true)
        // One person in each answers file, four rows in team.csv.
        #expect(result.outputLines.last == "3 answers files, 6 people: ok")
    }

    @Test func oneAnswersFileWithOnePersonIsCountedInTheSingular() throws {
        let result = try CommandRunner.run([
            "validate", "--prompts", prompts, fixtures.appendingPathComponent("ana-silva.yaml").path,
        ])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.outputLines.last == "1 answers file, 1 person: ok")
    }

    @Test func csvSheetCountsOnePersonPerRow() throws {
        let result = try CommandRunner.run([
            "validate", "--prompts", prompts, fixtures.appendingPathComponent("team.csv").path,
        ])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.outputLines.last == "1 answers file, 4 people: ok")
    }

    // MARK: - Mistakes in answers files

    @Test func scaleAnswerOutOfRangeIsReportedAtItsLineAndColumn() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let text = try fixture("ana-silva.yaml", replacing: "depth.mastery: 6", with: "depth.mastery: 9")
            let path = try write(text, to: "broken.yaml", in: folder)
            let result = try CommandRunner.run(["validate", "--prompts", prompts, path])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(
                result.standardError == """
                    \(path):15:20: contributor item 'depth.mastery': '9' is not allowed; \
                    allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)

                    """)
        }
    }

    @Test func sameMistakeInJSONIsReportedAtItsLineAndColumn() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let text = try fixture("ana-silva.json", replacing: #""depth.mastery": 6"#, with: #""depth.mastery": 9"#)
            let path = try write(text, to: "broken.json", in: folder)
            let (line, column) = try #require(position(of: #""depth.mastery": 9"#, in: text))
            let result = try CommandRunner.run(["validate", "--prompts", prompts, path])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(
                result.errorLines == [
                    "\(path):\(line):\(column): contributor item 'depth.mastery': '9' is not allowed; "
                        + "allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)"
                ])
        }
    }

    @Test func unknownCurrentLevelNamesTheAllowedLevels() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let text = try fixture(
                "ana-silva.yaml", replacing: "current_level: ic.senior", with: "current_level: ic.wizard")
            let path = try write(text, to: "level.yaml", in: folder)
            let result = try CommandRunner.run(["validate", "--prompts", prompts, path])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(
                result.errorLines == [
                    "\(path):4:18: 'person.current_level' is 'ic.wizard'; allowed: \(Self.levels)"
                ])
        }
    }

    @Test func malformedYAMLIsReportedWithLineAndColumn() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let path = try write(
                "person:\n  name: Ana Silva\n    current_level: ic.senior\n", to: "malformed.yaml", in: folder)
            let result = try CommandRunner.run(["validate", "--prompts", prompts, path])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(
                result.errorLines == [
                    "\(path):3:18: malformed YAML: mapping values are not allowed in this context"
                ])
        }
    }

    @Test func malformedJSONIsReportedWithLineAndColumn() throws {
        try CommandRunner.withTemporaryFolder { folder in
            // A doubled comma after the value on line 19 of the fixture, at column 26.
            let text = try fixture("ana-silva.json", replacing: #""depth.mastery": 6,"#, with: #""depth.mastery": 6,,"#)
            let path = try write(text, to: "malformed.json", in: folder)
            let result = try CommandRunner.run(["validate", "--prompts", prompts, path])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(result.errorLines == ["\(path):19:26: malformed JSON: a key in double quotes is expected, found ','"])
        }
    }

    @Test func csvRowWithOneBadCellGivesOneErrorNamingRowAndColumn() throws {
        try CommandRunner.withTemporaryFolder { folder in
            // Ben Okafor's row (line 3): his depth.mastery, the tenth cell, goes from 3 to 8.
            let ben = "Ben Okafor,E1043,ic.senior,infrastructure,9,0,Jordan Lee,2026-11-22,one-on-one,"
            let text = try fixture("team.csv", replacing: ben + "3,", with: ben + "8,")
            let path = try write(text, to: "team.csv", in: folder)
            let header = text.prefix { !$0.isNewline }.components(separatedBy: ",")
            try #require(header.count >= 10)
            #expect(header[9] == "contributor.depth.mastery")
            let result = try CommandRunner.run(["validate", "--prompts", prompts, path])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(
                result.errorLines == [
                    "\(path):3:10: contributor item 'depth.mastery': '8' is not allowed; "
                        + "allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)"
                ])
        }
    }

    @Test func mistakesInSeveralFilesAreAllReportedInOrder() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let yaml = try write(
                try fixture("ana-silva.yaml", replacing: "depth.mastery: 6", with: "depth.mastery: 9"),
                to: "broken.yaml", in: folder)
            let json = try write("{\"person\": {\"name\": \"A\" \"id\": \"x\"}}\n", to: "broken.json", in: folder)
            let good = fixtures.appendingPathComponent("team.csv").path
            let result = try CommandRunner.run(["validate", "--prompts", prompts, yaml, good, json])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(result.errorLines.count == 2)
            #expect(result.errorLines.first?.hasPrefix("\(yaml):15:20: ") == true)
            #expect(result.errorLines.last == "\(json):1:25: malformed JSON: ',' or '}' is expected, found '\"'")
        }
    }

    // MARK: - Files that cannot be read

    @Test func missingAnswersFileCannotBeRead() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("nobody.yaml").path
            let result = try CommandRunner.run(["validate", "--prompts", prompts, path])
            #expect(result.status == 66)
            #expect(result.standardOutput == "")
            #expect(result.errorLines.first?.hasPrefix("careerpath: cannot read") == true)
            #expect(result.errorLines == ["careerpath: cannot read '\(path)': no such file or folder"])
        }
    }

    @Test func missingFileDoesNotHideMistakesInTheOthers() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let text = try fixture("ana-silva.yaml", replacing: "depth.mastery: 6", with: "depth.mastery: 9")
            let broken = try write(text, to: "broken.yaml", in: folder)
            let missing = folder.appendingPathComponent("nobody.yaml").path
            let result = try CommandRunner.run(["validate", "--prompts", prompts, missing, broken])
            #expect(result.status == 65)
            #expect(result.errorLines == [
                "careerpath: cannot read '\(missing)': no such file or folder",
                "\(broken):15:20: contributor item 'depth.mastery': '9' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)",
            ])
        }
    }

    @Test func missingPromptsFolderCannotBeRead() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("no-prompts").path
            let result = try CommandRunner.run(["validate", "--prompts", path])
            #expect(result.status == 66)
            #expect(result.standardOutput == "")
            #expect(result.errorLines == ["careerpath: cannot read '\(path)': no such prompts folder"])
        }
    }

    // MARK: - Mistakes in the prompts folder

    @Test func brokenBankIsReportedWithItsPath() throws {
        try CommandRunner.withTemporaryFolder { folder in
            try copyPrompts(to: folder)
            let bank = folder.appendingPathComponent("bank.yaml")
            var lines = try String(contentsOf: bank, encoding: .utf8).components(separatedBy: "\n")
            // The first text item: break its type, and remember where the value and the item's id are.
            let index = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "type: text" })
            let id = try #require(
                lines[..<index].last { $0.contains("- id: ") }?.components(separatedBy: "- id: ").last)
            let column = try #require(lines[index].range(of: "text")).lowerBound.utf16Offset(in: lines[index]) + 1
            lines[index] = lines[index].replacingOccurrences(of: "type: text", with: "type: scal")
            try Data(lines.joined(separator: "\n").utf8).write(to: bank)

            let result = try CommandRunner.run(["validate", "--prompts", folder.path])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(
                result.errorLines == [
                    "\(bank.path):\(index + 1):\(column): item '\(id)' 'type' is 'scal'; "
                        + "allowed: scale, choice, multi, pick, integer, number, text, currency, date"
                ])
        }
    }

    @Test func brokenPromptsFromTheEnvironmentAreReported() throws {
        try CommandRunner.withTemporaryFolder { folder in
            try copyPrompts(to: folder)
            let ladder = folder.appendingPathComponent("ladder.yaml")
            try Data("levels: [\n".utf8).write(to: ladder)
            let fromEnvironment = try CommandRunner.run(
                ["validate"], environment: ["CAREERPATH_PROMPTS": folder.path])
            #expect(fromEnvironment.status == 65)
            #expect(fromEnvironment.standardOutput == "")
            #expect(fromEnvironment.errorLines.count == 1)
            #expect(fromEnvironment.errorLines.first?.hasPrefix("\(ladder.path):") == true)

            // --prompts wins over the environment.
            let fromOption = try CommandRunner.run(
                ["validate", "--prompts", prompts], environment: ["CAREERPATH_PROMPTS": folder.path])
            #expect(fromOption.status == 0)
        }
    }
}
