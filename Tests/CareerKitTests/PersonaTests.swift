import Foundation
import Testing

@testable import CareerKit

/// Realistic people with the result a career coach would expect, written in each fixture's
/// `# expect:` and `# flags:` comment lines.
@Suite struct PersonaTests {
    struct Persona: CustomTestStringConvertible, Sendable {
        let file: String
        var testDescription: String { file }
    }

    static let personas: [Persona] = {
        let folder = TestSupport.fixtures.appendingPathComponent("personas").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted().map { Persona(file: folder + "/" + $0) }
    }()

    /// Every fixture is read: a file added without a `# expect:` line, or one that fails to
    /// load, fails its own test instead of silently not running.
    @Test func everyPersonaFixtureIsTested() {
        #expect(Self.personas.map { ($0.file as NSString).lastPathComponent } == [
            "all-sixes.yaml", "architect.yaml", "both-low.yaml", "coding-tech-lead.yaml", "deep-specialist.yaml",
            "divergent.yaml", "manager-only.yaml", "pay-motivated-avoider.yaml", "people-grower.yaml", "right-hand.yaml",
            "self-only.yaml", "solver.yaml", "tech-lead-manager.yaml",
        ])
    }

    @Test(arguments: personas)
    func personaComesOutAsACoachWouldJudge(_ persona: Persona) throws {
        let text = try String(contentsOfFile: persona.file, encoding: .utf8)
        let answers = try AnswersFile.load(path: persona.file, prompts: TestSupport.prompts)
        let result = Scorer(prompts: TestSupport.prompts).assess(answers)
        let expect = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("# expect:") })
        var checked = 0
        for term in expect.dropFirst("# expect:".count).split(separator: " ") {
            let parts = term.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts[0], parts.count > 1 ? parts[1] : "") {
            case ("track", let track): #expect(result.recommended.rawValue == track)
            case ("archetype", let archetype): #expect(result.archetype == archetype)
            case ("confidence", "not-high"): #expect(result.confidence != .high)
            case ("confidence", let level): #expect(result.confidence.rawValue == level)
            case ("not-management-high", _): #expect(!(result.recommended == .management && result.confidence == .high))
            default: Issue.record("unknown expectation '\(term)'")
            }
            checked += 1
        }
        #expect(checked > 0)
        if let flags = text.components(separatedBy: "\n").first(where: { $0.hasPrefix("# flags:") }) {
            for flag in flags.dropFirst("# flags:".count).split(separator: " ") {
                #expect(result.flags.rawValues.contains(String(flag)), "unknown or missing flag \(flag)")
            }
        }
    }
}
