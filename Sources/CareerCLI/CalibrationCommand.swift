import ArgumentParser
import CareerKit

extension Careerpath {
    /// `careerpath calibration`: which managers rate leniently or harshly, from the history.
    struct CalibrationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calibration",
            abstract: "Show which managers rate leniently or harshly, from recorded sessions.",
            discussion: """
                Reads every person's latest recorded session with both views (one-on-ones and
                bulk --record runs) and, for each manager with 5 or more reports, shows their
                offset: how far their observations sit from what the other managers would be
                expected to give the same people. The same report bulk writes as calibration.md.
                Example: careerpath calibration --since 2026-09-01
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case md, json, html }

        @Option(name: .long, help: ArgumentHelp("Only sessions on or after this date, YYYY-MM-DD.", valueName: "date"))
        var since: String?

        @Option(name: .long, help: "md (for people), html (to show in the calibration meeting) or json (for systems).")
        var format: Format = .md

        @OptionGroup var database: DatabaseOption
        @OptionGroup var prompts: PromptsOption

        func validate() throws {
            try DateOption.check(since, option: "--since")
        }

        func run() throws {
            let set = try prompts.load()
            let records = try database.open(reading: true).latestSessions(since: since)
            let calibration = Calibration.fromHistory(records, ladder: set.ladder, settings: set.weights.calibration)
            let people = Set(records.map(\.personKey)).count
            let window = since.map { " since \($0)" } ?? ""
            let report = CalibrationReport(calibration: calibration, source: "the history: \(people) \(people == 1 ? "person" : "people")\(window)")
            switch format {
            case .md: Terminal.standardOutput.write(report.markdown())
            case .json: Terminal.standardOutput.write(report.json())
            case .html: Terminal.standardOutput.write(report.html())
            }
        }
    }
}
