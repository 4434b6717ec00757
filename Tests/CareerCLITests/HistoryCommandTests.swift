import Foundation
import GRDB
import Testing

/// `history`, `export` and `forget`, and the follow-up review that opens a second talk.
@Suite("careerpath history, export, forget")
struct HistoryCommandTests {
    let prompts = CommandRunner.promptsFolder.path
    let ana = CommandRunner.fixtures.appendingPathComponent("ana-silva.yaml").path

    /// Runs with the data folder (and so the default database) inside `folder`.
    func run(_ arguments: [String], in folder: URL, input: String? = nil) throws -> CommandResult {
        // history, export and forget read only the history; the other commands read the prompts too.
        let needsPrompts = !["history", "export", "forget"].contains(arguments.first ?? "")
        return try CommandRunner.run(
            arguments + (needsPrompts ? ["--prompts", prompts] : []), standardInput: input,
            environment: ["XDG_DATA_HOME": folder.appendingPathComponent("data").path,
                          "XDG_STATE_HOME": folder.appendingPathComponent("state").path])
    }

    @Test func aMistypedPersonGetsTheClosestNamesAndListShowsEveryone() throws {
        try CommandRunner.withTemporaryFolder { folder in
            #expect(try run(["run", "--answers", ana, "--format", "json", "--date", "2026-11-22"], in: folder).status == 0)
            let hint = "did you mean 'Ana Silva'? (`careerpath history --list` lists everyone)"
            for arguments in [["history", "Ana"], ["export", "--person", "Silvia", "--format", "csv"], ["forget", "ana", "--yes"]] {
                let result = try run(arguments, in: folder)
                #expect(result.status == 67, "\(arguments)")
                #expect(result.errorLines.count == 1)
                #expect(result.errorLines.first?.hasPrefix("careerpath: nobody called '\(arguments[arguments[0] == "export" ? 2 : 1])' is in the history") == true)
                #expect(result.errorLines.first?.hasSuffix(hint) == true, "\(result.errorLines)")
            }
            let far = try run(["history", "Zed"], in: folder)
            #expect(far.status == 67)
            #expect(far.errorLines.first?.hasSuffix("; `careerpath history --list` lists everyone in it") == true, "\(far.errorLines)")
            let list = try run(["history", "--list"], in: folder)
            #expect(list.status == 0)
            #expect(list.outputLines == ["1 person in the history:", "  Ana Silva (E1042): 1 session, last 2026-11-22, ic.senior"])
            let json = try run(["history", "--list", "--format", "json"], in: folder)
            let person = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
            #expect(person["name"] as? String == "Ana Silva" && person["id"] as? String == "E1042" && person["sessions"] as? Int == 1)
            #expect(try run(["history"], in: folder).status == 64)
            #expect(try run(["history", "Ana Silva", "--list"], in: folder).status == 64)
            // Nothing was forgotten by the mistyped forget.
            #expect(try run(["history", "Ana Silva"], in: folder).status == 0)
        }
    }

