import Foundation
import Testing

@testable import CareerKit

/// Records waiting on the laptop for the shared history: kept owner-only, sent in order,
/// forgotten with their person.
@Suite struct OutboxTests {
    let prompts = TestSupport.prompts

    func record(_ fixture: String) throws -> HistoryRecord {
        let answers = try AnswersFile.load(path: TestSupport.fixture(fixture), prompts: prompts)
        return try Pipeline(prompts: prompts).consult(answers, today: Date()).record(.run)
    }

    @Test func entriesWaitOwnerOnlyAreForgottenWithTheirPersonAndSentToTheirOwnStoreOnly() throws {
        let folder = try TestSupport.temporaryDirectory()
        let store = try HistoryStore(path: folder.appendingPathComponent("history.sqlite").path)
        let outbox = Outbox(path: folder.appendingPathComponent("data/outbox.jsonl").path)
        let ana = try record("ana-silva.yaml")
        let ben = try record("ben-okafor.yaml")
        try outbox.add(Outbox.Entry(place: store.path, record: ana))
        try outbox.add(Outbox.Entry(place: "postgres://elsewhere/careerpath", record: ana))
        try outbox.add(Outbox.Entry(place: store.path, record: ben))
        #expect(outbox.entries().map(\.record.personName) == ["Ana Silva", "Ana Silva", "Ben Okafor"])
        let mode = try FileManager.default.attributesOfItem(atPath: outbox.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try outbox.forget(personKeys: ["id:E1042"], names: ["Ana Silva"]) == 2)
        #expect(try outbox.send(to: store) == 1)
        #expect(!FileManager.default.fileExists(atPath: outbox.path))
        #expect(try store.sessions(personKey: nil, since: nil).map(\.personName) == ["Ben Okafor"])
        // Sent again (a retry after a lost answer): replaced, never doubled.
        try outbox.add(Outbox.Entry(place: store.path, record: ben))
        #expect(try outbox.send(to: store) == 1)
        #expect(try store.sessions(personKey: nil, since: nil).count == 1)
    }

    /// Namesakes without an id are told apart by their keys only; a session by name alone
    /// joins the person with an id who has that name.
    @Test func forgetTakesANamesakesEntriesByKeyAndANameOnlyEntryWithTheIdsPerson() throws {
        let folder = try TestSupport.temporaryDirectory()
        let outbox = Outbox(path: folder.appendingPathComponent("outbox.jsonl").path)
        var sam = try record("ana-silva.yaml")
        sam.personName = "Sam Lee"
        sam.personID = nil
        sam.personKey = "name:sam lee"
        var twin = sam
        twin.id += ":2"
        twin.personKey = "name:sam lee#2"
        var anaByName = try record("ana-silva.yaml")
        anaByName.id = "talk-ana"
        anaByName.personID = nil
        anaByName.personKey = "name:ana silva"
        for entry in [sam, twin, anaByName] { try outbox.add(Outbox.Entry(place: "postgres://db/careerpath", record: entry)) }
        #expect(try outbox.forget(personKeys: ["name:sam lee#2"], names: ["Sam Lee"]) == 1)
        #expect(outbox.entries().map(\.record.personKey) == ["name:sam lee", "name:ana silva"])
        #expect(try outbox.forget(personKeys: ["id:E1042"], names: ["Ana Silva", "E1042"]) == 1)
        #expect(outbox.entries().map(\.record.personKey) == ["name:sam lee"])
    }
}
