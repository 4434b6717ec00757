import ArgumentParser
import CareerKit
import Foundation

extension Careerpath {
    /// `careerpath run`: scores one answers file and prints the result.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score one person's answers: track fit, confidence, reasons and disagreements.",
            discussion: """
                Reads an answers file (YAML or JSON) and prints the result, as text for people
                or as the JSON document of the instrument contract (schema careerpath.plan/1).
                Example: careerpath run --answers ana.yaml --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(name: .long, help: ArgumentHelp("The answers file (.yaml, .yml or .json).", valueName: "file"))
        var answers: String

        @Option(name: .long, help: "The output: text (for people) or json (for systems).")
        var format: Format = .text

        @OptionGroup var prompts: PromptsOption

        func run() throws {
            let set = try prompts.load()
            let loaded = try AnswersFile.load(path: answers, prompts: set)
            let assessment = Scorer(prompts: set).assess(loaded)
            switch format {
            case .json:
                let document = AssessmentDocument(answers: loaded, assessment: assessment, bank: set.bank)
                Terminal.standardOutput.write(try document.json())
            case .text:
                let report = TerminalReport(
                    answers: loaded, assessment: assessment, bank: set.bank, style: Terminal.standardOutput.reportStyle)
                Terminal.standardOutput.write(report.render())
            }
        }
    }
}
