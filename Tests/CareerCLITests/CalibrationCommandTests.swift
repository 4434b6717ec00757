import Foundation
import Testing

/// `careerpath calibration`: the calibration report from the history, against a real SQLite file.
@Suite("careerpath calibration")
struct CalibrationCommandTests {
    static let prompts = CommandRunner.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("prompts").path

    /// Six managers of six reports (Ana's answers); the first rates every observation 6.
    static func sheet() throws -> String {
        let (header, _, _) = try BulkCommandTests.teamCells()
        var lines = [header.joined(separator: ",")]
        let observations = ["obs.depth", "obs.craft", "obs.mentoring", "obs.hard_conversations", "obs.coordination",
                            "obs.influence", "obs.problem_solving"]
        for manager in 0..<6 {
            for report in 0..<6 {
                var changes = ["person.id": "T\(manager)\(report)", "person.name": "Report \(manager)-\(report)",
                               "manager.name": "Manager \(manager)"]
                // Reports differ a little in their own ratings, so each manager's offsets vary.
                changes["contributor.people.growth"] = String(2 + report % 3)
                if manager == 0 { for id in observations { changes["manager." + id] = "6" } }
                lines.append(try BulkCommandTests.ana(changes))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theHistoryGivesTheSameReportAsABulkRun() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let input = folder.appendingPathComponent("team.csv")
            try Data(try Self.sheet().utf8).write(to: input)
            let database = folder.appendingPathComponent("history.sqlite").path
            let bulk = try CommandRunner.run([
                "bulk", input.path, "--out", folder.appendingPathComponent("out").path, "--quiet", "--record", "--db", database,
                "--prompts", Self.prompts,
            ])
            #expect(bulk.status == 0, "\(bulk.standardError)")
            let json = try CommandRunner.run(["calibration", "--db", database, "--format", "json", "--prompts", Self.prompts])
            #expect(json.status == 0, "\(json.standardError)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
            let managers = try #require(report["managers"] as? [[String: Any]])
            #expect(managers.count == 6)
            #expect(managers.compactMap { $0["flag"] as? String } == ["lenient"])
            // The same figures as the bulk run wrote.
            let written = try Data(contentsOf: folder.appendingPathComponent("out/calibration.json"))
            let fromBulk = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
            #expect((fromBulk["managers"] as? [[String: Any]])?.map { $0["offset"] as? Double } == managers.map { $0["offset"] as? Double })
            let markdown = try CommandRunner.run(["calibration", "--db", database, "--prompts", Self.prompts])
            #expect(markdown.standardOutput.contains("From the history: 36 people."))
            #expect(markdown.standardOutput.contains("| Manager 0 | 6 | +"))
            // Only sessions in the window count.
            let later = try CommandRunner.run(["calibration", "--db", database, "--since", "2030-01-01", "--prompts", Self.prompts])
            #expect(later.standardOutput.contains("No manager has 5 or more reports"))
        }
    }
}
