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

// MARK: - Generators shared by the suites

/// A small seeded generator so generated cases are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates plausible people: a leaning toward each dimension, ladder answers that mostly
/// agree with it, and noise.
struct AnswerGenerator {
    var random: SeededGenerator

    mutating func answers(withManager: Bool) -> Answers {
        var contributor: [String: AnswerValue] = [:]
        var leaning: [String: Int] = [:]
        for name in Dimension.names { leaning[name] = Int.random(in: 1...6, using: &random) }
        for (id, dimension) in Instrument.dimensionItems {
            let value = leaning[dimension]! + Int.random(in: -1...1, using: &random)
            contributor[id] = .integer(min(6, max(1, value)))
        }
        func attract(_ base: Int) -> AnswerValue { .integer(min(7, max(1, base + Int.random(in: -1...1, using: &random)))) }
        contributor["ladder.technical"] = attract((leaning["technical_depth"]! + leaning["maker_energy"]!) * 7 / 12)
        contributor["ladder.managerial"] = attract((leaning["growing_people"]! + leaning["outcomes_through_others"]!) * 7 / 12)
        contributor["ladder.projects"] = attract(leaning["challenge"]! * 7 / 6)
        contributor["motive.pay_status"] = .integer(Int.random(in: 1...6, using: &random))
        let ids = Instrument.dimensionItems.map(\.id).shuffled(using: &random)
        contributor["top3"] = .list(Array(ids.prefix(3)))
        var manager: [String: AnswerValue] = [:]
        if withManager {
            for rule in TestSupport.prompts.weights.dimensions {
                for id in rule.observations {
                    let value = leaning[rule.name]! + Int.random(in: -1...1, using: &random)
                    manager[id] = .integer(min(6, max(1, value)))
                }
            }
            manager["view.track"] = .text(["ic", "management", "hybrid", "unsure"].randomElement(using: &random)!)
        }
        return makeAnswers(contributor: contributor, manager: manager)
    }
}
