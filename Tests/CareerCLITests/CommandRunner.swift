import Foundation
import Testing

/// What one run of the `careerpath` program printed and how it ended.
struct CommandResult: Sendable {
    /// The exit status, or the signal number when the program was killed by a signal.
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Standard error split at each "\n", without the final newline.
    var errorLines: [String] { Self.lines(of: standardError) }

    /// Standard output split at each "\n", without the final newline.
    var outputLines: [String] { Self.lines(of: standardOutput) }

    /// Splits only at "\n", so a stray "\r\n" stays visible in a failing comparison.
    private static func lines(of text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Runs the built `careerpath` executable as a child process, the way a person or a script would.
///
/// Output goes to temporary files rather than pipes, so a program that prints a lot can never
/// block on a full pipe, and children started by tests running in parallel never inherit
/// each other's pipe ends.
enum CommandRunner {
    /// The repository's root folder: three levels above this file.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CareerCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The prompts folder that ships with careerpath.
    static let promptsFolder: URL = repoRoot.appendingPathComponent("prompts")

    /// Example answers shared with the library's tests.
    static let fixtures: URL = repoRoot.appendingPathComponent("Tests/CareerKitTests/Fixtures")

    /// The `careerpath` executable, or nil when it cannot be found.
    ///
    /// `CAREERPATH_EXECUTABLE` wins; otherwise it is looked for in the folder of the running
    /// test program (on Linux `.build/<triple>/debug/careerpathPackageTests.xctest`), then in
    /// each folder above it, then beside any loaded `.xctest` bundle (macOS).
    static let executable: URL? = locateExecutable()

    /// A scratch data folder shared by the runs of this test process.
    static let isolatedData: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("careerpath-cli-data-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Runs `careerpath` with `arguments` and waits for it to end.
    ///
    /// - Parameters:
    ///   - standardInput: text for the program's standard input; nil gives it an empty input.
    ///   - environment: variables set on top of this process's environment (with the XDG
    ///     folders pointed at a scratch folder unless a test sets them), from which
    ///     `CAREERPATH_PROMPTS` is removed so every run starts from the same place.
    ///   - currentDirectory: the folder to run in; nil keeps this process's folder.
    ///   - timeout: how long to wait before killing the program and failing.
    @discardableResult
    static func run(
        _ arguments: [String],
        standardInput: String? = nil,
        environment: [String: String] = [:],
        currentDirectory: URL? = nil,
        timeout: TimeInterval = 60,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CommandResult {
        let program = try #require(
            executable, "no careerpath executable found from \(CommandLine.arguments[0])",
            sourceLocation: sourceLocation)
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let outputFile = folder.appendingPathComponent("stdout")
        let errorFile = folder.appendingPathComponent("stderr")
        let inputFile = folder.appendingPathComponent("stdin")
        for file in [outputFile, errorFile] {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        }
        try Data((standardInput ?? "").utf8).write(to: inputFile)

        let output = try FileHandle(forWritingTo: outputFile)
        let error = try FileHandle(forWritingTo: errorFile)
        let input = try FileHandle(forReadingFrom: inputFile)
        defer {
            try? output.close()
            try? error.close()
            try? input.close()
        }

        var variables = ProcessInfo.processInfo.environment
        variables["CAREERPATH_PROMPTS"] = nil
        // No shared history or config file of the person running the tests.
        variables["CAREERPATH_DB"] = nil
        variables["XDG_CONFIG_HOME"] = isolatedData.appendingPathComponent("config").path
        // Sessions, plans and the history database of a test never land in the real home.
        variables["XDG_DATA_HOME"] = isolatedData.path
        variables["XDG_STATE_HOME"] = isolatedData.appendingPathComponent("state").path
        variables.merge(environment) { _, new in new }

        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = variables
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error

        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            ended.wait()
            Issue.record(
                "careerpath \(arguments.joined(separator: " ")) did not end within \(timeout) s",
                sourceLocation: sourceLocation)
        }

        return CommandResult(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: outputFile, encoding: .utf8),
            standardError: try String(contentsOf: errorFile, encoding: .utf8))
    }

    /// Creates a new, empty folder under the system's temporary folder; the caller removes it.
    static func makeTemporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("careerpath-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `body` with a new temporary folder, and removes the folder afterwards.
    static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    private static func locateExecutable() -> URL? {
        if let path = ProcessInfo.processInfo.environment["CAREERPATH_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let start = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = start.deletingLastPathComponent()
        while true {
            if let found = executable(in: folder) { return found }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            if let found = executable(in: bundle.bundleURL.deletingLastPathComponent()) { return found }
        }
        return nil
    }

    /// `folder/careerpath` when it is an executable regular file.
    private static func executable(in folder: URL) -> URL? {
        let candidate = folder.appendingPathComponent("careerpath")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
            !isDirectory.boolValue,
            FileManager.default.isExecutableFile(atPath: candidate.path)
        else { return nil }
        return candidate
    }
}
