import Foundation
import Testing

/// `bulk --map`, `validate --map` and `template map`: from a form export to plans, run as a
/// person would, on the examples that ship in prompts/examples/.
@Suite("careerpath --map")
struct FormMapCommandTests {
    let prompts = CommandRunner.promptsFolder.path
    static let examples = CommandRunner.promptsFolder.appendingPathComponent("examples")
    static let form = examples.appendingPathComponent("form")
    let export = form.appendingPathComponent("form-export.csv").path
    let map = form.appendingPathComponent("form-map.yaml").path
    let team = examples.appendingPathComponent("team.csv").path

    /// The note the example export gets: its timestamp and e-mail columns are not mapped.
    var unplacedNote: String {
        "\(export): note: the map places 2 headings nowhere, so their columns are left out: 'Timestamp' (column 1), 'Email address' (column 2)."
    }

    @Test func validateAcceptsTheExampleExportAndNamesTheHeadingsItLeavesOut() throws {
        let result = try CommandRunner.run(["validate", "--prompts", prompts, "--map", map, export])
        #expect(result.status == 0)
        #expect(result.outputLines.first == unplacedNote)
        #expect(result.outputLines.suffix(2) == ["\(map): 61 columns mapped: ok", "1 answers file, 4 people: ok"])
        // Without the map the same export is no sheet.
        let without = try CommandRunner.run(["validate", "--prompts", prompts, export])
        #expect(without.status == 65)
        #expect(without.errorLines.first == "\(export):1:1: unknown column 'Timestamp'; allowed: person.name, person.id, person.current_level, person.domain, person.years_experience, person.years_managing, manager.name, manager.id, session.date, session.mode, contributor.<item id>, manager.<item id> (see `careerpath template csv`)")
    }

