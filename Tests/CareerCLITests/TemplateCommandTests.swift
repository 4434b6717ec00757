import Foundation
import Testing

/// `careerpath template csv|yaml|map`: blank answers, or a starter column map, for the active bank.
@Suite("careerpath template")
struct TemplateCommandTests {
    let prompts = CommandRunner.promptsFolder.path

    /// The cells every HR sheet starts with (shared/instrument.md, "CSV").
    static let personColumns = [
        "person.name", "person.id", "person.current_level", "person.domain", "person.years_experience",
        "person.years_managing", "manager.name", "manager.id", "session.date", "session.mode",
    ]

    /// Every contributor item the instrument fixes (shared/instrument.md, "Contributor items").
    static let contributorItems = [
        "depth.mastery", "depth.learning", "depth.identity",
        "maker.flow", "maker.hands_on", "maker.shipping",
        "focus.deep_blocks", "focus.meetings_drain", "focus.interruptions",
        "people.growth", "people.one_on_ones", "people.hiring",
        "hard.feedback", "hard.conflict", "hard.emotional_load",
        "others.team_outcomes", "others.priorities", "others.coordination",
        "leverage.cross_team", "leverage.architecture", "leverage.strategy",
        "challenge.hard_problems", "challenge.variety", "challenge.title_indifferent",
        "motive.pay_status", "anchor.autonomy", "anchor.lifestyle", "anchor.security",
        "top3",
        "ladder.technical", "ladder.managerial", "ladder.projects",
        "goal.promotion", "goal.horizon_months",
        "goal.statement", "reality.energizers", "reality.drainers",
        "interest.certifications", "interest.networking", "interest.projects",
    ]

    /// Every manager item the instrument fixes (shared/instrument.md, "Manager items").
    static let managerItems = [
        "obs.depth", "obs.craft", "obs.mentoring", "obs.hard_conversations", "obs.coordination",
        "obs.influence", "obs.problem_solving",
        "view.track", "view.readiness",
        "capacity.dev_hours_per_month", "capacity.special_project_percent",
        "budget.amount", "budget.currency",
    ]

    /// The header cells `template csv` prints.
    private func csvHeader(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let result = try CommandRunner.run(["template", "csv", "--prompts", prompts])
        #expect(result.status == 0, sourceLocation: sourceLocation)
        #expect(result.standardError == "", sourceLocation: sourceLocation)
        let line = try #require(result.outputLines.first, sourceLocation: sourceLocation)
        return line.components(separatedBy: ",")
    }

    // MARK: - csv

