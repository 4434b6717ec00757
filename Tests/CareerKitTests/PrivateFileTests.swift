import Foundation
import Testing

@testable import CareerKit

@Suite struct PrivateFileTests {
    func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? NSNumber).intValue & 0o777
    }

    /// Every folder it makes is owner-only, whatever the process's umask (tests run with the
    /// usual 022, not the 077 the command sets).
    @Test func makesEachMissingFolderOwnerOnly() throws {
        let root = try TestSupport.temporaryDirectory().path
        let deep = root + "/a/b/c"
        try PrivateFile.makeDirectory(deep)
        for path in [root + "/a", root + "/a/b", deep] { #expect(try permissions(path) == 0o700) }
        try PrivateFile.makeDirectory(deep)  // there already: nothing to do
        #expect(try permissions(root) == 0o755)  // a folder that was there is left as it was
    }

    @Test func aFileWhereAFolderShouldBeIsAnError() throws {
        let root = try TestSupport.temporaryDirectory().path
        try "x".write(toFile: root + "/taken", atomically: false, encoding: .utf8)
        #expect(throws: CareerError.cannotWrite(path: root + "/taken", reason: "it is a file, not a folder")) {
            try PrivateFile.makeDirectory(root + "/taken")
        }
        #expect(throws: CareerError.cannotWrite(path: root + "/taken", reason: "it is a file, not a folder")) {
            try PrivateFile.makeDirectory(root + "/taken/inside")
        }
    }

    @Test func createsAnEmptyOwnerOnlyFileOnceAndNeverThroughALink() throws {
        let root = try TestSupport.temporaryDirectory().path
        #expect(PrivateFile.createEmptyIfMissing(root + "/history"))
        #expect(try permissions(root + "/history") == 0o600)
        #expect(try String(contentsOfFile: root + "/history", encoding: .utf8) == "")
        try "kept".write(toFile: root + "/history", atomically: false, encoding: .utf8)
        #expect(!PrivateFile.createEmptyIfMissing(root + "/history"))
        #expect(try String(contentsOfFile: root + "/history", encoding: .utf8) == "kept")
        try FileManager.default.createSymbolicLink(atPath: root + "/planted", withDestinationPath: root + "/elsewhere")
        #expect(!PrivateFile.createEmptyIfMissing(root + "/planted"))
        #expect(!FileManager.default.fileExists(atPath: root + "/elsewhere"))
    }
}
