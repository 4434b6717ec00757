import Foundation
import Testing

@testable import CareerKit

/// Teams with a known truth: each person has a real strength per dimension, rates it
/// themselves with some noise, and is rated by their manager with the manager's leniency
/// and some noise.
struct TeamGenerator {
    var random: SeededGenerator

    private mutating func noise(_ spread: Double) -> Double {
        Double.random(in: -spread...spread, using: &random)
    }

    /// A team of `size` under `manager`: `strength` moves everyone's real skill (0 is an
    /// average team), `leniency` is what the manager adds to every rating.
    mutating func team(_ manager: String, size: Int, strength: Double = 0, leniency: Double = 0, senior: Bool = false)
        -> [Calibration.Observation]
    {
        var rows: [Calibration.Observation] = []
        for index in 0..<size {
            let level = Double(senior ? Int.random(in: 2...4, using: &random) : Int.random(in: 0...3, using: &random))
            let person = "\(manager)-\(index)"
            for dimension in 0..<7 {
                let truth = 3 + strength + 0.3 * level + Double(dimension % 3) * 0.2 + noise(0.8)
                let own = min(6, max(1, truth + 0.3 + noise(0.7)))
                let seen = min(6, max(1, truth + leniency + noise(0.6)))
                rows.append(.init(manager: manager, person: person, level: level, dimension: dimension, selfPoints: own, managerPoints: seen))
            }
        }
        return rows
    }
}

@Suite struct CalibrationTests {
    let settings = Calibration.Settings(minReports: 5, minOffset: 0.5, clearOfNoise: 2)

    func organisation(_ extra: (inout TeamGenerator) -> [Calibration.Observation]) -> Calibration {
        var generator = TeamGenerator(random: SeededGenerator(seed: 7))
        var rows: [Calibration.Observation] = []
        for index in 0..<12 { rows += generator.team("Fair \(index)", size: 8) }
        rows += extra(&generator)
        return Calibration(observations: rows, settings: settings)
    }

    @Test func aLenientManagerOfAnAverageTeamIsFlagged() throws {
        let calibration = organisation { $0.team("Lenient", size: 7, leniency: 1.2) }
        let lenient = try #require(calibration.managers.first { $0.name == "Lenient" })
        #expect(lenient.flag == .lenient)
        #expect(abs(lenient.offset - 1.2) < 0.3)
        #expect(calibration.managers.filter { $0.flag != nil }.map(\.name) == ["Lenient"])
    }

    @Test func aFairManagerOfAStrongTeamIsNotFlagged() throws {
        let calibration = organisation { $0.team("Strong team", size: 8, strength: 1.2, senior: true) }
        let strong = try #require(calibration.managers.first { $0.name == "Strong team" })
        #expect(strong.flag == nil)
        #expect(abs(strong.offset) < 0.3)
    }

    @Test func aHarshManagerIsFlagged() throws {
        let calibration = organisation { $0.team("Harsh", size: 6, leniency: -1.1) }
        let harsh = try #require(calibration.managers.first { $0.name == "Harsh" })
        #expect(harsh.flag == .harsh)
        #expect(harsh.offset < -0.8)
    }

    @Test func aTeamOfFourIsNeverShown() {
        let calibration = organisation { $0.team("Small", size: 4, leniency: 2) }
        #expect(!calibration.managers.contains { $0.name == "Small" })
        #expect(calibration.leftOut == 1)
        #expect(calibration.correction(for: "Small") == nil)
    }

    @Test func onlyAFlaggedManagerHasACorrection() {
        let calibration = organisation { $0.team("Lenient", size: 7, leniency: 1.2) }
        #expect(calibration.correction(for: "Lenient") == calibration.managers.first { $0.name == "Lenient" }?.offset)
        #expect(calibration.correction(for: "Fair 0") == nil)
        #expect(calibration.correction(for: nil) == nil)
    }

    /// The estimate against the truth over many generated organisations: its typical error.
    @Test func theOffsetIsCloseToTheTrueLeniency() {
        var generator = TeamGenerator(random: SeededGenerator(seed: 42))
        var errors: [Double] = []
        var wrongFlags = 0
        for _ in 0..<20 {
            var rows: [Calibration.Observation] = []
            var truth: [String: Double] = [:]
            for index in 0..<15 {
                let leniency = [-1.2, -0.6, 0, 0, 0, 0, 0.6, 1.2].randomElement(using: &generator.random)!
                let strength = [-0.8, 0, 0, 0.8].randomElement(using: &generator.random)!
                let name = "M\(index)"
                truth[name] = leniency
                rows += generator.team(name, size: Int.random(in: 5...10, using: &generator.random), strength: strength, leniency: leniency)
            }
            let calibration = Calibration(observations: rows, settings: settings)
            for manager in calibration.managers {
                errors.append(abs(manager.offset - truth[manager.name]!))
                if manager.flag != nil, truth[manager.name]! == 0 { wrongFlags += 1 }
            }
        }
        let mean = errors.reduce(0, +) / Double(errors.count)
        #expect(mean < 0.25, "mean absolute error \(mean)")
        #expect(Double(wrongFlags) / Double(errors.count) < 0.03, "fair managers flagged: \(wrongFlags)")
    }

    @Test func levelsRankAcrossBothLadders() {
        let ladder = TestSupport.prompts.ladder
        #expect(ladder.rank(acrossLadders: "ic.senior") == 2)
        #expect(ladder.rank(acrossLadders: "mgmt.tech_lead") == 2)
        #expect(ladder.rank(acrossLadders: "mgmt.director") == 5)
        #expect(ladder.rank(acrossLadders: "mgmt.vp") == 6)
    }
}
