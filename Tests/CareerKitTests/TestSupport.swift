import Foundation
import Testing

@testable import CareerKit

/// Paths and shared fixtures for the library tests.
enum TestSupport {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let promptsDirectory = repoRoot.appendingPathComponent("prompts").path
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    /// The shipped prompts, read once.
    static let prompts: PromptSet = {
        do { return try PromptSet.load(from: promptsDirectory) } catch { fatalError("shipped prompts do not load: \(error)") }
    }()

    /// A fresh folder under the temporary directory, removed by the caller when wanted.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("careerpath-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the shipped prompts to a temporary folder, with `file` changed by `edit`.
    static func promptsCopy(editing file: String, _ edit: (String) -> String) throws -> String {
        let folder = try temporaryDirectory()
        try FileManager.default.copyItem(
            atPath: promptsDirectory + "/" + ReportTemplates.folder,
            toPath: folder.appendingPathComponent(ReportTemplates.folder).path)
        for name in PromptSet.files {
            let text = try String(contentsOfFile: promptsDirectory + "/" + name, encoding: .utf8)
            try (name == file ? edit(text) : text).write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    /// The 1-based line of the first line of `text` that contains `needle`.
    static func line(of needle: String, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    /// The diagnostics an operation throws, or an empty list when it throws none.
    static func diagnostics(_ operation: () throws -> Void) -> [Diagnostic] {
        do {
            try operation()
            return []
        } catch CareerError.invalidData(let diagnostics) {
            return diagnostics
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }
}
