import ArgumentParser
import CareerKit

extension Careerpath {
    /// `careerpath validate`: checks the prompts and any answers files.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the prompts folder and any answers files for mistakes.",
            discussion: """
                Prints one line per problem, `file:line:column: what is wrong`, and exits 65
                when there is any. Answers may be YAML, JSON or CSV files (one person per row).
                Exits 0 and says what was checked when all is well.
                """)

        @OptionGroup var prompts: PromptsOption

        @Argument(help: ArgumentHelp("Answers files to check (.yaml, .yml, .json or .csv).", valueName: "answers"))
        var answers: [String] = []

        func run() throws {
            let set = try prompts.load()
            var problems: [Diagnostic] = []
            var unreadable: [CareerError] = []
            var people = 0
            for path in answers {
                do {
                    if path.lowercased().hasSuffix(".csv") {
                        for row in try CSVAnswersReader(path: path, prompts: set) {
                            switch row.result {
                            case .success: people += 1
                            case .failure(.invalidData(let diagnostics)): problems += diagnostics
                            case .failure(let error): throw error
                            }
                        }
                    } else {
                        _ = try AnswersFile.load(path: path, prompts: set)
                        people += 1
                    }
                } catch CareerError.invalidData(let diagnostics) {
                    problems += diagnostics
                } catch let error as CareerError {
                    unreadable.append(error)  // keep going: the other files' mistakes still count
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
            let items = set.bank.items.count
            let catalog = set.catalog.items.count
            var summary = "\(set.directory): \(items) questions, \(set.ladder.levels.count) levels, \(catalog) catalog items: ok"
            if !answers.isEmpty {
                summary += "\n\(answers.count) answers file\(answers.count == 1 ? "" : "s"), \(people) \(people == 1 ? "person" : "people"): ok"
            }
            Terminal.standardOutput.write(summary + "\n")
        }
    }
}
