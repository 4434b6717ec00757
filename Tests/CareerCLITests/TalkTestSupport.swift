import Foundation
import Testing

/// One isolated place for a `careerpath talk` test: a temporary folder holding HOME,
/// XDG_DATA_HOME (sessions), XDG_STATE_HOME (history) and the plans folder given to --out, so
/// no run ever touches the real home. Call `remove()` when done.
struct TalkFixture {
    static let date = "2026-11-22"
    static let person = "Pat Doe"
    static let managerName = "Jo Lee"
    static let level = "ic.senior"

    /// Answers to the 17 questions `--mode manager` asks, in order: the eight observation
    /// scales, view.track, view.readiness (the judgements after the observations), hours,
    /// special project, budget, currency, support.
    static let managerAnswers = [
        "5", "4", "4", "3", "4", "5", "4", "5", "hybrid", "within_1y", "none", "16", "10", "1500", "eur",
        "Clear the Friday sync from their calendar by 2026-12-01", "none",
    ]

    /// How many questions `--mode manager` asks.
    static let managerQuestions = 17

    /// The five answers `managerAnswers` gives first, as the session file stores them.
    static let firstFiveStored: [String: StoredAnswer] = [
        "obs.depth": 5, "obs.craft": 4, "obs.mentoring": 4, "obs.hard_conversations": 3, "obs.conflict": 4,
    ]

    let folder: URL

    init() throws {
        folder = try CommandRunner.makeTemporaryFolder()
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    var dataHome: URL { folder.appendingPathComponent("data") }
    var stateHome: URL { folder.appendingPathComponent("state") }
    var plans: URL { folder.appendingPathComponent("plans") }
    var sessions: URL { dataHome.appendingPathComponent("careerpath/sessions") }
    var history: URL { stateHome.appendingPathComponent("careerpath/line-history") }

    /// `talk` with `options`, then the prompts, the date and the plans folder.
    func arguments(_ options: [String], date: String = Self.date) -> [String] {
        ["talk"] + options + [
            "--prompts", CommandRunner.promptsFolder.path, "--date", date, "--out", plans.path,
        ]
    }

    /// The options of a manager's preparation for Pat Doe, with nothing left to ask.
    static let managerSession = ["--mode", "manager", "--person", person, "--level", level, "--manager", managerName]

    /// Variables for `CommandRunner`, set on top of the test's own environment.
    var pipeEnvironment: [String: String] {
        [
            "HOME": folder.path, "XDG_DATA_HOME": dataHome.path, "XDG_STATE_HOME": stateHome.path,
            "TERM": "xterm", "COLUMNS": "100",
            // Hints print the command as the person ran it; the tests run the binary by its path.
            "CAREERPATH_COMMAND": "careerpath",
        ]
    }

    /// The whole environment of a program on the pseudo-terminal: the test's own, without
    /// anything that changes careerpath's or readline's behaviour, plus the isolated folders.
    func terminalEnvironment(term: String = "xterm", extra: [String: String] = [:]) -> [String: String] {
        var variables = ProcessInfo.processInfo.environment
        for name in ["CAREERPATH_PROMPTS", "CAREERPATH_COMMAND", "NO_COLOR", "COLUMNS", "LINES", "TERM", "INPUTRC", "HOME"] {
            variables[name] = nil
        }
        for name in variables.keys where name.hasPrefix("XDG_") { variables[name] = nil }
        variables.merge(pipeEnvironment) { _, new in new }
        variables["TERM"] = term
        variables.merge(extra) { _, new in new }
        return variables
    }

    /// Starts `careerpath talk options...` on a pseudo-terminal 100 columns wide and `rows` high.
    func startTerminal(
        _ options: [String], term: String = "xterm", environment: [String: String] = [:], date: String = Self.date,
        rows: UInt16 = 40, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> PseudoTerminal {
        let program = try #require(CommandRunner.executable, "no careerpath executable found", sourceLocation: sourceLocation)
        return try PseudoTerminal(
            executable: program, arguments: arguments(options, date: date),
            environment: terminalEnvironment(term: term, extra: environment), rows: rows)
    }

    /// Runs `careerpath talk options...` with `CommandRunner` (standard input from text).
    func runPiped(
        _ options: [String], input: String? = nil, date: String = Self.date, environment: [String: String] = [:]
    ) throws -> CommandResult {
        try CommandRunner.run(
            arguments(options, date: date), standardInput: input,
            environment: pipeEnvironment.merging(environment) { _, new in new })
    }

    /// The names in the sessions folder, sorted.
    func sessionFileNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []).sorted()
    }

    func sessionFile(_ id: String) -> URL {
        sessions.appendingPathComponent(id + ".json")
    }

    /// The session file `id` as JSON.
    func session(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let data = try Data(contentsOf: sessionFile(id))
        return try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: Any], "session file is not a JSON object",
            sourceLocation: sourceLocation)
    }

    /// The manager's answers saved in session `id`.
    func managerAnswers(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: StoredAnswer] {
        let record = try session(id, sourceLocation: sourceLocation)
        let answers = record["answers"] as? [String: Any]
        let manager = answers?["manager"] as? [String: Any] ?? [:]
        return manager.mapValues(StoredAnswer.init(json:))
    }
}

