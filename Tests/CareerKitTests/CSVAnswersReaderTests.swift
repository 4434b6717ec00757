import CSV
import Foundation
import Testing

@testable import CareerKit

@Suite struct CSVAnswersReaderTests {
    let prompts = TestSupport.prompts

    func rows(_ text: String) throws -> [CSVAnswersReader.Row] {
        Array(try CSVAnswersReader(text: text, path: "sheet.csv", prompts: prompts))
    }

    @Test func aBadRowDoesNotStopTheOthers() throws {
        let csv = """
            person.name,person.current_level,contributor.depth.mastery,contributor.top3
            Ann,ic.senior,4,depth.mastery;maker.flow;focus.deep_blocks
            Bob,ic.senior,9,
            Cat,ic.staf,2,
            Dan,ic.junior,,
            """
        let found = try rows(csv)
        #expect(found.map(\.line) == [2, 3, 4, 5])
        #expect(try found[0].result.get().value("top3", by: .contributor) == .list(["depth.mastery", "maker.flow", "focus.deep_blocks"]))
        #expect(found[1].result.failureDiagnostics == ["sheet.csv:3:3: contributor item 'depth.mastery': '9' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)"])
        #expect(found[2].result.failureDiagnostics.first?.hasPrefix("sheet.csv:4:2: 'person.current_level' is 'ic.staf'") == true)
        #expect(try found[3].result.get().responses.isEmpty)
    }

    @Test func quotedCellsWithCommasAndNewlinesKeepLineNumbers() throws {
        let csv = "person.name,person.current_level,contributor.goal.statement,contributor.depth.mastery\n"
            + "\"Silva, Ana\",ic.senior,\"Two lines:\nsecond, with comma\",5\n"
            + "Ben,ic.senior,,7\n"
        let found = try rows(csv)
        #expect(try found[0].result.get().person.name == "Silva, Ana")
        #expect(try found[0].result.get().value("goal.statement", by: .contributor) == .text("Two lines:\nsecond, with comma"))
        #expect(found[1].line == 4)
        #expect(found[1].result.failureDiagnostics.first?.hasPrefix("sheet.csv:4:4:") == true)
    }

    @Test func textCellsKeepSemicolons() throws {
        let csv = "person.name,person.current_level,contributor.reality.energizers\nAnn,ic.senior,Designing; pairing\n"
        #expect(try rows(csv)[0].result.get().value("reality.energizers", by: .contributor) == .text("Designing; pairing"))
    }

    @Test func unknownAndMisplacedHeaderColumnsStopTheFile() {
        let csv = "person.name,person.current_level,contributor.depth.mastry,contributor.obs.depth,person.name\n"
        let problems = TestSupport.diagnostics { _ = try CSVAnswersReader(text: csv, path: "sheet.csv", prompts: prompts) }
        #expect(problems.map(\.description) == [
            "sheet.csv:1:3: unknown column 'contributor.depth.mastry'; allowed: person.name, person.id, person.current_level, person.domain, person.years_experience, person.years_managing, manager.name, manager.id, session.date, session.mode, contributor.<item id>, manager.<item id> (see `careerpath template csv`)",
            "sheet.csv:1:4: column 'contributor.obs.depth': item 'obs.depth' is answered by the manager; name the column 'manager.obs.depth'",
            "sheet.csv:1:5: column 'person.name' appears more than once in the header",
        ])
    }

    @Test func missingRequiredColumnsAreReported() {
        let problems = TestSupport.diagnostics { _ = try CSVAnswersReader(text: "person.name\nAnn\n", path: "s.csv", prompts: prompts) }
        #expect(problems.map(\.message) == ["the header needs the column 'person.current_level'"])
    }

    @Test func rowWithTheWrongNumberOfCellsIsReported() throws {
        let found = try rows("person.name,person.current_level\nAnn,ic.senior,extra\n")
        #expect(found[0].result.failureDiagnostics == ["sheet.csv:2:3: the row has 3 cells but the header has 2; a cell with a comma needs quotes"])
    }

    @Test func blankLinesAreSkippedAndCounted() throws {
        let found = try rows("person.name,person.current_level\n\nAnn,ic.senior\n")
        #expect(found.count == 1)
        #expect(found[0].line == 3)
    }

    @Test func headerWithAByteOrderMarkIsRead() throws {
        let found = try rows("\u{FEFF}person.name,person.current_level\nAnn,ic.senior\n")
        #expect(try found[0].result.get().person.name == "Ann")
    }
}

extension CSVAnswersReaderTests {
    /// Reads CSV text into rows with the CSV library, for checking files the code writes.
    static func parseCSV(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows.filter { $0 != [""] }
    }
}

extension Result where Failure == CareerError {
    /// The failure's diagnostics as lines, or an empty list on success.
    var failureDiagnostics: [String] {
        if case .failure(.invalidData(let diagnostics)) = self { return diagnostics.map(\.description) }
        return []
    }
}

@Suite struct CSVEncodingTests {
    @Test func aSheetInAnotherEncodingIsRefusedWithThePlaceToLook() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("latin1.csv").path
        let bytes: [UInt8] = Array("person.name,person.current_level\nJos".utf8) + [0xE9] + Array(",ic.senior\nBob,ic.senior\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let problems = TestSupport.diagnostics { _ = try CSVAnswersReader(path: path, prompts: TestSupport.prompts) }
        #expect(problems.map(\.description) == [
            "\(path):2:4: the file is not UTF-8 text from here (byte 0xE9); save the sheet as \"CSV UTF-8\" and try again"
        ])
    }

    @Test func utf8WithAccentsAndEmojiPasses() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("utf8-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("a,b\nJosé 李雷 🙂,ok\n".utf8)))
        #expect(UTF8Check.firstInvalidByte(inFileAtPath: path) == nil)
    }
}
