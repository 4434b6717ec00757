import ArgumentParser
import CareerKit

extension Careerpath {
    /// `careerpath ladder import FRAMEWORK --map MAP`: a company's framework as the ladder.
    struct LadderCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ladder",
            abstract: "Work with the ladder: import a company's competency framework as careerpath's ladder.",
            subcommands: [Import.self])

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Write a ladder file from a competency framework (YAML or CSV) and a map file.",
                discussion: """
                    The framework lists competencies: the level or transition each belongs to, an \
                    area, a summary, and optionally examples of evidence and an id. The map says \
                    the company's levels in order with their track and title, which transitions \
                    lead to which level, which of careerpath's dimensions each area speaks to, \
                    roles that are not levels, and optionally a level's expectations and the \
                    equivalences across tracks. A level without expectations gets them from its \
                    rank against the shipped ladder, and the file says so. prompts/README.md \
                    has a worked example.
                    """)

            @Argument(help: ArgumentHelp("The competency framework: a YAML file or a CSV sheet.", valueName: "framework"))
            var framework: String

            @Option(help: ArgumentHelp("The map file (YAML).", valueName: "file"))
            var map: String

            @Option(help: ArgumentHelp("Where to write the ladder file (default: standard output).", valueName: "file"))
            var out: String?

            @OptionGroup var prompts: PromptsOption

            func run() throws {
                let set = try prompts.load()
                let text = try FrameworkImport.ladder(framework: framework, map: map, shipped: set.ladder)
                if let out {
                    try PrivateFile.write(text, to: out, durably: true)
                    Terminal.standardError.write("careerpath: wrote \(out); check it with `careerpath validate --prompts FOLDER` once it is ladder.yaml there\n")
                } else {
                    Terminal.standardOutput.write(text)
                }
            }
        }
    }
}
