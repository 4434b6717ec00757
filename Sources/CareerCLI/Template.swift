import ArgumentParser
import CareerKit

extension Careerpath {
    /// `careerpath template csv|yaml|map`: blank answers, or a starter column map, for the active bank.
    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "template",
            abstract: "Print a blank answers file for the active question bank.",
            discussion: """
                `csv` prints the header row of an HR sheet (one person per row; list cells \
                separate values with ';'). `yaml` prints an answers file with every item id, \
                its type and allowed values as comments. `csv --example` adds one made-up \
                person's row, to show what each column holds. `map` prints a starter column map \
                for `bulk --map` and `validate --map`: every item with the bank's question as its \
                heading, and the scales' and choices' words, to change to your form's.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, yaml, map
        }

        @Argument(help: "The shape to print: csv, yaml or map.")
        var format: Format

        @Flag(name: .long, help: "With csv: also print one made-up person's row, every cell a value the sheet accepts.")
        var example = false

        @OptionGroup var prompts: PromptsOption

        func validate() throws {
            if example, format != .csv { throw ValidationError("--example goes with csv: careerpath template csv --example") }
        }

        func run() throws {
            let set = try prompts.load()
            switch format {
            case .csv:
                Terminal.standardOutput.write(
                    AnswersTemplate.csvHeader(for: set.bank) + "\n" + (example ? AnswersTemplate.csvExample(for: set) + "\n" : ""))
            case .yaml: Terminal.standardOutput.write(AnswersTemplate.yaml(for: set))
            case .map: Terminal.standardOutput.write(ColumnMapTemplate.yaml(for: set))
            }
        }
    }
}
