import Foundation
import Testing

/// `careerpath bulk`: plans for a whole sheet, as HR runs it.
@Suite("careerpath bulk")
struct BulkCommandTests {
    static let team = CommandRunner.fixtures.appendingPathComponent("team.csv")
    static let shared = ["index.html", "index.md", "summary.csv", "errors.csv", "equity.md", "equity.json", "calibration.md", "calibration.html", "calibration.json"]

    /// team.csv's header and Ana Silva's row (which has no quoted cell), as cells.
    static func teamCells() throws -> (header: [String], ana: [String], lines: [String]) {
        // team.csv ends its lines with CRLF, which Swift reads as one Character.
        let lines = try String(contentsOf: team, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let ana = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(header.count == ana.count)
        return (header, ana, lines)
    }

    /// Ana's row with some cells changed, as a CSV line (no cell here needs quotes but `name`).
    static func ana(_ changes: [String: String]) throws -> String {
        let (header, ana, _) = try teamCells()
        var cells = ana
        for (name, value) in changes {
            let index = try #require(header.firstIndex(of: name))
            cells[index] = value
        }
        return cells.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
            .joined(separator: ",")
    }

    static func column(_ name: String) throws -> Int {
        try #require(try teamCells().header.firstIndex(of: name)) + 1
    }

    private func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// What a successful run prints on standard output.
    private func listing(_ out: String, plans: Int, failed: Int = 0) -> String {
        "\(plans) plan\(plans == 1 ? "" : "s") written to \(out)"
            + (failed > 0 ? ", \(failed) row\(failed == 1 ? "" : "s") failed (see errors.csv)" : "") + "\n"
            + Self.shared.map { "  \(out)/\($0)\n" }.joined()
    }

    private func files(in folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        return result
    }

    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? NSNumber).intValue & 0o777
    }

    // MARK: - Runs that work

    @Test func aQuietRunListsTheSharedFilesAndNothingElse() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("plans").path
            let result = try CommandRunner.run(["bulk", Self.team.path, "--out", out, "--quiet"])
            #expect(result.status == 0)
            #expect(result.standardOutput == listing(out, plans: 4))
            #expect(result.standardError == "")
            let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            #expect(names == (["E1042", "E1043", "E1044", "E1045"].flatMap { [$0 + ".json", $0 + ".md"] } + Self.shared).sorted())
            #expect(try permissions(out) == 0o700)
            for name in names { #expect(try permissions(out + "/" + name) == 0o600, "\(name)") }
        }
    }

    /// A second run into the same folder replaces what it writes again and says what is
    /// left from before, so the plan of someone no longer in the sheet is not missed.
    @Test func aRunSaysWhichFilesInItsFolderItDidNotWrite() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("plans").path
            #expect(try CommandRunner.run(["bulk", Self.team.path, "--out", out, "--quiet"]).standardError == "")
            let (header, ana, _) = try Self.teamCells()
            let one = folder.appendingPathComponent("one.csv")
            try ([header, ana].map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(
                to: one, atomically: true, encoding: .utf8)
            let again = try CommandRunner.run(["bulk", one.path, "--out", out, "--quiet"])
            #expect(again.status == 0)
            #expect(again.standardOutput == listing(out, plans: 1))
            #expect(again.errorLines == [
                "careerpath: \(out) also holds 6 files this run did not write (E1043.json, E1043.md, E1044.json and 3 more), "
                    + "perhaps from an earlier run: remove them or use an empty folder."
            ])
            // Nothing is deleted: the earlier plans are still there.
            #expect(FileManager.default.fileExists(atPath: out + "/E1045.md"))
        }
    }

    /// Only plan files count as leftovers: not the sheet itself, hidden files or folders.
    @Test func theInputAndOtherFilesInTheFolderAreNotLeftovers() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let sheet = folder.appendingPathComponent("team.csv")
            try FileManager.default.copyItem(at: Self.team, to: sheet)
            try Data().write(to: folder.appendingPathComponent(".hidden.md"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("old"), withIntermediateDirectories: false)
            try Data("notes".utf8).write(to: folder.appendingPathComponent("readme.txt"))
            let result = try CommandRunner.run(["bulk", sheet.path, "--out", folder.path, "--quiet"])
            #expect(result.status == 0)
            #expect(result.standardError == "")
        }
    }

    @Test func progressGoesToStandardErrorOnly() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("plans").path
            let result = try CommandRunner.run(["bulk", Self.team.path, "--out", out, "--format", "md"])
            #expect(result.status == 0)
            #expect(result.standardOutput == listing(out, plans: 4))
            #expect(!result.standardOutput.contains("rows/s"))
            // Standard error is a file here, not a terminal: plain lines, the last one final.
            let lines = result.errorLines
            #expect(!lines.isEmpty)
            #expect(!result.standardError.contains("\u{1B}"))
            let final = try #require(lines.last)
            #expect(final.range(of: #"^4/4 rows, \d+ rows/s, done in \d+\.\d s$"#, options: .regularExpression) != nil, "\(final)")
            #expect(lines.allSatisfy { $0.range(of: #"^\d+/4 rows, .*\d+ rows/s"#, options: .regularExpression) != nil }, "\(lines)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") }.sorted() == ["calibration.json", "equity.json"])
        }
    }

    // MARK: - Bad rows

    @Test func badRowsArePrintedAndTheRunExitsOne() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let lines = try Self.teamCells().lines
            let sheet = try write(
                [
                    lines[0], lines[1],
                    try Self.ana(["person.id": "E2001", "contributor.depth.mastery": "9"]),  // line 3
                    lines[2],
                    try Self.ana(["person.id": "E2002", "person.current_level": "ic.wizard"]),  // line 5
                    lines[3],
                    try Self.ana(["person.id": "E2003"]) + ",extra",  // line 7
                    lines[4],
                    try Self.ana(["person.id": "E2004", "manager.budget.currency": "NZD"]),  // line 9
                ].joined(separator: "\n") + "\n", to: "mixed.csv", in: folder)
            let out = folder.appendingPathComponent("plans").path
            let result = try CommandRunner.run(["bulk", sheet, "--out", out, "--quiet", "--jobs", "2"])
            #expect(result.status == 1)
            #expect(result.standardOutput == listing(out, plans: 4, failed: 4))
            let mastery = try Self.column("contributor.depth.mastery")
            let level = try Self.column("person.current_level")
            let cells = try Self.teamCells().header.count
            let errors = result.errorLines
            #expect(errors.count == 4)
            guard errors.count == 4 else { return }
            #expect(errors[0] == "\(sheet):3:\(mastery): contributor item 'depth.mastery': '9' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)")
            #expect(errors[1].hasPrefix("\(sheet):5:\(level): 'person.current_level' is 'ic.wizard'; allowed: "))
            #expect(errors[2] == "\(sheet):7:\(cells + 1): the row has \(cells + 1) cells but the header has \(cells); a cell with a comma needs quotes")
            #expect(errors[3].hasPrefix("\(sheet):9:\(try Self.column("manager.budget.currency")): "), "\(errors[3])")
            #expect(errors[3].contains("'NZD'"))
            let plans = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".md") && $0 != "equity.md" && $0 != "calibration.md" && $0 != "index.md" }
            #expect(plans.sorted() == ["E1042.md", "E1043.md", "E1044.md", "E1045.md"])
        }
    }

    @Test func aSheetWithOnlyBadRowsExits65() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let lines = try Self.teamCells().lines
            let sheet = try write(
                [lines[0], try Self.ana(["contributor.depth.mastery": "0"]), try Self.ana(["person.current_level": ""])]
                    .joined(separator: "\n") + "\n", to: "bad.csv", in: folder)
            let out = folder.appendingPathComponent("plans").path
            let result = try CommandRunner.run(["bulk", sheet, "--out", out, "--quiet"])
            #expect(result.status == 65)
            #expect(result.standardOutput == listing(out, plans: 0, failed: 2))
            #expect(result.errorLines.map { $0.components(separatedBy: ":").prefix(2).joined(separator: ":") } == ["\(sheet):2", "\(sheet):3"])
        }
    }

    @Test func aSheetWithABadHeaderExits65() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let lines = try Self.teamCells().lines
            let header = lines[0].replacingOccurrences(of: "person.current_level", with: "person.level")
            let sheet = try write([header, lines[1], lines[2]].joined(separator: "\n") + "\n", to: "header.csv", in: folder)
            let out = folder.appendingPathComponent("plans").path
            let result = try CommandRunner.run(["bulk", sheet, "--out", out, "--quiet"])
            #expect(result.status == 65)
            #expect(result.errorLines.contains { $0.hasPrefix("\(sheet):1:3: unknown column 'person.level'") }, "\(result.errorLines)")
            #expect(result.errorLines.contains("\(sheet):1:1: the header needs the column 'person.current_level'"))
            // Nothing is written: not even the folder.
            #expect(!FileManager.default.fileExists(atPath: out))
            #expect(result.standardOutput == "")
        }
    }

    @Test func missingOptionalColumnsAreNamedWithWhatThePlansMiss() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let (header, ana, _) = try Self.teamCells()
            let keep = header.indices.filter { !header[$0].hasPrefix("manager.obs.") && !header[$0].hasPrefix("manager.view.") }
            let text = [header, ana].map { row in keep.map { row[$0] }.joined(separator: ",") }.joined(separator: "\n") + "\n"
            let sheet = try write(text, to: "noview.csv", in: folder)
            let note =
                "\(sheet): note: no columns for the manager's observations (manager.obs.depth, manager.obs.craft, manager.obs.mentoring and 7 more): every plan rests on the person's own view alone, with no manager's view, no divergence to talk about and no calibration."
            let validate = try CommandRunner.run(["validate", sheet])
            #expect(validate.status == 0)
            #expect(validate.outputLines.contains(note), "\(validate.outputLines)")
            #expect(validate.outputLines.last == "1 answers file, 1 person: ok")
            let bulk = try CommandRunner.run(["bulk", sheet, "--out", "out", "--jobs", "1"], currentDirectory: folder)
            #expect(bulk.status == 0)
            #expect(bulk.errorLines.contains("careerpath: " + note), "\(bulk.errorLines)")
        }
    }

    // MARK: - Usage errors

    @Test(arguments: [
        (["--format", "xml"], "unknown format 'xml'; allowed: md, json, html"),
        (["--format", "md,xml"], "unknown format 'xml'; allowed: md, json, html"),
        (["--jobs", "0"], "--jobs must be 1 or more"),
        (["--jobs=-3"], "--jobs must be 1 or more"),
        (["--date", "2026-13-40"], "--date '2026-13-40' is not a date as YYYY-MM-DD, in the years 1970 to 2199"),
    ])
    func aWrongCommandLineExits64(extra: [String], message: String) throws {
        try CommandRunner.withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("plans").path
            let result = try CommandRunner.run(["bulk", Self.team.path, "--out", out] + extra)
            #expect(result.status == 64)
            #expect(result.standardOutput == "")
            #expect(result.standardError.contains(message), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: out), "nothing is written on a usage error")
        }
    }

    @Test func withoutOutItExits64() throws {
        let result = try CommandRunner.run(["bulk", Self.team.path])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--out"))
    }

    // MARK: - Determinism, formulas

    @Test func oneJobAndFourJobsWriteTheSameFiles() throws {
        try CommandRunner.withTemporaryFolder { folder in
            // 600 people: three batches of the default size.
            let sheet = folder.appendingPathComponent("people.csv").path
            let generator = Process()
            generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            generator.arguments = ["python3", CommandRunner.repoRoot.appendingPathComponent("scripts/gen-sheet.py").path, "600", sheet]
            try generator.run()
            generator.waitUntilExit()
            try #require(generator.terminationStatus == 0, "scripts/gen-sheet.py failed")

            var outputs: [[String: Data]] = []
            for jobs in ["1", "4"] {
                let out = folder.appendingPathComponent("jobs\(jobs)").path
                let result = try CommandRunner.run(
                    ["bulk", sheet, "--out", out, "--jobs", jobs, "--date", "2026-12-01", "--quiet", "--format", "md,json"],
                    timeout: 300)
                #expect(result.status == 0, "\(result.standardError)")
                outputs.append(try files(in: out))
            }
            #expect(outputs[0].count == 600 * 2 + Self.shared.count)
            #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
            let differing = outputs[0].keys.filter { outputs[0][$0] != outputs[1][$0] }.sorted()
            #expect(differing == [], "differ between --jobs 1 and --jobs 4")
            let summary = try #require(outputs[0]["summary.csv"].map { String(decoding: $0, as: UTF8.self) })
            #expect(summary.split(separator: "\n").count == 601)
        }
    }

    @Test func anInputNamedLikeAFormulaIsNeutralisedInTheSheets() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let lines = try Self.teamCells().lines
            _ = try write(
                [lines[0], lines[1], try Self.ana(["person.id": "E9", "person.current_level": "@level"])]
                    .joined(separator: "\n") + "\n", to: "=team.csv", in: folder)
            let result = try CommandRunner.run(["bulk", "=team.csv", "--out", "out", "--quiet"], currentDirectory: folder)
            #expect(result.status == 1)
            let summary = try String(contentsOf: folder.appendingPathComponent("out/summary.csv"), encoding: .utf8)
            #expect(summary.hasSuffix(",'=team.csv:2\n"), "\(summary)")
            let errors = try String(contentsOf: folder.appendingPathComponent("out/errors.csv"), encoding: .utf8)
            #expect(errors.contains("\n'=team.csv,3,\(try Self.column("person.current_level")),E9,Ana Silva,person.current_level,"), "\(errors)")
            #expect(errors.contains("'@level'"))
        }
    }
}