/// One answer as a session file stores it, comparable in `#expect`.
enum StoredAnswer: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case integer(Int)
    case number(Double)
    case text(String)
    case list([String])
    case other(String)

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .integer(value) }

    init(json value: Any) {
        if let text = value as? String {
            self = .text(text)
        } else if let list = value as? [String] {
            self = .list(list)
        } else if let number = value as? NSNumber {
            let double = number.doubleValue
            self = double == double.rounded() && abs(double) < 1e15 ? .integer(Int(double)) : .number(double)
        } else {
            self = .other(String(describing: value))
        }
    }
}

extension TalkFixture {
    /// Pat Doe's self-assessment, answer by answer (48 questions: the certification areas follow
    /// "yes"), with the top three first given as two.
    static let selfAnswers = [
        "I want to be the person others ask about our data platform", "seeking", "12", "6", "3", "5", "preferred",
        "public_speaking",
        "6", "5", "5", "6", "6", "5", "6", "5", "5", "3", "2", "2", "5", "3", "3", "3", "2", "2", "6", "6", "6", "5", "4", "5",
        "2", "5", "3", "3",
        "1 2", "1 4 7",
        "Deep debugging sessions", "Status meetings", "Interesting problems and a manager who backs me", "informal",
        "within_1y", "Led the design of the ingest pipeline", "none",
        "yes", "cloud, data", "conference, community", "innovation", "Write the design doc for the cache by Friday",
    ]
    static let selfDate = "2026-11-20"
    static let selfSession = ["--mode", "self", "--person", person, "--level", "senior"]

    /// Jo Lee's preparation for Pat Doe: no chance yet to see Pat settle a disagreement, and the
    /// share of time typed with its percent sign.
    static let preparationAnswers = [
        "5", "5", "2", "2", "n/a", "2", "4", "5", "hybrid", "within_2y", "none", "16", "10%", "1500", "eur",
        "Clear the Friday sync by 2026-12-01", "none",
    ]
    static let managerDate = "2026-11-21"

    /// Runs both preparations through a pipe, on the two days before the one-on-one, and returns
    /// their session ids.
    func prepare(sourceLocation: SourceLocation = #_sourceLocation) throws -> (own: String, seen: String) {
        let own = try runPiped(Self.selfSession, input: Self.selfAnswers.joined(separator: "\n") + "\n", date: Self.selfDate)
        #expect(own.status == 0, "\(own.standardOutput.suffix(600))", sourceLocation: sourceLocation)
        let seen = try runPiped(
            Self.managerSession, input: Self.preparationAnswers.joined(separator: "\n") + "\n", date: Self.managerDate)
        #expect(seen.status == 0, "\(seen.standardOutput.suffix(600))", sourceLocation: sourceLocation)
        let ids = sessionFileNames().map { String($0.dropLast(".json".count)) }
        let ownID = try #require(ids.first { $0.hasPrefix("20261120-") }, sourceLocation: sourceLocation)
        let seenID = try #require(ids.first { $0.hasPrefix("20261121-") }, sourceLocation: sourceLocation)
        return (ownID, seenID)
    }

    /// The permission bits of a file or folder, e.g. 0o600.
    static func permissions(of url: URL) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let mode = attributes[.posixPermissions] as? NSNumber
        else { return nil }
        return mode.intValue & 0o777
    }
}

extension PseudoTerminal {
    /// Waits for the `[n/total]` marker of a question card, then for its prompt; returns the
    /// card's text as a person sees it.
    @discardableResult
    func expectQuestion(
        _ number: Int, of total: Int = TalkFixture.managerQuestions, prompt: String = "manager> ",
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String? {
        guard let start = expect("[\(number)/\(total)]", sourceLocation: sourceLocation),
            let rest = expect(prompt, sourceLocation: sourceLocation)
        else { return nil }
        return PseudoTerminal.plain(start + rest)
    }

    /// Answers manager questions `range` (1-based) of `TalkFixture.managerAnswers`, waiting for
    /// each question's marker and prompt before typing.
    func answerManagerQuestions(_ range: ClosedRange<Int>, sourceLocation: SourceLocation = #_sourceLocation) {
        for number in range {
            guard expectQuestion(number, sourceLocation: sourceLocation) != nil else { return }
            send(TalkFixture.managerAnswers[number - 1] + "\r")
        }
    }

    /// Waits for the result's confidence: "Confidence: low" or "... low confidence.".
    func expectConfidence(sourceLocation: SourceLocation = #_sourceLocation) {
        guard let rest = expect("\r\n\r\n", sourceLocation: sourceLocation) else { return }
        #expect(
            PseudoTerminal.plain(rest).range(of: #"Confidence: (low|medium|high)|(low|medium|high) confidence"#, options: .regularExpression) != nil,
            "no confidence in the result's opening: \(rest.debugDescription)", sourceLocation: sourceLocation)
    }

    /// Reads the line just echoed after Enter, as displayed: after the last prompt, with
    /// escapes, bells and backspaced characters removed.
    func expectEchoedLine(after prompt: String = "manager> ", sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard let raw = expect("\r\n", sourceLocation: sourceLocation) else { return nil }
        var shown = PseudoTerminal.plain(raw)
        if shown.hasSuffix("\n") { shown.removeLast() }
        if let last = shown.range(of: prompt, options: .backwards) { shown = String(shown[last.upperBound...]) }
        var line = ""
        for character in shown {
            if character == "\u{08}" { if !line.isEmpty { line.removeLast() } } else { line.append(character) }
        }
        return line
    }
}