    @Test func bulkTurnsTheExampleExportIntoTheSamePlansAsTheSheet() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let fromForm = folder.appendingPathComponent("form").path
            let fromSheet = folder.appendingPathComponent("sheet").path
            let result = try CommandRunner.run(["bulk", "--prompts", prompts, "--map", map, export, "--out", fromForm, "--date", "2026-12-01"])
            #expect(result.status == 0)
            #expect(result.outputLines.first == "4 plans written to \(fromForm)")
            #expect(result.errorLines.first == "careerpath: " + unplacedNote)
            let sheet = try CommandRunner.run(["bulk", "--prompts", prompts, team, "--out", fromSheet, "--date", "2026-12-01", "--quiet"])
            #expect(sheet.status == 0)
            // The export holds the team sheet's answers in the form's words: the plans are the same.
            for id in ["E1042", "E1043", "E1044", "E1045"] {
                for format in ["md", "json"] {
                    let name = "\(id).\(format)"
                    let planned = try #require(FileManager.default.contents(atPath: fromForm + "/" + name), "\(name)")
                    #expect(planned == FileManager.default.contents(atPath: fromSheet + "/" + name), "\(name)")
                }
            }
            let errors = try String(contentsOfFile: fromForm + "/errors.csv", encoding: .utf8)
            #expect(errors.split(separator: "\n").count == 1)
        }
    }

    @Test func aBadAnswerGoesToErrorsCSVAndTheOtherRowsArePlanned() throws {
        try CommandRunner.withTemporaryFolder { folder in
            var lines = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Ben's first rating (column 11, depth.mastery on agreement6) in words the map lacks.
            var cells = lines[2].components(separatedBy: ",")
            #expect(cells[2] == "Ben Okafor")
            cells[10] = "Kind of"
            lines[2] = cells.joined(separator: ",")
            let input = folder.appendingPathComponent("export.csv")
            try lines.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("out").path
            let result = try CommandRunner.run(["bulk", "--prompts", prompts, "--map", map, input.path, "--out", out, "--quiet"])
            #expect(result.status == 1)
            let message = "contributor item 'depth.mastery': the answer 'Kind of' is not one of the words of scale agreement6 in '\(map)'; allowed: 'Strongly disagree', 'Disagree', 'Slightly disagree', 'Slightly agree', 'Agree', 'Strongly agree', or a number 1..6"
            #expect(result.errorLines == ["\(input.path):3:11: " + message])
            #expect(result.outputLines.first == "3 plans written to \(out), 1 row failed (see errors.csv)")
            let errors = try String(contentsOfFile: out + "/errors.csv", encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(errors.count == 2)
            #expect(errors[1].hasPrefix("\(input.path),3,11,E1043,Ben Okafor,contributor.depth.mastery,"))
            #expect(FileManager.default.fileExists(atPath: out + "/E1044.md"))
            #expect(!FileManager.default.fileExists(atPath: out + "/E1043.md"))
        }
    }

    @Test func aMapWithAnUnknownItemOrAMissingHeadingExits65AndWritesNothing() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let text = try String(contentsOfFile: map, encoding: .utf8)
            let broken = text.replacingOccurrences(of: "  depth.learning:", with: "  depth.lerning:")
                .replacingOccurrences(of: "\"What drains you?\"", with: "\"What drains your energy?\"")
            let brokenMap = folder.appendingPathComponent("map.yaml")
            try broken.write(to: brokenMap, atomically: true, encoding: .utf8)
            let lines = broken.components(separatedBy: "\n")
            let unknownLine = (lines.firstIndex { $0.hasPrefix("  depth.lerning:") } ?? 0) + 1
            let drainLine = (lines.firstIndex { $0.contains("What drains your energy?") } ?? 0) + 1
            let out = folder.appendingPathComponent("out").path
            let unknown = try CommandRunner.run(["bulk", "--prompts", prompts, "--map", brokenMap.path, export, "--out", out])
            #expect(unknown.status == 65)
            #expect(unknown.errorLines.first?.hasPrefix("\(brokenMap.path):\(unknownLine):3: unknown item id 'depth.lerning'; allowed: an item id of the bank") == true)
            #expect(!FileManager.default.fileExists(atPath: out))
            // With the id put right, the heading the export lacks is named at its entry.
            try broken.replacingOccurrences(of: "depth.lerning", with: "depth.learning").write(to: brokenMap, atomically: true, encoding: .utf8)
            let heading = try CommandRunner.run(["validate", "--prompts", prompts, "--map", brokenMap.path, export])
            #expect(heading.status == 65)
            #expect(heading.errorLines == [
                "\(brokenMap.path):\(drainLine):3: 'contributor.reality.drainers': '\(export)' has no column headed 'What drains your energy?'; allowed: a heading of its first row, written exactly, or a position 1..63"
            ])
            let bulk = try CommandRunner.run(["bulk", "--prompts", prompts, "--map", brokenMap.path, export, "--out", out])
            #expect(bulk.status == 65)
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func byManagerFilesTheExportsPlansInTheManagersFolder() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("out").path
            let result = try CommandRunner.run(["bulk", "--prompts", prompts, "--map", map, export, "--out", out, "--by-manager", "--quiet"])
            #expect(result.status == 0)
            let plans = try FileManager.default.contentsOfDirectory(atPath: out + "/Jordan-Lee").sorted()
            #expect(plans == ["E1042", "E1043", "E1044", "E1045"].flatMap { [$0 + ".json", $0 + ".md"] })
            let index = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
            #expect(index.contains("- Ana Silva (E1042): [E1042.md](Jordan-Lee/E1042.md) [E1042.json](Jordan-Lee/E1042.json)"))
            #expect(index.contains("### Jordan Lee ([team page](managers/Jordan-Lee.md))"))
        }
    }

    @Test func theStarterMapOfTemplateMapIsAValidMap() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let result = try CommandRunner.run(["template", "map", "--prompts", prompts])
            #expect(result.status == 0)
            #expect(result.standardError == "")
            #expect(result.outputLines.contains("  depth.mastery: \"You want to master one technical area so well that people come to you when it gets hard.\"  # scale agreement6"))
            #expect(result.outputLines.contains("    \"no chance to observe yet\": n/a"))
            let starter = folder.appendingPathComponent("map.yaml")
            try result.standardOutput.write(to: starter, atomically: true, encoding: .utf8)
            let check = try CommandRunner.run(["validate", "--prompts", prompts, "--map", starter.path])
            #expect(check.status == 0)
            #expect(check.outputLines.last == "\(starter.path): 90 columns mapped: ok")
            let misuse = try CommandRunner.run(["template", "map", "--example", "--prompts", prompts])
            #expect(misuse.status == 64)
        }
    }
}
