import Foundation
import Testing

@testable import CareerKit

/// Where the history is: --db, then CAREERPATH_DB, then the config file, then the default file.
@Suite struct HistoryLocationTests {
    func environment(_ folder: URL, _ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": folder.path, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
         "XDG_DATA_HOME": folder.appendingPathComponent("data").path].merging(extra) { _, new in new }
    }

    func writeConfig(_ text: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("config/careerpath/config")
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: path)
        return path.path
    }

    @Test func urlsAreServersAndEverythingElseAFile() {
        #expect(HistoryLocation("postgres://ana@db/careerpath") == .server(url: "postgres://ana@db/careerpath"))
        #expect(HistoryLocation("PostgreSQL://db/careerpath?sslmode=require").isServer)
        #expect(HistoryLocation("history.sqlite") == .file("history.sqlite"))
        #expect(HistoryLocation("/tmp/postgres:/x.sqlite") == .file("/tmp/postgres:/x.sqlite"))
        #expect(HistoryLocation("postgres://ana:secret@db:5432/careerpath?sslmode=require").shown == "postgres://ana@db:5432/careerpath?sslmode=require")
        #expect(HistoryLocation("postgresql://db/careerpath?user=ana&password=secret").shown == "postgresql://db/careerpath?user=ana&password=...")
    }

    @Test func theOptionBeatsTheVariableWhichBeatsTheConfigFile() throws {
        let folder = try TestSupport.temporaryDirectory()
        let none = try HistoryLocation.resolve(option: nil, environment: environment(folder))
        #expect(none == .file(folder.path + "/data/careerpath/history.sqlite"))
        _ = try writeConfig("# the organisation's history\n\ndb = postgres://ana@db.example.com/careerpath\n", in: folder)
        #expect(try HistoryLocation.resolve(option: nil, environment: environment(folder)) == .server(url: "postgres://ana@db.example.com/careerpath"))
        let variable = environment(folder, ["CAREERPATH_DB": "~/mine.sqlite"])
        #expect(try HistoryLocation.resolve(option: nil, environment: variable) == .file(folder.path + "/mine.sqlite"))
        #expect(try HistoryLocation.resolve(option: "postgresql://other/db", environment: variable) == .server(url: "postgresql://other/db"))
    }

    @Test func aConfigLineCareerpathCannotReadIsNamedByLineAndColumn() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = try writeConfig("db = a.sqlite\n  database = b\nnothing here\ndb = c\n", in: folder)
        #expect(throws: CareerError.invalidData([
            Diagnostic(path: path, line: 2, column: 3, message: "unknown setting 'database'; allowed: db", item: "database"),
            Diagnostic(path: path, line: 3, column: 1, message: "expected `key = value`; allowed keys: db"),
            Diagnostic(path: path, line: 4, column: 1, message: "db is set twice", item: "db"),
        ])) {
            try HistoryLocation.resolve(option: nil, environment: environment(folder))
        }
        // --db does not read the file at all.
        #expect(try HistoryLocation.resolve(option: "x.sqlite", environment: environment(folder)) == .file("x.sqlite"))
    }
}