    @Test func csvIsOneLineEndingInANewline() throws {
        let result = try CommandRunner.run(["template", "csv", "--prompts", prompts])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.outputLines.count == 1)
        #expect(result.standardOutput.hasSuffix("\n"))
        #expect(!result.standardOutput.contains("\r"))
    }

    @Test func csvStartsWithThePersonAndSessionColumns() throws {
        let cells = try csvHeader()
        #expect(Array(cells.prefix(Self.personColumns.count)) == Self.personColumns)
    }

    @Test func csvHasAColumnForEveryInstrumentItem() throws {
        #expect(Self.contributorItems.count == 40)
        #expect(Self.managerItems.count == 13)
        let cells = Set(try csvHeader())
        let missing =
            Self.contributorItems.map { "contributor.\($0)" }.filter { !cells.contains($0) }
            + Self.managerItems.map { "manager.\($0)" }.filter { !cells.contains($0) }
        #expect(missing == [])
    }

    @Test func csvNamesEachColumnOnce() throws {
        let cells = try csvHeader()
        let repeated = Dictionary(grouping: cells, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated == [])
        #expect(!cells.contains(""))
    }

    @Test func csvItemColumnsAreOnePerQuestionOfTheBank() throws {
        let cells = try csvHeader()
        let validate = try CommandRunner.run(["validate", "--prompts", prompts])
        let summary = try #require(validate.outputLines.first)
        let questions = try #require(summary.firstMatch(of: /: (\d+) questions,/)).output.1
        #expect(cells.count - Self.personColumns.count == Int(questions))
        #expect(cells.dropFirst(Self.personColumns.count).allSatisfy {
            $0.hasPrefix("contributor.") || $0.hasPrefix("manager.")
        })
    }

    @Test func exampleTeamSheetColumnsAreASubsetInTheSameOrder() throws {
        let cells = try csvHeader()
        let team = try String(
            contentsOf: CommandRunner.fixtures.appendingPathComponent("team.csv"), encoding: .utf8)
        // The fixture ends its lines with CRLF, as RFC 4180 asks.
        let teamHeader = team.prefix { !$0.isNewline }.components(separatedBy: ",")
        // The fixture has every person and session column but the optional manager.id.
        let given = Self.personColumns.filter { $0 != "manager.id" }
        try #require(teamHeader.count > given.count)
        #expect(Array(teamHeader.prefix(given.count)) == given)
        #expect(teamHeader.filter { !cells.contains($0) } == [])
        // Each team.csv column is found in the template after the one before it.
        var remaining = cells[...]
        var outOfOrder: [String] = []
        for column in teamHeader {
            if let index = remaining.firstIndex(of: column) {
                remaining = remaining[(index + 1)...]
            } else {
                outOfOrder.append(column)
            }
        }
        #expect(outOfOrder == [])
    }

    // MARK: - yaml

    @Test func csvExampleIsOneRowTheSheetAcceptsWhole() throws {
        let template = try CommandRunner.run(["template", "csv", "--example", "--prompts", prompts])
        #expect(template.status == 0)
        #expect(template.outputLines.count == 2)
        #expect(template.outputLines.first == (try csvHeader()).joined(separator: ","))
        #expect(template.outputLines.last?.hasPrefix("Alex Example,E0001,ic.junior,software,6,0,Sam Manager,M0001,2026-11-22,one-on-one,") == true)
        try CommandRunner.withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("example.csv")
            try Data(template.standardOutput.utf8).write(to: file)
            // Every column is there, every cell is allowed: no problem and no note.
            let result = try CommandRunner.run(["validate", "--prompts", prompts, file.path])
            #expect(result.status == 0)
            #expect(result.standardError == "")
            #expect(!result.standardOutput.contains("note:"))
            #expect(result.outputLines.last == "1 answers file, 1 person: ok")
        }
        #expect(try CommandRunner.run(["template", "yaml", "--example", "--prompts", prompts]).status == 64)
    }

    @Test func yamlFilledWithANameAndLevelPassesValidate() throws {
        let template = try CommandRunner.run(["template", "yaml", "--prompts", prompts])
        #expect(template.status == 0)
        #expect(template.standardError == "")
        var lines = template.outputLines
        let name = try #require(lines.firstIndex(of: "  name:              # required"))
        let level = try #require(lines.firstIndex { $0.hasPrefix("  current_level:") })
        lines[name] = "  name: Test Person"
        lines[level] = "  current_level: ic.senior"

        try CommandRunner.withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("filled.yaml")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            let result = try CommandRunner.run(["validate", "--prompts", prompts, file.path])
            #expect(result.status == 0)
            #expect(result.standardError == "")
            #expect(result.outputLines.last == "1 answers file, 1 person: ok")
        }
    }

    @Test func yamlListsEveryInstrumentItemUnderItsRole() throws {
        let template = try CommandRunner.run(["template", "yaml", "--prompts", prompts])
        #expect(template.status == 0)
        let lines = template.outputLines
        let contributor = try #require(lines.firstIndex(of: "  contributor:"))
        let manager = try #require(lines.firstIndex(of: "  manager:"))
        try #require(contributor < manager)
        func ids(_ range: Range<Int>) -> Set<String> {
            Set(lines[range].compactMap { line in
                guard line.hasPrefix("    "), !line.hasPrefix("    #") else { return nil }
                return line.trimmingCharacters(in: .whitespaces).components(separatedBy: ":").first
            })
        }
        let contributorIDs = ids(contributor + 1..<manager)
        let managerIDs = ids(manager + 1..<lines.count)
        #expect(Self.contributorItems.filter { !contributorIDs.contains($0) } == [])
        #expect(Self.managerItems.filter { !managerIDs.contains($0) } == [])
    }

    @Test func unfilledYAMLFailsValidateNamingTheRequiredFields() throws {
        let template = try CommandRunner.run(["template", "yaml", "--prompts", prompts])
        try CommandRunner.withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("blank.yaml")
            try Data(template.standardOutput.utf8).write(to: file)
            let result = try CommandRunner.run(["validate", "--prompts", prompts, file.path])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(result.errorLines.contains { $0.hasPrefix(file.path + ":") && $0.contains("person.name") })
            #expect(result.errorLines.contains { $0.hasPrefix(file.path + ":") && $0.contains("person.current_level") })
        }
    }

    // MARK: - usage errors

    @Test func unknownFormatIsAUsageErrorNamingTheFormats() throws {
        let result = try CommandRunner.run(["template", "xml", "--prompts", prompts])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("csv"))
        #expect(result.standardError.contains("yaml"))
        #expect(
            result.errorLines.first
                == "Error: The value 'xml' is invalid for '<format>'. Please provide one of 'csv', 'yaml' or 'map'.")
    }

    @Test func missingFormatIsAUsageError() throws {
        let result = try CommandRunner.run(["template"])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.errorLines.first == "Error: Missing expected argument '<format>'")
    }
}
