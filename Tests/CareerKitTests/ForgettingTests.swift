import Foundation
import GRDB
import Testing

@testable import CareerKit

/// Point 2 of issue 13: a note never enters the line-editing history, and `forget` finds a
/// person in the session files too and removes every trace, lines of that history included.
@Suite struct ForgettingTests {
    let prompts = TestSupport.prompts

    @Test func notesGoNowhereAnswersStayInTheSessionBareCommandsGoToTheFile() {
        #expect(LineHistory.keeping(":note Ana wants to stay hands-on") == .nowhere)
        #expect(LineHistory.keeping("  :N  call her mentor") == .nowhere)
        #expect(LineHistory.keeping(":NOTE x") == .nowhere)
        #expect(LineHistory.keeping("") == .nowhere)
        #expect(LineHistory.keeping("usually") == .session)
        #expect(LineHistory.keeping("Ana Silva") == .session)
        #expect(LineHistory.keeping(":nte Ana wants to stay hands-on") == .session)
        #expect(LineHistory.keeping(":back") == .file)
        #expect(LineHistory.keeping(" :skip ") == .file)
        #expect(LineHistory.keeping(":note") == .nowhere)
    }

    @Test func aLineNamesAPersonByFullNameFirstNameOrId() {
        let terms = ["Ana Silva", "E1042"]
        #expect(LineHistory.names("Ana Silva", terms: terms))
        #expect(LineHistory.names("ask ana about it", terms: terms))
        #expect(LineHistory.names("silva", terms: terms))
        #expect(LineHistory.names("--resume e1042", terms: terms))
        #expect(!LineHistory.names("banana", terms: terms))
        #expect(!LineHistory.names(":help", terms: terms))
        #expect(!LineHistory.names("E10420", terms: terms))
    }

    /// Folders of their own: sessions, the line-editing history, plans.
    struct Place {
        let root: URL
        var sessions: SessionStore { SessionStore(directory: root.appendingPathComponent("sessions").path) }
        var lineHistory: String { root.appendingPathComponent("history").path }
        var plans: URL { root.appendingPathComponent("plans") }

        init() throws {
            root = try TestSupport.temporaryDirectory()
        }

        func session(_ id: String, name: String, personID: String?, plans planNames: [String] = []) throws -> String {
            var record = SessionRecord(
                id: id, person: Person(name: name, id: personID, currentLevel: "ic.senior"), managerName: nil, mode: .selfAssessment,
                date: "2026-11-22", now: Date(timeIntervalSince1970: 1_800_000_000))
            record.answers = ["contributor": ["depth.mastery": .integer(5)]]
            try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
            for name in planNames {
                let path = plans.appendingPathComponent(name).path
                try Data("plan".utf8).write(to: URL(fileURLWithPath: path))
                record.planFiles.append(path)
            }
            if !planNames.isEmpty { record.status = .finished }
            try sessions.save(record)
            return sessions.path(for: id)
        }
    }

    @Test func someoneWithOnlyAnUnfinishedSessionIsFoundAndForgotten() throws {
        let place = try Place()
        defer { try? FileManager.default.removeItem(at: place.root) }
        let mine = try place.session("20261122-forget-me-1", name: "Forget Me", personID: nil)
        let other = try place.session("20261122-ana-silva-2", name: "Ana Silva", personID: "E1042")
        try Data(":help\n:note Forget Me is leaving\nForget Me\n:back\n".utf8).write(to: URL(fileURLWithPath: place.lineHistory))
        let history = try HistoryStore(path: place.root.appendingPathComponent("history.sqlite").path)
        let found = try Forgetting.find("forget me", history: history, sessions: place.sessions, plans: place.plans.path, lineHistories: [place.lineHistory])
        #expect(found.name == "Forget Me")
        #expect(found.personKeys == [])
        #expect(found.recordedSessions == 0)
        #expect(found.sessionFiles == [mine])
        #expect(found.historyLines == 2)
        let done = try found.perform(history: history)
        #expect(done.sessionFiles == [mine])
        #expect(done.historyLines == 2)
        #expect(!FileManager.default.fileExists(atPath: mine))
        #expect(FileManager.default.fileExists(atPath: other))
        #expect(try String(contentsOfFile: place.lineHistory, encoding: .utf8) == ":help\n:back\n")
    }

