import ArgumentParser
import CareerKit
import Foundation

extension Careerpath {
    /// `careerpath run`: scores one answers file and writes the plan.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Score one person's answers and make their development plan.",
            discussion: """
                Reads an answers file (YAML or JSON), scores the track fit and makes the plan. \
                Without --out it prints one format: text (the default, for a terminal), md, json \
                (the document of the instrument contract, schema careerpath.plan/1) or html. \
                With --out DIR it writes each format asked for (default md,json,html) as \
                DIR/<person id or name>.<format>, readable by you only, and prints the paths.

                Examples:
                  careerpath run --answers prompts/examples/ana-silva.yaml
                  careerpath run --answers prompts/examples/ana-silva.yaml --format json
                  careerpath run --answers prompts/examples/ana-silva.yaml --format md,json,html --out plans/
                """)

        @Option(name: .long, help: ArgumentHelp("The answers file (.yaml, .yml or .json).", valueName: "file"))
        var answers: String

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Formats, separated by commas: text, md, json, html. (default: text, or md,json,html with --out)",
                valueName: "formats"))
        var format: String?

        @Option(name: .long, help: ArgumentHelp("Write the files into this folder.", valueName: "dir"))
        var out: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The date the plan starts, YYYY-MM-DD. (default: the session date in the answers, else today)",
                valueName: "date"))
        var date: String?

        @Flag(name: .long, help: "Do not record the result in the history database.")
        var noRecord = false

        @OptionGroup var database: DatabaseOption
        @OptionGroup var prompts: PromptsOption

        func validate() throws {
            let formats = try parsedFormats()
            if out == nil, formats.count > 1 {
                throw ValidationError("more than one format needs --out DIR to write them into")
            }
            if out != nil, formats.contains(.text) {
                throw ValidationError("'text' is for the terminal; with --out use md, json or html")
            }
            try DateOption.check(date, option: "--date")
        }

        func parsedFormats() throws -> [RunFormat] {
            try FormatList.parse(format ?? (out == nil ? "text" : "md,json,html"))
        }

        func run() throws {
            let set = try prompts.load()
            var loaded = try AnswersFile.load(path: answers, prompts: set)
            if let date { loaded.date = date }
            let result = try Pipeline(prompts: set).consult(loaded, today: Date())
            let formats = try parsedFormats()
            // The same answers file recorded again replaces its record: runs can be repeated.
            // A server out of reach keeps it on this laptop: said at the end, after the plan.
            let unsent = noRecord ? nil : try database.recordOrQueue(Outbox.Entry(place: "", record: result.record(.run)))
            defer { if let unsent { Terminal.standardError.write(ExitStatus.message(for: unsent)) } }
            guard let out else {
                if formats == [.text] {
                    let style = Terminal.standardOutput.reportStyle
                    let report = TerminalReport(answers: loaded, assessment: result.assessment, prompts: set, style: style)
                    Terminal.standardOutput.write(report.render() + "\n" + TerminalPlan(plan: result.plan, ladder: set.ladder, style: style).render())
                } else {
                    // A single document to standard output (validate() allows no other case).
                    Terminal.standardOutput.write(try result.render(formats.compactMap(\.document)[0]))
                }
                if let unsent { throw ExitCode(ExitStatus.code(for: unsent)) }
                return
            }
            let paths = try result.write(formats.compactMap(\.document), into: out, base: SafeFileName.base(for: loaded.person))
            Terminal.standardOutput.write(paths.map { $0 + "\n" }.joined())
            if let unsent { throw ExitCode(ExitStatus.code(for: unsent)) }
        }
    }
}
