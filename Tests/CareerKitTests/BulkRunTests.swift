import Foundation
import Testing

@testable import CareerKit

/// A small RFC 4180 reader and writer, independent of the CSV module under test.
enum RFC4180 {
    /// Every record of `text`; quoted cells may hold commas, quotes (doubled) and line breaks.
    /// Records end at "\n" or "\r\n"; a final line break does not start an empty record.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        var cellStarted = false
        func endCell() {
            record.append(String(cell))
            cell = String.UnicodeScalarView()
            cellStarted = false
        }
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        cell.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty:
                quoted = true
                cellStarted = true
            case ",":
                endCell()
                cellStarted = true
            case "\r" where scalars.first == "\n":
                break
            case "\n":
                endCell()
                records.append(record)
                record = []
            default:
                cell.append(scalar)
                cellStarted = true
            }
        }
        if cellStarted || !cell.isEmpty || !record.isEmpty {
            endCell()
            records.append(record)
        }
        return records
    }

    /// One record, quoted where RFC 4180 needs it, without a line break.
    static func line(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",")
    }
}

/// Sheets made from the four people of `Fixtures/team.csv`, and runs of `BulkRun` over them.
enum BulkTestKit {
    /// Used for people without a session date (every team row has one).
    static let today = SessionDate.parse("2026-12-01")!

    static let teamText: String = {
        do { return try String(contentsOfFile: TestSupport.fixture("team.csv"), encoding: .utf8) } catch {
            fatalError("team.csv does not load: \(error)")
        }
    }()
    static let team: [[String]] = RFC4180.parse(teamText)
    static var header: [String] { team[0] }
    /// Ana Silva (0), Ben Okafor (1), Chen Wang (2), Dara Novak (3).
    static var people: [[String]] { Array(team.dropFirst()) }

    /// The 0-based index of a header column.
    static func column(_ name: String) -> Int {
        guard let index = header.firstIndex(of: name) else { fatalError("team.csv has no column \(name)") }
        return index
    }

    /// A team row with some cells changed, keyed by header name.
    static func person(_ index: Int, _ changes: [String: String] = [:]) -> [String] {
        var row = people[index]
        for (name, value) in changes { row[column(name)] = value }
        return row
    }

    /// A whole sheet: the header and `rows`, each line ending in "\n".
    static func sheet(_ rows: [[String]], header: [String] = header) -> String {
        ([header] + rows).map { RFC4180.line($0) + "\n" }.joined()
    }

    @discardableResult
    static func write(_ text: String, to url: URL) throws -> String {
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func run(
        _ inputs: [String], into folder: URL, formats: [PlanRenderer.Format] = [.md, .json], jobs: Int = 2,
        batchSize: Int = 256, progress: (BulkRun.Progress) -> Void = { _ in }
    ) throws -> BulkRun.Outcome {
        let options = BulkRun.Options(outDirectory: folder.path, formats: formats, jobs: jobs, today: today, batchSize: batchSize)
        return try BulkRun(prompts: TestSupport.prompts, options: options)
            .run(BulkSource(inputs: inputs, prompts: TestSupport.prompts), progress: progress)
    }

    /// Every file of a folder (not recursive), by name.
    static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    /// A file the run wrote, as a spreadsheet reads it: a CSV file's byte-order mark (which
    /// every CSV careerpath writes starts with) is checked and left out.
    static func text(_ folder: URL, _ name: String) throws -> String {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        if name.hasSuffix(".csv") {
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) starts with a byte-order mark")
            return String(decoding: data.dropFirst(3), as: UTF8.self)
        }
        return text
    }

    /// A CSV file the run wrote, parsed back.
    static func records(_ folder: URL, _ name: String) throws -> [[String]] {
        RFC4180.parse(try text(folder, name))
    }

    /// The plan file names (without the shared files), sorted.
    static func planFiles(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !sharedFiles.contains($0) }.sorted()
    }

    static func json(_ folder: URL, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? NSNumber).intValue & 0o777
    }

    static let sharedFiles = ["index.html", "index.md", "summary.csv", "errors.csv", "equity.md", "equity.json", "calibration.md", "calibration.html", "calibration.json"]
}

@Suite struct BulkRunTests {
    typealias Kit = BulkTestKit

    // MARK: - Three input shapes

