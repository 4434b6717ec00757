import ArgumentParser
import CareerKit

extension Careerpath {
    /// `careerpath validate`: checks the prompts and any answers files.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check the prompts folder and any answers files for mistakes.",
            discussion: """
                Prints one line per problem, `file:line:column: what is wrong`, and exits 65 \
                when there is any. Answers may be YAML or JSON answers files, CSV sheets (one person \
                per row), JSON Lines files (one person per line) or folders of answers files: the \
                same inputs bulk reads. Exits 0 and says what was checked when all is well; a sheet \
                without some optional columns (the manager's observations, the manager's offer, \
                manager.name, ...) is valid, and a note says what its plans will miss. With --map, \
                CSV inputs are form exports read through the column map (the map itself is checked \
                too, with or without inputs), and a note lists the headings it places nowhere.
                """)

        @OptionGroup var prompts: PromptsOption
        @OptionGroup var map: MapOption

        @Argument(help: ArgumentHelp("Answers to check: .yaml, .yml, .json, .csv or .jsonl files, or folders of answers files.", valueName: "answers"))
        var answers: [String] = []

        func run() throws {
            let set = try prompts.load()
            let columnMap = try map.load(set)
            var problems: [Diagnostic] = []
            var unreadable: [CareerError] = []
            var people = 0
            // The same reader as bulk: CSV sheets, JSON Lines, answers files and folders.
            for path in answers {
                let source = BulkSource(inputs: [path], prompts: set, map: columnMap)
                for entry in source {
                    switch entry.resolve() {
                    case .success: people += 1
                    case .failure(.invalidData(let diagnostics)): problems += diagnostics
                    case .failure(let error): unreadable.append(error)  // keep going: the other files still count
                    }
                }
                // Links and other entries of a folder that are not read, as bulk skips them.
                for skipped in source.skipped {
                    Terminal.standardError.write("careerpath: skipped '\(PrintableText.escaped(skipped.path))': \(skipped.reason).\n")
                }
            }
            if !problems.isEmpty {
                for error in unreadable { Terminal.standardError.write(ExitStatus.message(for: error)) }
                throw CareerError.invalidData(problems)
            }
            if let first = unreadable.first {
                for error in unreadable.dropFirst() { Terminal.standardError.write(ExitStatus.message(for: error)) }
                throw first
            }
            // Warnings do not fail the check: the prompts work, with something worth fixing.
            for warning in set.warnings { Terminal.standardError.write(warning.description + "\n") }
            // Valid, but the plans will miss something: said before "ok".
            for note in MapOption.notes(BulkSource(inputs: answers, prompts: set, map: columnMap)) {
                Terminal.standardOutput.write(note + "\n")
            }
            for sheet in SheetColumns.gaps(inputs: answers, prompts: set, map: columnMap) {
                for gap in sheet.gaps {
                    Terminal.standardOutput.write("\(PrintableText.escaped(sheet.path)): note: \(gap.message).\n")
                }
            }
            let items = set.bank.items.count
            let catalog = set.catalog.items.count
            var summary = "\(set.directory): \(items) questions, \(set.ladder.levels.count) levels, \(catalog) catalog items: ok"
            if let columnMap {
                summary += "\n\(columnMap.path): \(columnMap.entries.count) column\(columnMap.entries.count == 1 ? "" : "s") mapped: ok"
            }
            if !answers.isEmpty {
                summary += "\n\(answers.count) answers file\(answers.count == 1 ? "" : "s"), \(people) \(people == 1 ? "person" : "people"): ok"
            }
            Terminal.standardOutput.write(summary + "\n")
        }
    }
}
