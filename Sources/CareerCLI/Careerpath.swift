import ArgumentParser
import CareerKit
import Foundation

/// The `careerpath` command: career aspiration conversations, track fit and development plans.
public struct Careerpath: ParsableCommand {
    public static let version = careerpathVersion

    public static let configuration = CommandConfiguration(
        commandName: "careerpath",
        abstract: "Career conversations with technical contributors: track fit and a development plan.",
        discussion: """
            Walks a manager and a contributor (or a contributor alone) through a structured \
            conversation, scores how well the person fits the individual-contributor track, \
            the management track or a hybrid, and writes a development plan.
            """,
        version: version,
        // Every command names itself (`commandName`): otherwise ArgumentParser works the name
        // out from the type's name each time it looks, a reflection that cost about 2 ms of
        // every start.
        subcommands: [
            Talk.self, Run.self, Bulk.self, History.self, CalibrationCommand.self, Export.self, Forget.self, DatabaseCommand.self, Validate.self,
            Template.self, LadderCommand.self,
        ]
    )

    public init() {}

    /// A first word that is no command (`careerpath tlak`) is refused with the closest ones.
    static func checkSubcommand(_ arguments: [String]) throws {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !names.contains(first), first != "help" else { return }
        let hint = Suggestions.question(Suggestions.closest(to: first, in: names)).map { " (\($0))" } ?? ""
        throw CareerError.usage(
            "there is no command \(PrintableText.quoted(first))\(hint); the commands are \(names.joined(separator: ", ")) (see `careerpath --help`)")
    }

    /// Parses the command line, runs the command, and turns every error into its exit code.
    public static func main(_ arguments: [String]? = nil) {
        // Plans, sessions and summaries hold personal data: everything written is owner-only.
        umask(0o077)
        // A reader that goes away (`| head`) gives EPIPE on the next write, which
        // `Terminal.write` handles, instead of a signal that kills without a word.
        signal(SIGPIPE, SIG_IGN)
        do {
            try checkSubcommand(arguments ?? Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as CareerError {
            Terminal.standardError.write(ExitStatus.message(for: error))
            Foundation.exit(ExitStatus.code(for: error))
        } catch {
            exit(withError: error)
        }
    }
}