    @Test func csvJSONLinesAndAFolderGiveTheSamePlans() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = [
            "csv": TestSupport.fixture("team.csv"),
            "jsonl": TestSupport.fixture("bulk/team.jsonl"),
            "folder": TestSupport.fixture("bulk/answers"),
        ]
        var outcomes: [String: BulkRun.Outcome] = [:]
        var files: [String: [String: Data]] = [:]
        var summaries: [String: [[String]]] = [:]
        for (shape, input) in inputs {
            let out = root.appendingPathComponent(shape)
            outcomes[shape] = try Kit.run([input], into: out)
            files[shape] = try Kit.contents(of: out)
            summaries[shape] = try Kit.records(out, "summary.csv")
        }
        let expectedPlans = ["E1042", "E1043", "E1044", "E1045"].flatMap { [$0 + ".json", $0 + ".md"] }
        for shape in inputs.keys {
            #expect(outcomes[shape]?.people == 4, "\(shape)")
            #expect(outcomes[shape]?.failed == 0, "\(shape)")
            #expect(outcomes[shape]?.errors.isEmpty == true, "\(shape)")
            #expect(files[shape].map { Array($0.keys).sorted() } == (expectedPlans + Kit.sharedFiles).sorted(), "\(shape)")
        }
        let csv = try #require(files["csv"])
        for shape in ["jsonl", "folder"] {
            let other = try #require(files[shape])
            for name in expectedPlans + ["errors.csv", "equity.md", "equity.json"] {
                #expect(csv[name] != nil && csv[name] == other[name], "\(name) differs between csv and \(shape)")
            }
            // The summary is the same but for the last column, which names the input.
            let left = try #require(summaries["csv"]), right = try #require(summaries[shape])
            #expect(left.count == 5 && right.count == 5)
            #expect(left.map { Array($0.dropLast()) } == right.map { Array($0.dropLast()) }, "summary differs for \(shape)")
            #expect(left.first == BulkRun.summaryHeader && right.first == BulkRun.summaryHeader)
        }
        // Rows stay in input order; the source names where each row came from.
        let csvSummary = try #require(summaries["csv"])
        #expect(csvSummary.dropFirst().map(\.first) == ["E1042", "E1043", "E1044", "E1045"])
        #expect(csvSummary.dropFirst().map(\.last) == (2...5).map { "\(TestSupport.fixture("team.csv")):\($0)" })
        let folderSummary = try #require(summaries["folder"])
        #expect(folderSummary.dropFirst().map { $0.last ?? "" } == [
            "ana-silva.yaml", "ben-okafor.json", "chen-wang.yaml", "dara-novak.json",
        ].map { TestSupport.fixture("bulk/answers") + "/" + $0 })
        // The plans are the real thing: each JSON plan names its own person.
        for (id, name) in [("E1042", "Ana Silva"), ("E1045", "Dara Novak")] {
            let plan = try Kit.json(root.appendingPathComponent("jsonl"), id + ".json")
            #expect(plan["schema"] as? String == "careerpath.plan/1")
            let person = try #require(plan["person"] as? [String: Any])
            #expect(person["id"] as? String == id)
            #expect(person["name"] as? String == name)
        }
    }

    // MARK: - Bad rows

    /// team.csv with a bad row after each good one: lines 2, 4, 6, 8 are good.
    static func mixedSheet() -> String {
        var short = Kit.person(2, ["person.id": "E2003"])
        short.removeLast()
        return Kit.sheet([
            Kit.person(0),
            Kit.person(0, ["person.id": "E2001", "contributor.depth.mastery": "9"]),  // out of range
            Kit.person(1),
            Kit.person(1, ["person.id": "E2002", "person.current_level": "ic.wizard"]),  // unknown level
            Kit.person(2),
            short,  // a cell too few
            Kit.person(3),
            Kit.person(0, ["person.id": "E2004", "manager.budget.currency": "NZD"]),  // no exchange rate
        ])
    }

    @Test func badRowsAreReportedAndTheGoodOnesAreAllWritten() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try Kit.write(Self.mixedSheet(), to: root.appendingPathComponent("mixed.csv"))
        let out = root.appendingPathComponent("out")
        let outcome = try Kit.run([sheet], into: out)

        #expect(outcome.people == 4)
        #expect(outcome.failed == 4)
        #expect(try Kit.planFiles(out) == ["E1042", "E1043", "E1044", "E1045"].flatMap { [$0 + ".json", $0 + ".md"] })
        #expect(try Kit.records(out, "summary.csv").dropFirst().map(\.first) == ["E1042", "E1043", "E1044", "E1045"])

        let errors = try Kit.records(out, "errors.csv")
        #expect(errors.first == BulkRun.errorsHeader)
        let rows = Array(errors.dropFirst())
        #expect(rows.count == 4)
        #expect(rows.count == outcome.errors.count)
        // Every bad row is located in the input sheet, at its own line.
        #expect(rows.map { $0.first } == [sheet, sheet, sheet, sheet])
        #expect(rows.map { $0.count > 1 ? $0[1] : "" } == ["3", "5", "7", "9"])
        #expect(outcome.errors.map(\.line) == [3, 5, 7, 9])
        #expect(rows.allSatisfy { $0.count == 7 && !$0[6].isEmpty })
        guard rows.count == 4, rows.allSatisfy({ $0.count == 7 }) else { return }
        // Whose row it is, read from the row itself, so the errors join back to the people.
        #expect(rows.map { [$0[3], $0[4]] } == [
            ["E2001", "Ana Silva"], ["E2002", "Ben Okafor"], ["E2003", Kit.person(2)[Kit.column("person.name")]],
            ["E2004", "Ana Silva"],
        ])

        let mastery = Kit.column("contributor.depth.mastery") + 1
        #expect(rows[0] == [
            sheet, "3", String(mastery), "E2001", "Ana Silva", "contributor.depth.mastery",
            "contributor item 'depth.mastery': '9' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)",
        ])
        #expect(Array(rows[1][0...5]) == [
            sheet, "5", String(Kit.column("person.current_level") + 1), "E2002", "Ben Okafor", "person.current_level",
        ])
        #expect(rows[1][6].hasPrefix("'person.current_level' is 'ic.wizard'; allowed: ic.junior"))
        #expect(rows[2] == [
            sheet, "7", String(Kit.header.count), "E2003", Kit.person(2)[Kit.column("person.name")], "",
            "the row has \(Kit.header.count - 1) cells but the header has \(Kit.header.count); a cell with a comma needs quotes",
        ])
        // The budget currency has no exchange rate: the row, its cell and the item are named.
        #expect(rows[3][0] == sheet, "the NZD row is located in \(rows[3][0]), not in the sheet")
        #expect(rows[3][1] == "9")
        #expect(rows[3][2] == String(Kit.column("manager.budget.currency") + 1))
        #expect(rows[3][5] == "manager.budget.currency")
        #expect(rows[3][6].contains("'NZD'"))
        #expect(outcome.errors.map(\.path) == [sheet, sheet, sheet, sheet])
    }

    @Test func aSheetWithOnlyBadRowsWritesNoPlans() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try Kit.write(
            Kit.sheet([Kit.person(0, ["contributor.depth.mastery": "0"]), Kit.person(1, ["person.current_level": "boss"])]),
            to: root.appendingPathComponent("bad.csv"))
        let out = root.appendingPathComponent("out")
        let outcome = try Kit.run([sheet], into: out)
        #expect(outcome.people == 0)
        #expect(outcome.failed == 2)
        #expect(try Kit.planFiles(out) == [])
        #expect(try Kit.records(out, "summary.csv") == [BulkRun.summaryHeader])
        #expect(try Kit.records(out, "errors.csv").dropFirst().map { Array($0.prefix(2)) } == [[sheet, "2"], [sheet, "3"]])
        #expect(try Kit.json(out, "equity.json")["failed_rows"] as? Int == 2)
    }

    @Test func aBadHeaderStopsTheRunBeforeAnythingIsWritten() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var header = Kit.header
        header[2] = "person.level"
        let sheet = try Kit.write(Kit.sheet([Kit.person(0), Kit.person(1)], header: header), to: root.appendingPathComponent("h.csv"))
        // A good sheet beside it is not planned either: a summary of it alone would pass for the run.
        let good = try Kit.write(Kit.sheet([Kit.person(2)]), to: root.appendingPathComponent("good.csv"))
        let out = root.appendingPathComponent("out")
        var problems: [String] = []
        do {
            _ = try Kit.run([good, sheet], into: out)
            Issue.record("the run went ahead")
        } catch CareerError.invalidData(let diagnostics) {
            problems = diagnostics.map(\.description)
        }
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("\(sheet):1:3: unknown column 'person.level'") })
        #expect(problems.contains("\(sheet):1:1: the header needs the column 'person.current_level'"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func badLinesOfJSONLinesAndBadFilesOfAFolderAreLocated() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = try String(contentsOfFile: TestSupport.fixture("bulk/team.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let broken = lines[1].replacingOccurrences(of: "\"depth.mastery\": 3", with: "\"depth.mastery\": 9")
        #expect(broken != lines[1])
        // Line 2 is blank and skipped, but still counted.
        let jsonl = try Kit.write(
            [lines[0], "", broken, "{\"person\": ", lines[2], lines[3]].joined(separator: "\n") + "\n",
            to: root.appendingPathComponent("people.jsonl"))
        let folder = root.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.fixture("ana-silva.yaml"), toPath: folder.appendingPathComponent("a.yaml").path)
        let badYAML = try String(contentsOfFile: TestSupport.fixture("ben-okafor.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "current_level: ic.senior", with: "current_level: ic.wizard")
        try Kit.write(badYAML, to: folder.appendingPathComponent("b.yaml"))
        try Kit.write("not answers", to: folder.appendingPathComponent("notes.txt"))

        let out = root.appendingPathComponent("out")
        let outcome = try Kit.run([jsonl, folder.path], into: out)
        #expect(outcome.people == 4)
        #expect(outcome.failed == 3)
        let errors = try Kit.records(out, "errors.csv").dropFirst()
        #expect(errors.map { Array($0.prefix(2)) } == [
            [jsonl, "3"], [jsonl, "4"], [folder.appendingPathComponent("b.yaml").path, String(TestSupport.line(of: "ic.wizard", in: badYAML))],
        ])
        #expect(errors.first.map { $0.count == 7 && $0[6].contains("'9' is not allowed") } == true)
        // A JSON Lines document read far enough names its person; a broken one and a file do not.
        #expect(errors.map { [$0[3], $0[4]] } == [["E1043", "Ben Okafor"], ["", ""], ["", ""]])
        #expect(try Kit.records(out, "summary.csv").dropFirst().map(\.first) == ["E1042", "E1044", "E1045", "E1042"])
        #expect(try Kit.planFiles(out).contains("E1042-2.json"))
    }

    // MARK: - File names

    @Test func fileNamesNeverLeaveTheOutputFolder() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let people: [(id: String, name: String, file: String)] = [
            ("../../x", "Ana Silva", "x"),
            ("a/b", "Ana Silva", "a-b"),
            ("..", "Ana Silva", "person"),
            (".hidden", "Ana Silva", "hidden"),
            ("", "Eve/../../etc/passwd", "Eve-etc-passwd"),
            ("", "/", "person-2"),
            ("E1042", "Ana Silva", "E1042"),
            ("E1042", "Ana Twin", "E1042-2"),
            ("e1042", "Ana Triplet", "e1042-3"),
            ("summary", "Ana Silva", "summary-person"),
            ("errors", "Ana Silva", "errors-person"),
            ("Equity", "Ana Silva", "Equity-person"),
            ("../summary", "Ana Silva", "summary-person-2"),
        ]
        let sheet = try Kit.write(
            Kit.sheet(people.map { Kit.person(0, ["person.id": $0.id, "person.name": $0.name]) }),
            to: root.appendingPathComponent("names.csv"))
        let out = root.appendingPathComponent("deep/er/out")
        let outcome = try Kit.run([sheet], into: out)
        #expect(outcome.people == people.count)
        #expect(outcome.failed == 0)

        // Exactly the expected files, all directly inside --out, nothing anywhere else.
        let expected = people.flatMap { [$0.file + ".json", $0.file + ".md"] } + Kit.sharedFiles
        #expect(try Kit.contents(of: out).keys.sorted() == expected.sorted())
        let resolvedOut = out.resolvingSymlinksInPath().standardizedFileURL.path
        var everything: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        while let relative = enumerator.nextObject() as? String { everything.append(relative) }
        let stray = everything.filter { relative in
            let resolved = root.appendingPathComponent(relative).resolvingSymlinksInPath().standardizedFileURL.path
            return resolved != root.appendingPathComponent("names.csv").resolvingSymlinksInPath().path
                && !resolved.hasPrefix(resolvedOut + "/") && !resolvedOut.hasPrefix(resolved)
        }
        #expect(stray == [], "files outside --out")
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            let resolved = out.appendingPathComponent(name).resolvingSymlinksInPath().standardizedFileURL
            #expect(resolved.deletingLastPathComponent().path == resolvedOut, "\(name)")
            #expect(!name.hasPrefix("."), "\(name) is hidden")
        }
        // The names are the SafeFileName form of the id, else of the name.
        for person in people {
            let base = SafeFileName.make(person.id.isEmpty ? person.name : person.id)
            #expect(person.file == base || person.file.hasPrefix(base + "-"), "\(person.file) is not made from \(base)")
        }
        // Each file holds its own person, in input order.
        for person in people {
            let plan = try Kit.json(out, person.file + ".json")
            let fields = try #require(plan["person"] as? [String: Any])
            #expect(fields["name"] as? String == person.name, "\(person.file)")
            #expect((fields["id"] as? String) == (person.id.isEmpty ? nil : person.id), "\(person.file)")
        }
    }

    @Test func aSuffixedNameNeverOverwritesAnotherPersonsFiles() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // The second E1 would become E1-2, which is also the third person's own id; likewise
        // summary -> summary-person.
        let ids = ["E1", "E1", "E1-2", "summary", "summary-person"]
        let sheet = try Kit.write(
            Kit.sheet(ids.enumerated().map { Kit.person(0, ["person.id": $1, "person.name": "Person \($0)"]) }),
            to: root.appendingPathComponent("clash.csv"))
        let out = root.appendingPathComponent("out")
        let outcome = try Kit.run([sheet], into: out)
        #expect(outcome.people == ids.count)
        let plans = try Kit.planFiles(out)
        #expect(plans.filter { $0.hasSuffix(".json") }.count == ids.count, "plans: \(plans)")
        var names: [String] = []
        for file in plans where file.hasSuffix(".json") {
            let person = try #require(try Kit.json(out, file)["person"] as? [String: Any])
            names.append(person["name"] as? String ?? "")
        }
        #expect(names.sorted() == (0..<ids.count).map { "Person \($0)" })
    }

    // MARK: - Spreadsheet formulas

    @Test func formulaLookingCellsAreWrittenAsText() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let names = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@cmd"]
        var rows = names.enumerated().map { Kit.person(0, ["person.id": "F\($0 + 1)", "person.name": $1]) }
        rows.append(Kit.person(1, ["person.id": "-5", "person.name": "Plain Name"]))
        // A bad row whose message echoes a formula-looking value.
        rows.append(Kit.person(1, ["person.id": "F9", "person.current_level": "=1+2"]))
        let sheet = try Kit.write(Kit.sheet(rows), to: root.appendingPathComponent("formulas.csv"))
        let out = root.appendingPathComponent("out")
        let outcome = try Kit.run([sheet], into: out)
        #expect(outcome.people == 5)
        #expect(outcome.failed == 1)

        let raw = try Kit.text(out, "summary.csv")
        #expect(raw.contains("F1,\"'=HYPERLINK(\"\"http://x\"\")\","))
        #expect(raw.contains("\nF2,'+1,"))
        #expect(raw.contains("\nF3,'-2,"))
        #expect(raw.contains("\nF4,'@cmd,"))
        #expect(raw.contains("\n'-5,Plain Name,"))
        let summary = RFC4180.parse(raw)
        #expect(summary.count == 6)
        #expect(summary.dropFirst().map { $0.count > 1 ? $0[1] : "" } == names.map { "'" + $0 } + ["Plain Name"])
        #expect(summary.dropFirst().map(\.first) == ["F1", "F2", "F3", "F4", "'-5"])

        let errorsRaw = try Kit.text(out, "errors.csv")
        let errors = RFC4180.parse(errorsRaw)
        #expect(errors.count == 2)
        #expect(errors.last.map { $0.count == 7 && $0[3] == "F9" && $0[6].contains("'=1+2'") } == true)
        // No cell of either file starts as a formula would.
        for (file, records) in [("summary.csv", summary), ("errors.csv", errors)] {
            for record in records {
                for cell in record {
                    let formula = cell.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
                    #expect(!formula, "\(file): \(cell)")
                }
            }
        }
        // Plan files keep the name as it is; only the spreadsheet cells are neutralised.
        let plan = try Kit.json(out, "F1.json")
        #expect((plan["person"] as? [String: Any])?["name"] as? String == names[0])
    }

    @Test func neutralisedCellsGetOneLeadingQuote() {
        #expect(SpreadsheetCell.neutralised("=SUM(A1)") == "'=SUM(A1)")
        #expect(SpreadsheetCell.neutralised("+1") == "'+1")
        #expect(SpreadsheetCell.neutralised("-2") == "'-2")
        #expect(SpreadsheetCell.neutralised("@cmd") == "'@cmd")
        #expect(SpreadsheetCell.neutralised("\tx") == "'\tx")
        #expect(SpreadsheetCell.neutralised("\rx") == "'\rx")
        #expect(SpreadsheetCell.neutralised("Ana = 1") == "Ana = 1")
        #expect(SpreadsheetCell.neutralised("") == "")
    }

    /// Point 5 of issue 13: what OWASP's CSV-injection guidance lists, and the forms that
    /// slipped through: a line feed before `=`, leading spaces, the full-width and small signs.
    @Test(arguments: [
        "\n=1+2", "\n", "\r\n@SUM(A1)", " =1+2", "\u{3000}+1", "\t\t-1", "＝1+2", "＋1", "－1", "＠SUM(A1)", "﹦1",
        "﹢1", "﹣1", "﹫x", "−1",
    ])
    func everyFormulaFormGetsALeadingQuote(cell: String) {
        #expect(SpreadsheetCell.neutralised(cell) == "'" + cell)
    }

    @Test(arguments: ["Ana Silva", "E1042", " Ana", "1-2", "a=b", "Ana@example.com", "  ", "'=1"])
    func ordinaryCellsStayAsTheyAre(cell: String) {
        #expect(SpreadsheetCell.neutralised(cell) == cell)
    }

    // MARK: - Determinism

    /// 22 people: duplicate ids (so names get suffixes), people without an id, four bad rows
    /// (5, 12, 13, 19), varied budgets.
    static func mixedLargeSheet() -> String {
        var rows: [[String]] = []
        for index in 0..<22 {
            var changes = ["person.id": index % 3 == 0 ? "" : "D\(index / 2)", "person.name": "Person \(index)"]
            // Dara (every fourth) has no manager answers: leave her budget unanswered.
            if index % 4 != 3 { changes["manager.budget.amount"] = String(500 * (index % 5)) }
            if index % 7 == 5 { changes["contributor.depth.mastery"] = "9" }
            if index == 13 { changes["person.current_level"] = "ic.wizard" }
            rows.append(Kit.person(index % 4, changes))
        }
        return Kit.sheet(rows)
    }

    @Test func outputDoesNotDependOnJobsOrBatches() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try Kit.write(Self.mixedLargeSheet(), to: root.appendingPathComponent("many.csv"))
        var results: [[String: Data]] = []
        var outcomes: [BulkRun.Outcome] = []
        let settings: [(jobs: Int, batch: Int)] = [(1, 256), (4, 3), (4, 256), (3, 1)]
        var progressCalls: [[Int]] = []
        for (index, setting) in settings.enumerated() {
            let out = root.appendingPathComponent("out\(index)")
            var calls: [Int] = []
            outcomes.append(try Kit.run([sheet], into: out, formats: [.md, .json, .html], jobs: setting.jobs, batchSize: setting.batch) {
                calls.append($0.done + $0.failed)
            })
            progressCalls.append(calls)
            results.append(try Kit.contents(of: out))
        }
        #expect(outcomes[0].people + outcomes[0].failed == 22)
        #expect(outcomes[0].failed == 4)
        #expect(results[0].count == 18 * 3 + Kit.sharedFiles.count)
        #expect(results[0]["D5-2.json"] != nil && results[0]["D8-2.json"] != nil, "duplicate ids give suffixed files")
        #expect(results[0]["Person-0.md"] != nil, "a person without an id is named from the name")
        for index in 1..<settings.count {
            #expect(results[index].keys.sorted() == results[0].keys.sorted(), "names differ with \(settings[index])")
            for (name, data) in results[0] {
                #expect(results[index][name] == data, "\(name) differs with \(settings[index])")
            }
            #expect(outcomes[index].errors == outcomes[0].errors)
        }
        // Batches of 3 report progress after each batch, cumulatively.
        #expect(progressCalls[1] == [3, 6, 9, 12, 15, 18, 21, 22])
        #expect(progressCalls[0] == [22])
    }

    // MARK: - Permissions

    /// History records come a batch at a time, in input order, once the batch's files exist.
    @Test func recordsComeABatchAtATimeAfterTheirFiles() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let options = BulkRun.Options(outDirectory: out.path, formats: [.md], jobs: 2, today: Kit.today, batchSize: 3)
        var batches: [[String]] = []
        var seen: [String: Int] = [:]
        let outcome = try BulkRun(prompts: TestSupport.prompts, options: options).run(
            BulkSource(inputs: [TestSupport.fixture("team.csv"), TestSupport.fixture("team.csv")], prompts: TestSupport.prompts),
            record: { records in
                batches.append(records.map { $0.personID ?? "?" })
                for record in records {
                    // The second time a person comes, their files are name-2.
                    let stem = record.personID ?? "?"
                    seen[stem, default: 0] += 1
                    let name = seen[stem] == 1 ? stem + ".md" : stem + "-\(seen[stem]!).md"
                    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
                }
            })
        #expect(outcome.people == 8)
        #expect(batches == [["E1042", "E1043", "E1044"], ["E1045", "E1042", "E1043"], ["E1044", "E1045"]])
    }

    /// Point 6 of issue 13: two people without an id who share a name, and the same row
    /// twice, get records of their own; a rerun replaces them.
    @Test func twoPeopleWithTheSameNameAndNoIdKeepTwoRecords() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try Kit.write(
            Kit.sheet([
                Kit.person(0, ["person.id": "", "person.name": "Sam Lee"]), Kit.person(1, ["person.id": "", "person.name": "Sam Lee"]),
                Kit.person(2),
            ]),
            to: root.appendingPathComponent("twins.csv"))
        let store = try HistoryStore(path: root.appendingPathComponent("history.sqlite").path)
        var ids: [String] = []
        for _ in 0..<2 {
            let options = BulkRun.Options(outDirectory: root.appendingPathComponent("out").path, formats: [.json], jobs: 2, today: Kit.today)
            _ = try BulkRun(prompts: TestSupport.prompts, options: options).run(
                BulkSource(inputs: [sheet], prompts: TestSupport.prompts),
                record: { records in
                    ids = records.map(\.id)
                    try store.record(records)
                })
        }
        #expect(ids == [
            "bulk:2026-11-22:one-on-one:name:sam lee", "bulk:2026-11-22:one-on-one:name:sam lee:2",
            "bulk:2026-11-22:one-on-one:id:E1044",
        ])
        // Two people (point 12 of issue 20): the second is filed under a key of its own.
        #expect(try store.sessions(personKey: "name:sam lee").map(\.id) == [ids[0]])
        #expect(try store.sessions(personKey: "name:sam lee#2").map(\.id) == [ids[1]])
        #expect(try store.sessions(personKey: nil, since: nil).count == 3)
    }

    @Test func aSelfAssessmentAndAOneOnOneOfOneDayAreTwoSessions() throws {
        var answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: TestSupport.prompts)
        let assessment = Scorer(prompts: TestSupport.prompts).assess(answers)
        let plan = try Planner(prompts: TestSupport.prompts).plan(for: answers, assessment: assessment, today: Kit.today)
        #expect(HistoryRecord.Source.run.id(answers: answers, plan: plan) == "run:2026-11-22:one-on-one:id:E1042")
        answers.mode = .selfAssessment
        #expect(HistoryRecord.Source.run.id(answers: answers, plan: plan) == "run:2026-11-22:self:id:E1042")
    }

    @Test func everyFileIsOwnerOnly() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("plans")
        let outcome = try Kit.run([TestSupport.fixture("team.csv")], into: out, formats: [.md, .json, .html])
        #expect(outcome.people == 4)
        #expect(try Kit.permissions(out.path) == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.count == 4 * 3 + Kit.sharedFiles.count)
        for name in names {
            #expect(try Kit.permissions(out.appendingPathComponent(name).path) == 0o600, "\(name)")
        }
    }

    @Test func filesLeftFromAnEarlierRunBecomeOwnerOnly() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for name in ["summary.csv", "errors.csv", "equity.md", "E1042.md", "E1043.json"] {
            #expect(FileManager.default.createFile(
                atPath: out.appendingPathComponent(name).path, contents: Data("old, longer than what comes next\n".utf8),
                attributes: [.posixPermissions: 0o644]))
        }
        _ = try Kit.run([TestSupport.fixture("team.csv")], into: out)
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            #expect(try Kit.permissions(out.appendingPathComponent(name).path) == 0o600, "\(name)")
            #expect(try !Kit.text(out, name).hasPrefix("old,"), "\(name) was not rewritten")
        }
    }
}
