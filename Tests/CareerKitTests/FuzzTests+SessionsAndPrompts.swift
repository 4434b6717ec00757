import Foundation
import Testing

@testable import CareerKit

/// Issue 20's check: the in-process fuzzing reaches session files and every prompts file too.
/// Each mutated file is read or refused with `file:line:column:` problems, all printable;
/// never a crash or a hang. Seeded, so a failure can be replayed.
extension FuzzTests {
    /// Records a refusal without a reason, and each problem not located in `path` or not
    /// printable. Checked plainly, recorded only when wrong: thousands of #expect cost seconds.
    static func checkLocated(_ diagnostics: [Diagnostic], in path: String, case number: Int, _ name: String) {
        if diagnostics.isEmpty { Issue.record("case \(number) (\(name)): refused without a reason") }
        for diagnostic in diagnostics {
            let text = diagnostic.description
            let located = diagnostic.path == path && diagnostic.line >= 1 && diagnostic.column >= 1
                && text.hasPrefix("\(path):\(diagnostic.line):\(diagnostic.column): ")
            let printable = !text.unicodeScalars.contains(where: PrintableText.needsEscape) && text.count < 1_000
            if !located || !printable { Issue.record("case \(number) (\(name)): \(text)") }
        }
    }

    @Test func mutatedSessionFilesAreReadOrRefusedWithPositions() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // A one-on-one with answers of every kind, saved as talk saves it.
        let answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: TestSupport.prompts)
        var record = SessionRecord(
            id: "20261122-ana-silva-0a1b2c3d", person: answers.person, managerName: answers.managerName, mode: .oneOnOne,
            date: "2026-11-22", now: Date(timeIntervalSince1970: 1_795_000_000))
        record.record(answers.responses, skipped: [], now: Date(timeIntervalSince1970: 1_795_000_000))
        record.notes = ["wants the on-call rotation"]
        let store = SessionStore(directory: root.path)
        try store.save(record)
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: store.path(for: record.id))))
        var random = SeededGenerator(seed: Self.seed + 1)
        var read = 0
        for number in 0..<200 {
            let path = root.appendingPathComponent("case\(number).json").path
            try Data(Self.mutate(original, with: &random)).write(to: URL(fileURLWithPath: path))
            do {
                _ = try SessionStore.load(path: path, prompts: TestSupport.prompts)
                read += 1
            } catch CareerError.invalidData(let diagnostics) {
                Self.checkLocated(diagnostics, in: path, case: number, "session")
            } catch {
                Issue.record("case \(number) (session): \(error)")
            }
            try FileManager.default.removeItem(atPath: path)
        }
        #expect(read > 5 && read < 150, "read \(read) of 200")
    }

    @Test(arguments: PromptSet.files)
    func mutatedPromptsFilesAreLoadedOrRefusedWithPositions(file: String) throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.promptsDirectory + "/" + file)))
        var random = SeededGenerator(seed: Self.seed + UInt64(file.utf8.count))
        let folder = try TestSupport.promptsCopy(editing: "none") { $0 }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + file
        for number in 0..<12 {
            try Data(Self.mutate(original, with: &random)).write(to: URL(fileURLWithPath: path))
            do {
                _ = try PromptSet.load(from: folder)
            } catch CareerError.invalidData(let diagnostics) {
                // A mutation may make another file's reference wrong: each problem names its file.
                for diagnostic in diagnostics where diagnostic.path == path {
                    Self.checkLocated([diagnostic], in: path, case: number, file)
                }
            } catch {
                Issue.record("case \(number) (\(file)): \(error)")
            }
        }
    }
}