    @Test func aMistypedCommandGetsTheClosestOne() throws {
        let result = try CommandRunner.run(["tlak"])
        #expect(result.status == 64)
        #expect(result.errorLines == [
            "careerpath: there is no command 'tlak' (did you mean 'talk'?); the commands are talk, run, bulk, history, calibration, export, forget, db, validate, template, ladder (see `careerpath --help`)",
        ])
        #expect(try CommandRunner.run(["help", "bulk"]).status == 0)
    }

    /// Damage in an old record is reported, and today's conversation still starts.
    @Test func aDamagedOldRecordDoesNotStopATalk() throws {
        try CommandRunner.withTemporaryFolder { folder in
            #expect(try run(["run", "--answers", ana, "--format", "json", "--date", "2026-11-22"], in: folder).status == 0)
            let database = folder.appendingPathComponent("data/careerpath/history.sqlite").path
            try DatabaseQueue(path: database).write { try $0.execute(sql: "UPDATE plan_item SET status = 'skipped'") }
            let talk = try run(
                ["talk", "--person", "Ana Silva", "--person-id", "E1042", "--mode", "self", "--level", "ic.senior",
                 "--date", "2027-03-01"], in: folder, input: "5\n")
            #expect(talk.status == 75)
            #expect(talk.errorLines.contains { $0.hasPrefix("careerpath: ") && $0.contains("column status: allowed one of done, in_progress, dropped, not_started, found the text 'skipped'")
                && $0.hasSuffix("this conversation starts without reviewing the last plan") })
            #expect(talk.standardOutput.contains("Saved 1 answer"))
            // forget still finds and removes everything.
            let forgot = try run(["forget", "E1042", "--yes"], in: folder)
            #expect(forgot.status == 0, "\(forgot.standardError)")
            #expect(forgot.outputLines.first == "Deleted 1 recorded session of Ana Silva from the history.")
        }
    }

    @Test func aQuarterLaterTheTalkReviewsThePlanAndHistoryShowsTheMove() throws {
        try CommandRunner.withTemporaryFolder { folder in
            // The first conversation, recorded by run.
            let first = try run(["run", "--answers", ana, "--format", "json"], in: folder)
            #expect(first.status == 0)
            let database = folder.appendingPathComponent("data/careerpath/history.sqlite").path
            let mode = try FileManager.default.attributesOfItem(atPath: database)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let plan = try #require(try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
            let items = try #require((plan["plan"] as? [String: Any])?["items"] as? [[String: Any]])
            // The review goes through them by due date; the plan lists them by start date.
            let dueByMay = items.filter { ($0["due"] as? String ?? "9999") <= "2027-05-30" }
                .sorted { ($0["due"] as? String ?? "", $0["id"] as? String ?? "") < ($1["due"] as? String ?? "", $1["id"] as? String ?? "") }
            let milestonesByMay = ((plan["plan"] as? [String: Any])?["milestones"] as? [[String: Any]] ?? [])
                .filter { ($0["due"] as? String ?? "9999") <= "2027-05-30" }
            try #require(dueByMay.count >= 2)

            // The second: the manager prepares; the review comes first.
            // Activities are done, in progress, dropped or not started; a check-in was held or not.
            var review = ["done", "dropped", "Too much on-call"]
            review += Array(repeating: "in progress", count: dueByMay.count - 2)
            review += Array(repeating: "held", count: milestonesByMay.count)
            let managerAnswers = ["4", "5", "4", "3", "4", "4", "5", "4", "unsure", "within_1y", "none", "12", "10", "3000", "USD", "", "none"]
            let talk = try run(
                ["talk", "--person", "Ana Silva", "--manager", "Jordan Lee", "--level", "ic.senior", "--mode", "manager",
                 "--date", "2027-05-30", "--out", folder.appendingPathComponent("plans").path],
                in: folder, input: (review + managerAnswers).joined(separator: "\n") + "\n")
            #expect(talk.status == 0, "\(talk.standardOutput.suffix(400))")
            #expect(talk.standardOutput.contains("== Since the last plan (2026-11-22) =="))
            #expect(talk.standardOutput.contains("[1/\(dueByMay.count + milestonesByMay.count)] \(dueByMay[0]["title"] as? String ?? "")"))

            let history = try run(["history", "Ana Silva"], in: folder)
            #expect(history.status == 0)
            #expect(history.outputLines.first == "Ana Silva (E1042): 2 recorded sessions")
            #expect(history.standardOutput.contains("Trend  IC "))
            #expect(history.standardOutput.contains("Since 2026-11-22:"))
            #expect(history.standardOutput.contains("\(dueByMay[1]["title"] as? String ?? ""): Too much on-call"))
            let inProgress = dueByMay.count - 2 > 0 ? "\(dueByMay.count - 2) in progress, " : ""
            #expect(history.standardOutput.contains("Plan of the one-on-one of 2026-11-22 (target ic.staff): 1 done, \(inProgress)1 dropped (Too much on-call)"))

            // The new plan leaves out what was done or dropped.
            let json = try run(["history", "E1042", "--format", "json"], in: folder)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
            let sessions = try #require(document["sessions"] as? [[String: Any]])
            #expect(sessions.count == 2)
            let newItems = (sessions[1]["plan_items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(!newItems.contains(dueByMay[0]["id"] as? String ?? ""))
            #expect(!newItems.contains(dueByMay[1]["id"] as? String ?? ""))
            #expect(sessions[1]["changes"] != nil)
        }
    }

    @Test func exportGivesCSVAndJSONLines() throws {
        try CommandRunner.withTemporaryFolder { folder in
            #expect(try run(["run", "--answers", ana, "--format", "json"], in: folder).status == 0)
            let csv = try run(["export", "--format", "csv"], in: folder)
            #expect(csv.status == 0)
            #expect(csv.outputLines.count == 2)
            #expect(csv.outputLines[0].hasPrefix("person_id,person_name,date,mode,source,"))
            #expect(csv.outputLines[1].hasPrefix("E1042,Ana Silva,2026-11-22,one-on-one,run,ic.senior,ic,architect,high,"))
            let lines = try run(["export", "--format", "jsonl", "--person", "E1042", "--since", "2026-01-01"], in: folder)
            #expect(lines.outputLines.count == 1)
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(lines.outputLines[0].utf8)) as? [String: Any])
            #expect((entry["person"] as? [String: Any])?["id"] as? String == "E1042")
            #expect(try run(["export", "--format", "jsonl", "--since", "2030-01-01"], in: folder).standardOutput == "")
            #expect(try run(["export", "--format", "xml"], in: folder).status == 64)
        }
    }

    @Test func forgetNeedsConfirmationThenSaysHowManyWent() throws {
        try CommandRunner.withTemporaryFolder { folder in
            #expect(try run(["run", "--answers", ana, "--format", "json"], in: folder).status == 0)
            let refused = try run(["forget", "Ana Silva"], in: folder)
            #expect(refused.status == 64)
            #expect(refused.errorLines == ["careerpath: forget deletes records for good: add --yes to confirm when not on a terminal"])
            let forgot = try run(["forget", "Ana Silva", "--yes"], in: folder)
            #expect(forgot.status == 0)
            #expect(forgot.outputLines == ["Deleted 1 recorded session of Ana Silva from the history."])
            let gone = try run(["history", "Ana Silva"], in: folder)
            #expect(gone.status == 67)
            #expect(gone.errorLines.first?.hasPrefix("careerpath: nobody called 'Ana Silva' is in the history") == true)
        }
    }

    /// Point 16 of issue 13: an unknown person is 67 (sysexits' "addressee unknown") for every
    /// command that looks one up.
    @Test(arguments: [["history", "Nobody"], ["forget", "Nobody", "--yes"], ["export", "--person", "Nobody", "--format", "csv"]])
    func anUnknownPersonExits67(arguments: [String]) throws {
        try CommandRunner.withTemporaryFolder { folder in
            #expect(try run(["run", "--answers", ana, "--format", "json"], in: folder).status == 0)
            let result = try run(arguments, in: folder)
            #expect(result.status == 67)
            #expect(result.standardOutput == "")
            #expect(result.errorLines.count == 1)
            #expect(result.errorLines.first?.hasPrefix("careerpath: nobody called 'Nobody' is in the history") == true)
        }
    }

    /// Point 16: whatever the damage and whatever the command, one exit code (65), the file
    /// named and what to do.
    @Test func aDamagedDatabaseIsOneExitCodeForEveryCommand() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let database = folder.appendingPathComponent("h.sqlite").path
            try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: URL(fileURLWithPath: database))
            let expected = "careerpath: the history database '\(database)' is damaged or not a careerpath history (file is not a database); "
                + "move it aside or restore it from a backup, and careerpath starts a new one"
            for arguments in [
                ["history", "Ana Silva"], ["export", "--format", "csv"], ["forget", "Ana Silva", "--yes"],
                ["run", "--answers", ana, "--format", "json"],
            ] {
                let result = try run(arguments + ["--db", database], in: folder)
                #expect(result.status == 65, "\(arguments)")
                #expect(result.errorLines == [expected], "\(arguments)")
            }
        }
    }

    /// Point 9 of issue 13: many processes using a new database for the first time at once
    /// all succeed, and all record their session. Separate processes, as the bug needs:
    /// connections in one process share SQLite's locks. Sixteen at once, ten times over (the
    /// code before the fix failed this in about four rounds of ten here), then eight that record.
    @Test func manyProcessesUsingANewDatabaseAtOnceAllRecord() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let program = try #require(CommandRunner.executable)
            /// Starts every command at once, then waits for each; their standard error, by command.
            func together(_ commands: [[String]]) throws -> [(status: Int32, errors: String)] {
                var started: [(Process, URL)] = []
                for (index, arguments) in commands.enumerated() {
                    let process = Process()
                    process.executableURL = program
                    process.arguments = arguments
                    process.standardOutput = FileHandle.nullDevice
                    let errors = folder.appendingPathComponent("\(UUID().uuidString)-\(index).err")
                    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
                    process.standardError = try FileHandle(forWritingTo: errors)
                    started.append((process, errors))
                }
                for (process, _) in started { try process.run() }
                return started.map { process, errors in
                    process.waitUntilExit()
                    return (process.terminationStatus, (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
                }
            }
            for round in 1...10 {
                let database = folder.appendingPathComponent("first\(round)/h.sqlite").path
                let results = try together(Array(repeating: ["export", "--format", "csv", "--db", database], count: 16))
                for result in results { #expect(result.status == 0, "round \(round): \(result.errors)") }
            }
            let text = try String(contentsOfFile: ana, encoding: .utf8)
            var commands: [[String]] = []
            let database = folder.appendingPathComponent("recorded/h.sqlite").path
            for index in 1...8 {
                let file = folder.appendingPathComponent("p\(index).yaml").path
                try Data(text.replacingOccurrences(of: "id: E1042", with: "id: P\(index)").utf8).write(to: URL(fileURLWithPath: file))
                commands.append(["run", "--answers", file, "--format", "json", "--db", database, "--prompts", prompts])
            }
            for result in try together(commands) { #expect(result.status == 0, "\(result.errors)") }
            let export = try run(["export", "--format", "csv", "--db", database], in: folder)
            #expect(export.outputLines.dropFirst().map { $0.split(separator: ",")[0] }.sorted() == (1...8).map { "P\($0)" })
        }
    }

    /// Point 6 of issue 13: a self-assessment and a one-on-one of one person on one day are
    /// two sessions, recorded side by side.
    @Test func aSelfAssessmentAndAOneOnOneOfOneDayAreBothKept() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let text = try String(contentsOfFile: ana, encoding: .utf8)
            let selfOnly = folder.appendingPathComponent("ana-self.yaml")
            let start = try #require(text.range(of: "  manager:\n"))
            var alone = String(text[..<start.lowerBound]).replacingOccurrences(of: "mode: one-on-one", with: "mode: self")
            alone = alone.replacingOccurrences(of: "manager:\n  name: Jordan Lee\n", with: "")
            try Data(alone.utf8).write(to: selfOnly)
            #expect(try run(["run", "--answers", ana, "--format", "json"], in: folder).status == 0)
            let second = try run(["run", "--answers", selfOnly.path, "--format", "json"], in: folder)
            #expect(second.status == 0, "\(second.standardError)")
            let history = try run(["history", "E1042"], in: folder)
            #expect(history.outputLines.first == "Ana Silva (E1042): 2 recorded sessions")
            #expect(history.standardOutput.contains("2026-11-22  one-on-one "))
            #expect(history.standardOutput.contains("2026-11-22  self "))
        }
    }

    /// The example sheet's first two people, both renamed Sam Lee without an id: namesakes.
    static func twinsSheet(in folder: URL) throws -> URL {
        let lines = try String(contentsOf: CommandRunner.fixtures.appendingPathComponent("team.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        let twins = [lines[0]] + lines[1...2].map {
            $0.replacingOccurrences(of: "Ana Silva,E1042,", with: "Sam Lee,,").replacingOccurrences(of: "Ben Okafor,E1043,", with: "Sam Lee,,")
        }
        let sheet = folder.appendingPathComponent("twins.csv")
        try Data((twins.joined(separator: "\n") + "\n").utf8).write(to: sheet)
        return sheet
    }

    /// Point 6: two people without an id who share a name are two records of a bulk run.
    @Test func bulkRecordKeepsTwoNamesakesWithoutAnIdApart() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let sheet = try Self.twinsSheet(in: folder)
            let result = try run(["bulk", sheet.path, "--out", folder.appendingPathComponent("plans").path, "--record", "--quiet"], in: folder)
            #expect(result.status == 0, "\(result.standardError)")
            let csv = try run(["export", "--format", "csv"], in: folder)
            #expect(csv.outputLines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] } == ["Sam Lee", "Sam Lee"])
            // Point 12 of issue 20: they stay two people. history and forget ask which one,
            // with what tells them apart, and take the key shown.
            let asked = try run(["history", "Sam Lee"], in: folder)
            #expect(asked.status == 64)
            #expect(asked.errorLines == [
                "careerpath: more than one person is called 'Sam Lee': 'name:sam lee' (Sam Lee, 1 session on 2026-11-22, manager Jordan Lee, "
                    + "level ic.senior); 'name:sam lee#2' (Sam Lee, 1 session on 2026-11-22, manager Jordan Lee, level ic.senior); say which one "
                    + "by what is quoted, e.g. 'name:sam lee#2'",
            ])
            #expect(try run(["forget", "Sam Lee", "--yes"], in: folder).status == 64)
            let second = try run(["history", "name:sam lee#2"], in: folder)
            #expect(second.outputLines.first == "Sam Lee: 1 recorded session", "\(second.standardError)")
            let forgot = try run(["forget", "name:sam lee#2", "--yes"], in: folder)
            #expect(forgot.outputLines == ["Deleted 1 recorded session of Sam Lee from the history."])
            // The other one is still there, and now the only one of the name.
            #expect(try run(["history", "Sam Lee"], in: folder).outputLines.first == "Sam Lee: 1 recorded session")
            let calibration = try run(["export", "--format", "csv"], in: folder)
            #expect(calibration.outputLines.count == 2)
        }
    }

    /// Point 12 of issue 20: a talk with a name two recorded people without an id share
    /// cannot tell which one it is: it reviews neither's plan, and says so.
    @Test func aTalkWithANameTwoPeopleShareReviewsNeithersPlan() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let sheet = try Self.twinsSheet(in: folder)
            let bulk = try run(
                ["bulk", sheet.path, "--out", folder.appendingPathComponent("plans").path, "--record", "--quiet", "--date", "2026-11-22"],
                in: folder)
            #expect(bulk.status == 0, "\(bulk.standardError)")
            let talk = try run(
                ["talk", "--person", "Sam Lee", "--mode", "self", "--level", "ic.senior", "--date", "2027-05-30"], in: folder, input: "5\n")
            #expect(talk.status == 75)
            #expect(talk.errorLines == [
                "careerpath: more than one person called 'Sam Lee' is in the history; this conversation starts without reviewing a last plan",
            ])
            #expect(!talk.standardOutput.contains("Since the last plan"))
        }
    }

    /// Point 12 of issue 20: a talk with no id that reviews a namesake's plan is filed with
    /// that person (under their own key), not beside them as a third.
    @Test func aTalkFollowingUpANamesakeIsFiledWithThem() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let sheet = try Self.twinsSheet(in: folder)
            let plans = folder.appendingPathComponent("plans")
            let bulk = try run(["bulk", sheet.path, "--out", plans.path, "--record", "--quiet", "--date", "2026-11-22"], in: folder)
            #expect(bulk.status == 0, "\(bulk.standardError)")
            // The first Sam Lee leaves; the second is now the only one of the name.
            #expect(try run(["forget", "name:sam lee", "--yes"], in: folder).status == 0)
            let plan = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: plans.appendingPathComponent("Sam-Lee-2.json"))) as? [String: Any])
            let body = try #require(plan["plan"] as? [String: Any])
            let due = ((body["items"] as? [[String: Any]]) ?? []).filter { ($0["due"] as? String ?? "9999") <= "2027-05-30" }.count
            let held = ((body["milestones"] as? [[String: Any]]) ?? []).filter { ($0["due"] as? String ?? "9999") <= "2027-05-30" }.count
            let review = Array(repeating: "in progress", count: due) + Array(repeating: "held", count: held)
            let managerAnswers = ["4", "5", "4", "3", "4", "4", "5", "4", "unsure", "within_1y", "none", "12", "10", "3000", "USD", "", "none"]
            let talk = try run(
                ["talk", "--person", "Sam Lee", "--manager", "Jordan Lee", "--level", "ic.senior", "--mode", "manager",
                 "--date", "2027-05-30", "--out", folder.appendingPathComponent("talk-plans").path],
                in: folder, input: (review + managerAnswers).joined(separator: "\n") + "\n")
            #expect(talk.status == 0, "\(talk.standardOutput.suffix(400))")
            #expect(talk.standardOutput.contains("== Since the last plan (2026-11-22) =="))
            let history = try run(["history", "Sam Lee"], in: folder)
            #expect(history.outputLines.first == "Sam Lee: 2 recorded sessions", "\(history.standardError)")
        }
    }

    /// Point 3 of issue 20: a person recorded by name first and later with an id is found whole
    /// by forget, by name or by id: every recorded session goes, and it says so.
    @Test(arguments: ["Ana Silva", "E1042"])
    func forgetFindsSessionsRecordedByNameBeforeTheId(reference: String) throws {
        try CommandRunner.withTemporaryFolder { folder in
            let text = try String(contentsOfFile: ana, encoding: .utf8)
            let byName = folder.appendingPathComponent("ana-by-name.yaml")
            try Data(text.replacingOccurrences(of: "  id: E1042\n", with: "").utf8).write(to: byName)
            #expect(try run(["run", "--answers", byName.path, "--format", "json", "--date", "2026-08-01"], in: folder).status == 0)
            #expect(try run(["run", "--answers", ana, "--format", "json"], in: folder).status == 0)
            let history = try run(["history", reference], in: folder)
            #expect(history.outputLines.first == "Ana Silva (E1042): 2 recorded sessions", "\(history.standardError)")
            let forgot = try run(["forget", reference, "--yes"], in: folder)
            #expect(forgot.status == 0, "\(forgot.standardError)")
            #expect(forgot.outputLines == ["Deleted 2 recorded sessions of Ana Silva from the history."])
            for left in ["Ana Silva", "E1042"] { #expect(try run(["history", left], in: folder).status == 67) }
            #expect(try run(["export", "--format", "csv"], in: folder).outputLines.count == 1)
        }
    }

    /// Point 13 of issue 20: a link planted at the database's name (or beside it, where SQLite
    /// writes its log) is refused; the file it points at is left as it was.
    @Test(arguments: ["", "-wal", "-journal"])
    func aLinkAtTheDatabaseIsRefused(suffix: String) throws {
        try CommandRunner.withTemporaryFolder { folder in
            let database = folder.appendingPathComponent("data/careerpath/history.sqlite").path
            try FileManager.default.createDirectory(atPath: (database as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let target = folder.appendingPathComponent("world-readable").path
            _ = FileManager.default.createFile(atPath: target, contents: Data(), attributes: [.posixPermissions: 0o644])
            try FileManager.default.createSymbolicLink(atPath: database + suffix, withDestinationPath: target)
            for arguments in [["run", "--answers", ana, "--format", "json"], ["history", "E1042"], ["export", "--format", "csv"]] {
                let result = try run(arguments, in: folder)
                #expect(result.status == 73, "\(arguments)")
                #expect(result.errorLines == [
                    "careerpath: cannot write '\(database + suffix)': it is a symbolic link; careerpath never writes the history through a "
                        + "link (its target may be readable by others): remove the link, or give --db the file itself",
                ], "\(arguments)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)).isEmpty)
            #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o644)
        }
    }

    /// Low items of issue 20: reading commands read a history they cannot write.
    @Test func historyExportAndCalibrationReadAReadOnlyDatabase() throws {
        try CommandRunner.withTemporaryFolder { folder in
            #expect(try run(["run", "--answers", ana, "--format", "json"], in: folder).status == 0)
            let data = folder.appendingPathComponent("data/careerpath")
            let database = data.appendingPathComponent("history.sqlite").path
            let program = try #require(CommandRunner.executable)
            // As root, permissions do not stop writing: the commands run as nobody instead.
            let asRoot = geteuid() == 0
            let folders = [folder.path, folder.appendingPathComponent("data").path, data.path]
            for path in folders { try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path) }
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database)
            defer {
                for path in folders { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
            }
            let before = try Data(contentsOf: URL(fileURLWithPath: database))
            for arguments in [["history", "E1042"], ["export", "--format", "csv"], ["calibration"]] {
                let command = asRoot
                    ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", program.path] : [program.path]
                let process = Process()
                process.executableURL = URL(fileURLWithPath: command[0])
                process.arguments = Array(command.dropFirst()) + arguments + ["--db", database]
                let errors = Pipe()
                process.standardError = errors
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "\(arguments): \(said)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: data.path) == ["history.sqlite"])
        }
    }

    /// A read-only history whose latest changes are still in its log (a writer that crashed),
    /// in a folder the reader cannot write: said, rather than shown as it was before them.
    @Test func aReadOnlyHistoryWithChangesInItsLogIsNotShownStale() throws {
        try CommandRunner.withTemporaryFolder { folder in
            #expect(try run(["run", "--answers", ana, "--format", "json"], in: folder).status == 0)
            let database = folder.appendingPathComponent("data/careerpath/history.sqlite").path
            let copy = folder.appendingPathComponent("copy")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            // A connection left open keeps its change in the log: copied as a crash leaves it.
            let writer = try DatabaseQueue(path: database)
            try writer.write { try $0.execute(sql: "UPDATE session SET person_name = 'Ana Changed'") }
            for suffix in ["", "-wal"] {
                try FileManager.default.copyItem(atPath: database + suffix, toPath: copy.appendingPathComponent("history.sqlite" + suffix).path)
            }
            try writer.close()
            let copied = copy.appendingPathComponent("history.sqlite").path
            let folders = [folder.path, copy.path]
            for path in folders { try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path) }
            defer { for path in folders { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) } }
            for file in [copied, copied + "-wal"] { try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file) }
            let program = try #require(CommandRunner.executable)
            let asRoot = geteuid() == 0
            let command = asRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", program.path] : [program.path]
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst()) + ["history", "E1042", "--db", copied]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 66, "\(said)")
            #expect(said == "careerpath: cannot read '\(copied)': its latest changes are in \(copied)-wal, which cannot be read without "
                + "write access to the folder; open it once as a user who can write there\n")
        }
    }

    /// Low items of issue 20: another program's SQLite file is refused, and left as it was,
    /// even when its only table has the name of one of careerpath's.
    @Test(arguments: ["users", "session"])
    func aForeignSQLiteFileIsRefusedAndLeftAlone(table: String) throws {
        try CommandRunner.withTemporaryFolder { folder in
            let database = folder.appendingPathComponent("other.sqlite").path
            try DatabaseQueue(path: database).write { db in
                try db.execute(sql: "CREATE TABLE \(table) (name TEXT); INSERT INTO \(table) VALUES ('root')")
            }
            let expected = "careerpath: the history database '\(database)' is damaged or not a careerpath history (it is not a careerpath "
                + "history: it holds tables careerpath did not make ('\(table)'); give --db another file); move it aside or restore it from "
                + "a backup, and careerpath starts a new one"
            for arguments in [["run", "--answers", ana, "--format", "json"], ["history", "E1042"], ["export", "--format", "csv"], ["forget", "E1042", "--yes"]] {
                let result = try run(arguments + ["--db", database], in: folder)
                #expect(result.status == 65, "\(arguments)")
                #expect(result.errorLines == [expected], "\(arguments)")
            }
            let tables = try DatabaseQueue(path: database).read {
                try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
            #expect(tables == [table])
        }
    }

    /// Point 10 of issue 20, through the program: a fit of 1e308 is named by file, row and
    /// column (exit 65), and a name stored as binary data does not keep forget from working.
    @Test func damagedRowsExit65WithTheRowAndForgetStillWorks() throws {
        try CommandRunner.withTemporaryFolder { folder in
            #expect(try run(["run", "--answers", ana, "--format", "json"], in: folder).status == 0)
            let database = folder.appendingPathComponent("data/careerpath/history.sqlite").path
            try DatabaseQueue(path: database).write { try $0.execute(sql: "UPDATE session SET fit_ic = 1e308, person_name = X'00FF'") }
            for arguments in [["history", "E1042"], ["export", "--format", "csv"], ["export", "--format", "jsonl"], ["calibration"]] {
                let result = try run(arguments, in: folder)
                #expect(result.status == 65, "\(arguments)")
                #expect(result.errorLines.first?.contains(
                    "'\(database)' is damaged or not a careerpath history (row 1 of the session table (session "
                        + "'run:2026-11-22:one-on-one:id:E1042'), column person_name: allowed a text, found binary data (2 bytes))") == true,
                    "\(arguments): \(result.standardError)")
            }
            try DatabaseQueue(path: database).write { try $0.execute(sql: "UPDATE session SET person_name = 'Ana Silva'") }
            let fit = try run(["history", "E1042"], in: folder)
            #expect(fit.status == 65)
            #expect(fit.errorLines.first?.contains("column fit_ic: allowed a number from 0 to 100, found the number 1e+308") == true)
            try DatabaseQueue(path: database).write { try $0.execute(sql: "UPDATE session SET person_name = X'00FF'") }
            let forgot = try run(["forget", "E1042", "--yes"], in: folder)
            #expect(forgot.status == 0, "\(forgot.standardError)")
            #expect(forgot.outputLines == ["Deleted 1 recorded session of E1042 from the history."])
        }
    }

    /// Point 2 of issue 13: someone with only an unfinished session is found; forget says
    /// every thing it removed, the lines of the line-editing history too.
    @Test func forgetFindsAnUnfinishedSessionAndSaysWhatWent() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let talk = try run(
                ["talk", "--person", "Forget Me", "--mode", "self", "--level", "ic.senior", "--date", "2026-11-22"], in: folder,
                input: "5\n")
            #expect(talk.status == 75)
            let sessions = folder.appendingPathComponent("data/careerpath/sessions")
            let files = try FileManager.default.contentsOfDirectory(atPath: sessions.path)
            #expect(files.count == 1)
            // A line-editing history kept under its former name (`history`) is cleaned too.
            let former = folder.appendingPathComponent("state/careerpath/history")
            try FileManager.default.createDirectory(at: former.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(":help\n:note Forget Me wants to stay hands-on; moving to Lisbon\n:back\n".utf8).write(to: former)
            let forgot = try run(["forget", "Forget Me", "--yes"], in: folder)
            #expect(forgot.status == 0, "\(forgot.standardError)")
            #expect(forgot.outputLines == [
                "Deleted the session file \(sessions.path)/\(files[0]).",
                "Removed 1 line naming Forget Me or holding a note from the line-editing history (\(former.path)).",
            ])
            #expect(try FileManager.default.contentsOfDirectory(atPath: sessions.path) == [])
            #expect(try String(contentsOf: former, encoding: .utf8) == ":help\n:back\n")
            let again = try run(["forget", "Forget Me", "--yes"], in: folder)
            #expect(again.status == 67)
            // A talk that never finished recorded nothing, so it made no database either.
            let database = folder.appendingPathComponent("data/careerpath/history.sqlite").path
            #expect(!FileManager.default.fileExists(atPath: database))
            #expect(again.errorLines == ["careerpath: nobody called 'Forget Me' is in the history or the unfinished sessions"])
        }
    }

    /// Point 7 of issue 20: a session file tampered to `"id": ""` made forget delete any
    /// dot-file it named (`victim/.bashrc`). Forget deletes the session file, and nothing else.
    @Test func forgetDeletesNothingATamperedSessionNames() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let talk = try run(
                ["talk", "--person", "Forget Me", "--mode", "self", "--level", "ic.senior", "--date", "2026-11-22"], in: folder, input: "5\n")
            #expect(talk.status == 75)
            let sessions = folder.appendingPathComponent("data/careerpath/sessions")
            let file = sessions.appendingPathComponent(try #require(try FileManager.default.contentsOfDirectory(atPath: sessions.path).first))
            let victim = folder.appendingPathComponent("victim")
            try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
            let bashrc = victim.appendingPathComponent(".bashrc")
            try Data("alias ls=ls\n".utf8).write(to: bashrc)
            var session = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            session["id"] = ""
            session["plan_files"] = [bashrc.path]
            try JSONSerialization.data(withJSONObject: session).write(to: file)
            let forgot = try run(["forget", "Forget Me", "--yes"], in: folder)
            #expect(forgot.status == 0, "\(forgot.standardError)")
            #expect(forgot.outputLines == ["Deleted the session file \(file.path)."])
            #expect(try String(contentsOf: bashrc, encoding: .utf8) == "alias ls=ls\n")
        }
    }

    /// HR's cycle goes into the history too, once per person however often it is run.
    @Test func bulkRecordKeepsEveryPlannedPersonOnceAcrossReruns() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let team = CommandRunner.fixtures.appendingPathComponent("team.csv").path
            let plans = folder.appendingPathComponent("plans").path
            let first = try run(["bulk", team, "--out", plans, "--record", "--quiet", "--date", "2026-11-23"], in: folder)
            #expect(first.status == 0, "\(first.standardError)")
            let again = try run(["bulk", team, "--out", plans, "--record", "--quiet", "--date", "2026-11-23"], in: folder)
            #expect(again.status == 0, "\(again.standardError)")
            let csv = try run(["export", "--format", "csv"], in: folder)
            #expect(csv.status == 0)
            let rows = csv.outputLines.dropFirst()
            #expect(rows.count == 4, "\(csv.outputLines)")
            #expect(rows.allSatisfy { $0.split(separator: ",")[4] == "bulk" }, "\(rows)")
            #expect(Set(rows.map { String($0.split(separator: ",")[1]) }).count == 4)
            let history = try run(["history", "E1042"], in: folder)
            #expect(history.outputLines.first == "Ana Silva (E1042): 1 recorded session")
        }
    }

    @Test func bulkWithoutRecordLeavesTheHistoryAlone() throws {
        try CommandRunner.withTemporaryFolder { (folder: URL) throws -> Void in
            let team = CommandRunner.fixtures.appendingPathComponent("team.csv").path
            let result = try run(["bulk", team, "--out", folder.appendingPathComponent("plans").path, "--quiet"], in: folder)
            #expect(result.status == 0)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/careerpath/history.sqlite").path))
        }
    }

    @Test func runWithNoRecordLeavesTheHistoryAlone() throws {
        try CommandRunner.withTemporaryFolder { (folder: URL) throws -> Void in
            let result = try run(["run", "--answers", ana, "--format", "json", "--no-record"], in: folder)
            #expect(result.status == 0)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/careerpath/history.sqlite").path))
        }
    }
}