    @Test func aRecordedPersonLosesRecordsSessionsPlansAndHistoryLines() throws {
        let place = try Place()
        defer { try? FileManager.default.removeItem(at: place.root) }
        let history = try HistoryStore(path: place.root.appendingPathComponent("history.sqlite").path)
        var answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        answers.date = "2026-11-22"
        try history.record(try Pipeline(prompts: prompts).consult(answers, today: Date()).record(.talk(session: "s1")))
        let finished = try place.session("s1", name: "Ana Silva", personID: "E1042", plans: ["s1.md", "s1.json"])
        let unfinished = try place.session("s2", name: "Ana Silva", personID: nil)
        let namesake = try place.session("s3", name: "Ana Silva", personID: "E9")
        // A session file pointing forget at a file that is not its plan.
        let bystander = place.root.appendingPathComponent("bystander.txt").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: bystander))
        var tampered = try SessionStore.load(path: unfinished)
        tampered.planFiles = [bystander]
        try place.sessions.save(tampered)
        try Data(":note Ana wants to stay hands-on; …\n:help\ne1042\nsilva\n:skip\n".utf8).write(to: URL(fileURLWithPath: place.lineHistory))

        let found = try Forgetting.find("Ana Silva", history: history, sessions: place.sessions, plans: place.plans.path, lineHistories: [place.lineHistory])
        #expect(found.personKeys == ["id:E1042"])
        #expect(found.sessionFiles == [finished, unfinished].sorted())
        #expect(found.planFiles == ["s1.json", "s1.md"].map { place.plans.appendingPathComponent($0).path })
        let done = try found.perform(history: history)
        #expect(done.recordedSessions == 1)
        #expect(done.historyLines == 3)
        #expect(try String(contentsOfFile: place.lineHistory, encoding: .utf8) == ":help\n:skip\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: place.plans.path) == [])
        #expect(FileManager.default.fileExists(atPath: namesake))
        #expect(FileManager.default.fileExists(atPath: bystander))
        #expect(!FileManager.default.fileExists(atPath: finished) && !FileManager.default.fileExists(atPath: unfinished))
        #expect(throws: CareerError.self) { try history.personKey(for: "E1042") }
    }

    /// Point 7 of issue 20: forget deletes only files careerpath made, in its own folders,
    /// named from a valid session id; a tampered session file points it at nothing else.
    @Test func aTamperedSessionCannotPointForgetAtOtherFiles() throws {
        let place = try Place()
        defer { try? FileManager.default.removeItem(at: place.root) }
        let victim = place.root.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        func plant(_ name: String) throws -> String {
            let path = victim.appendingPathComponent(name).path
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let bashrc = try plant(".bashrc")
        let elsewhere = try plant("s3.md")
        let linked = try plant("linked")
        // An id of "" (every dot-file matched "id + '.'"), a path for an id, and a plan outside
        // careerpath's plans folder; a plan in the folder that is a link to another file.
        let tampered = try place.session("tampered", name: "Forget Me", personID: nil)
        let text = try String(contentsOfFile: tampered, encoding: .utf8)
            .replacingOccurrences(of: #""id" : "tampered""#, with: #""id" : """#)
            .replacingOccurrences(of: #""plan_files" : ["#, with: #""plan_files" : ["\#(bashrc)", "\#(victim.path)/""#)
        try Data(text.utf8).write(to: URL(fileURLWithPath: tampered))
        let climbing = try place.session("climbing", name: "Forget Me", personID: nil)
        try Data(
            try String(contentsOfFile: climbing, encoding: .utf8)
                .replacingOccurrences(of: #""id" : "climbing""#, with: #""id" : "../victim/linked""#)
                .replacingOccurrences(of: #""plan_files" : ["#, with: #""plan_files" : ["\#(place.plans.path)/../victim/linked""#)
                .utf8
        ).write(to: URL(fileURLWithPath: climbing))
        let own = try place.session("s3", name: "Forget Me", personID: nil, plans: ["s3.md", "s3.json"])
        var record = try SessionStore.load(path: own)
        record.planFiles.append(elsewhere)
        try place.sessions.save(record)
        try FileManager.default.removeItem(atPath: place.plans.appendingPathComponent("s3.json").path)
        try FileManager.default.createSymbolicLink(atPath: place.plans.appendingPathComponent("s3.json").path, withDestinationPath: linked)

        // A lock left by a talk that crashed, and a link planted at another lock's name.
        let leftLock = String(own.dropLast(".json".count)) + ".lock"
        try Data("pid 1\nstarted 2026-11-22T10:00:00Z\n".utf8).write(to: URL(fileURLWithPath: leftLock))
        try FileManager.default.createSymbolicLink(atPath: String(climbing.dropLast(".json".count)) + ".lock", withDestinationPath: linked)
        let found = try Forgetting.find(
            "Forget Me", history: nil, sessions: place.sessions, plans: place.plans.path, lineHistories: [])
        #expect(found.sessionFiles == [climbing, own, tampered].sorted())
        #expect(found.lockFiles == [leftLock])
        #expect(found.planFiles == [place.plans.appendingPathComponent("s3.md").path])
        #expect(found.plansElsewhere == [elsewhere])
        let done = try found.perform(history: nil)
        #expect(done.planFiles == [place.plans.appendingPathComponent("s3.md").path])
        for kept in [bashrc, elsewhere, linked] {
            #expect(try String(contentsOfFile: kept, encoding: .utf8) == "keep me", "\(kept)")
        }
        // The link itself is not careerpath's plan either: left, and so is what it points at.
        #expect(FileManager.default.fileExists(atPath: place.plans.appendingPathComponent("s3.json").path))
        #expect(done.lockFiles == [leftLock])
        #expect(try FileManager.default.contentsOfDirectory(atPath: place.sessions.directory) == [])
    }

    @Test func forgetKnowsEveryFormatTalkWrites() {
        #expect(Forgetting.planExtensions == PlanRenderer.Format.allCases.map(\.fileExtension))
    }

    @Test func sessionIDsAreCheckedBeforeANameIsBuiltFromThem() {
        #expect(Forgetting.isSessionID("20261122-ana-silva-1a2b3c4d"))
        #expect(Forgetting.isSessionID("20261122-élodie-1a2b3c4d"))
        for bad in ["", ".", "..", "../x", "a/b", "-rf", "x.md", "a b", "\u{0}", String(repeating: "a", count: 201)] {
            #expect(!Forgetting.isSessionID(bad), "\(bad)")
        }
    }

    @Test func nobodyAnywhereIsAnUnknownPerson() throws {
        let place = try Place()
        defer { try? FileManager.default.removeItem(at: place.root) }
        #expect(throws: CareerError.unknownPerson("nobody called 'Nobody' is in the history or the unfinished sessions")) {
            try Forgetting.find("Nobody", history: nil, sessions: place.sessions, plans: place.plans.path, lineHistories: [place.lineHistory])
        }
    }

    @Test func theFormerLineHistoryIsRenamedOnlyWhenThereIsNoNewOne() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directories = AppDirectories(data: root.path + "/data", state: root.path + "/state")
        try FileManager.default.createDirectory(atPath: directories.state, withIntermediateDirectories: true)
        // Nothing to take over: the path alone.
        #expect(directories.adoptingFormerLineHistory() == directories.state + "/line-history")
        #expect(!FileManager.default.fileExists(atPath: directories.lineHistory))
        // Only the former file: renamed.
        try ":back\n".write(toFile: directories.formerLineHistory, atomically: true, encoding: .utf8)
        _ = directories.adoptingFormerLineHistory()
        #expect(try String(contentsOfFile: directories.lineHistory, encoding: .utf8) == ":back\n")
        #expect(!FileManager.default.fileExists(atPath: directories.formerLineHistory))
        // Both: both stay as they are.
        try ":help\n".write(toFile: directories.formerLineHistory, atomically: true, encoding: .utf8)
        _ = directories.adoptingFormerLineHistory()
        #expect(try String(contentsOfFile: directories.formerLineHistory, encoding: .utf8) == ":help\n")
        #expect(try String(contentsOfFile: directories.lineHistory, encoding: .utf8) == ":back\n")
    }

    /// Both line-editing histories are cleaned, and a former one that is a link is cleaned in
    /// the file it points to (a link renamed stays a link).
    @Test func forgetCleansBothLineHistoriesThroughLinks() throws {
        let place = try Place()
        defer { try? FileManager.default.removeItem(at: place.root) }
        _ = try place.session("s1", name: "Forget Me", personID: nil)
        let target = place.root.appendingPathComponent("elsewhere").path
        try ":note Forget Me is leaving\n:help\n".write(toFile: target, atomically: true, encoding: .utf8)
        let former = place.root.appendingPathComponent("former-history").path
        try FileManager.default.createSymbolicLink(atPath: former, withDestinationPath: target)
        try "Forget Me\n:back\n".write(toFile: place.lineHistory, atomically: true, encoding: .utf8)
        let found = try Forgetting.find(
            "Forget Me", history: nil, sessions: place.sessions, plans: place.plans.path, lineHistories: [place.lineHistory, former, place.root.path + "/none"])
        #expect(found.lineHistories == [place.lineHistory, former])
        #expect(found.historyLines == 2)
        let done = try found.perform(history: nil)
        #expect(done.historyLines == 2)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == ":help\n")
        #expect(try String(contentsOfFile: place.lineHistory, encoding: .utf8) == ":back\n")
    }

    /// Damage elsewhere in a session file or a recorded plan never keeps a person from being
    /// forgotten: forget reads only who each session is about.
    @Test func damageElsewhereNeverKeepsAPersonFromBeingForgotten() throws {
        let place = try Place()
        defer { try? FileManager.default.removeItem(at: place.root) }
        let path = place.root.appendingPathComponent("history.sqlite").path
        let history = try HistoryStore(path: path)
        var answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        answers.date = "2026-11-22"
        try history.record(try Pipeline(prompts: prompts).consult(answers, today: Date()).record(.talk(session: "s1")))
        try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE plan_item SET status = 'skipped'") }
        let file = try place.session("s2", name: "Ana Silva", personID: "E1042")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: #""answers" : {"#, with: #""review" : {"item:x" : {"status" : "finished"}}, "answers" : {"#)
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try SessionStore.load(path: file) }
        let found = try Forgetting.find("Ana Silva", history: history, sessions: place.sessions, plans: place.plans.path, lineHistories: [])
        #expect(found.recordedSessions == 1)
        #expect(found.sessionFiles == [file])
        let done = try found.perform(history: history)
        #expect(done.recordedSessions == 1)
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
