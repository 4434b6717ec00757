import CareerCLI
import Foundation
import Testing

/// `careerpath` itself: version, help, and a command line it does not understand.
@Suite("careerpath: version, help and usage errors")
struct GeneralCommandTests {
    @Test func runnerFindsTheBuiltExecutable() throws {
        let executable = try #require(CommandRunner.executable)
        #expect(executable.lastPathComponent == "careerpath")
        #expect(FileManager.default.isExecutableFile(atPath: executable.path))
    }

    @Test func versionPrintsTheVersionAndExitsZero() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "0.1.0\n")
        #expect(result.standardOutput == Careerpath.version + "\n")
        #expect(result.standardError == "")
    }

    @Test func helpListsEverySubcommandAndExitsZero() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let lines = result.outputLines
        #expect(lines.first == "OVERVIEW: Career conversations with technical contributors: track fit and a")
        #expect(lines.contains("USAGE: careerpath <subcommand>"))
        #expect(lines.contains("SUBCOMMANDS:"))
        let subcommands = lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(subcommands.contains("validate"))
        #expect(subcommands.contains("template"))
        #expect(lines.contains { $0.hasPrefix("  --version ") && $0.hasSuffix("Show the version.") })
    }

    @Test func helpSubcommandShowsTheSameHelpAsTheFlag() throws {
        let viaFlag = try CommandRunner.run(["validate", "--help"])
        let viaCommand = try CommandRunner.run(["help", "validate"])
        #expect(viaCommand.status == 0)
        #expect(viaCommand.standardOutput == viaFlag.standardOutput)
        // And it is validate's help, not a generic page: its usage line and its own options.
        #expect(viaFlag.standardOutput.contains("USAGE: careerpath validate"))
        #expect(viaFlag.standardOutput.contains("--prompts"))
        #expect(!viaFlag.standardOutput.contains("--out"))
    }

    @Test func validateHelpShowsItsUsageAndExitsZero() throws {
        let result = try CommandRunner.run(["validate", "--help"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let lines = result.outputLines
        #expect(lines.first == "OVERVIEW: Check the prompts folder and any answers files for mistakes.")
        #expect(lines.contains("USAGE: careerpath validate [--prompts <dir>] [--map <map>] [<answers> ...]"))
        #expect(lines.contains { $0.hasPrefix("  --prompts <dir> ") })
        #expect(lines.contains { $0.hasPrefix("  <answers> ") })
    }

    /// Issue 12, point 6: paragraphs are wrapped by the parser, not broken by hand, so no
    /// line is left with one orphaned word; every default is said once.
    @Test(arguments: ["talk", "run", "bulk", "history", "export", "forget", "validate", "template"])
    func helpTextsWrapCleanly(_ command: String) throws {
        let result = try CommandRunner.run([command, "--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        let lines = result.outputLines
        for (index, line) in lines.enumerated().dropLast() where !line.hasPrefix("USAGE:") {
            #expect(line.count <= 80, "\(command): \(line)")
            let words = line.split(separator: " ")
            let orphan = words.count == 1 && !line.hasPrefix(" ") && !line.hasSuffix(":") && !lines[index + 1].isEmpty
            #expect(!orphan, "\(command): '\(line)' is a word left alone on its line")
            #expect(line.components(separatedBy: "(default:").count <= 2, "\(command): \(line)")
        }
    }

    @Test func bulkHelpSaysTheJobsDefaultOnce() throws {
        let help = try CommandRunner.run(["bulk", "--help"], environment: ["COLUMNS": "80"]).standardOutput
        #expect(help.contains("  --jobs <n>              How many people to plan at once. (default: the number\n                          of cores)\n"))
    }

    @Test func templateHelpShowsItsUsageAndExitsZero() throws {
        let result = try CommandRunner.run(["template", "--help"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.outputLines.contains("USAGE: careerpath template <format> [--example] [--prompts <dir>]"))
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try CommandRunner.run(["bogus"])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        // Nothing is close to it: the commands are listed.
        #expect(result.errorLines == [
            "careerpath: there is no command 'bogus'; the commands are talk, run, bulk, history, calibration, export, forget, db, validate, template, ladder (see `careerpath --help`)",
        ])
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try CommandRunner.run(["validate", "--prompt", CommandRunner.promptsFolder.path])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.errorLines.first == "Error: Unknown option '--prompt'. Did you mean '--prompts'?")
    }

    @Test func optionWithoutItsValueIsAUsageError() throws {
        let result = try CommandRunner.run(["validate", "--prompts"])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.errorLines.first == "Error: Missing value for '--prompts <dir>'")
    }

    /// Every command that takes a date checks it the same way, before doing anything; so are
    /// names given to talk.
    @Test(arguments: [
        (["run", "--answers", "x.yaml", "--date", "2026-02-30"], "--date '2026-02-30' is not a date as YYYY-MM-DD, in the years 1970 to 2199"),
        (["talk", "--date", "23/11/2026"], "--date '23/11/2026' is not a date as YYYY-MM-DD, in the years 1970 to 2199"),
        (["export", "--format", "csv", "--since", "yesterday"], "--since 'yesterday' is not a date as YYYY-MM-DD, in the years 1970 to 2199"),
        (["bulk", "x.csv", "--out", "o", "--date", "+202-11-22"], "--date '+202-11-22' is not a date as YYYY-MM-DD, in the years 1970 to 2199"),
        (["run", "--answers", "x.yaml", "--date", "9999-12-31"], "--date '9999-12-31' is not a date as YYYY-MM-DD, in the years 1970 to 2199"),
        (["talk", "--person", String(repeating: "n", count: 201)], "--person has 201 characters; allowed: up to 200"),
        (["talk", "--person", "  \t "], "--person is empty; give a name or leave the option out to be asked"),
        (["talk", "--manager", " "], "--manager is empty; give a name or leave the option out to be asked"),
    ])
    func aDateThatIsNotADateIsAUsageError(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.errorLines.first == "Error: " + message)
    }

    @Test func noSubcommandPrintsHelpAndExitsZero() throws {
        let result = try CommandRunner.run([])
        #expect(result.status == 0)
        #expect(result.outputLines.contains("USAGE: careerpath <subcommand>"))
    }
}
