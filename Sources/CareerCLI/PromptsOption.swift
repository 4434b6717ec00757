import ArgumentParser
import CareerKit
import Foundation

/// `--prompts DIR`, shared by every command that reads the bank.
struct PromptsOption: ParsableArguments {
    @Option(
        name: .customLong("prompts"),
        help: ArgumentHelp(
            "The prompts folder: bank, ladder, catalog, weights and templates. (default: $CAREERPATH_PROMPTS, else the one that ships with careerpath)",
            valueName: "dir"))
    var directory: String?

    /// The folder to read: the option, then the environment, then the one beside the program.
    func resolved() -> String {
        if let directory { return directory }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CAREERPATH_PROMPTS"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return Self.shipped() ?? "prompts"
    }

    /// Looks for the shipped folder: `../share/careerpath/prompts` beside an installed program,
    /// or the repository's `prompts/` above `.build/<config>/careerpath`.
    static func shipped() -> String? {
        // The program's own file: started from the PATH, argv[0] is only its name.
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let executable = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/careerpath/prompts")
        if FileManager.default.fileExists(atPath: installed.appendingPathComponent(PromptSet.bankFile).path) {
            return installed.path
        }
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("prompts")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(PromptSet.bankFile).path) {
                return candidate.path
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    func load() throws -> PromptSet {
        try PromptSet.load(from: resolved())
    }
}
