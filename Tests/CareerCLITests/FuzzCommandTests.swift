import Foundation
import Testing

/// The program itself on a handful of broken example files (the library's `FuzzTests` reads
/// a few hundred in-process): each is accepted (0) or refused (65) with one
/// `file:line:column:` line per problem, all printable, and never crashes.
@Suite("validate and bulk: broken example files")
struct FuzzCommandTests {
    static let examples = ["ana-silva.yaml", "ana-silva.json", "team.csv", "bulk/team.jsonl"]

    /// Each example cut at a third and at two thirds, and with a hostile piece in its middle.
    static func brokenCopies(in folder: URL) throws -> [String] {
        var paths: [String] = []
        for name in examples {
            let bytes = Array(try Data(contentsOf: CommandRunner.fixtures.appendingPathComponent(name)))
            let hostile = Array("\u{1B}]0;PWNED\u{07} !!binary [&a {\"x\": ,}]\u{FEFF}".utf8)
            let middle = bytes.count / 2
            let variants = [Array(bytes[..<(bytes.count / 3)]), Array(bytes[..<(2 * bytes.count / 3)]),
                            Array(bytes[..<middle]) + hostile + Array(bytes[middle...])]
            for (index, variant) in variants.enumerated() {
                let path = folder.appendingPathComponent("\(index)-" + (name as NSString).lastPathComponent).path
                try Data(variant).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
        }
        return paths
    }

    @Test func brokenFilesAreAcceptedOrRefusedWithPositionsNeverACrash() throws {
        try CommandRunner.withTemporaryFolder { folder in
            let prompts = CommandRunner.promptsFolder.path
            for path in try Self.brokenCopies(in: folder) {
                let result = try CommandRunner.run(["validate", "--prompts", prompts, path])
                #expect([0, 65].contains(result.status), "\(path): exit \(result.status)")
                if result.status == 65 {
                    #expect(!result.errorLines.isEmpty)
                    for line in result.errorLines {
                        #expect(line.hasPrefix(path + ":") && line.range(of: #"^.+:\d+:\d+: "#, options: .regularExpression) != nil, "\(line)")
                        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(line)")
                    }
                }
            }
            let out = folder.appendingPathComponent("plans").path
            let bulk = try CommandRunner.run(["bulk", folder.path, "--out", out, "--quiet", "--prompts", prompts])
            #expect([0, 1, 65].contains(bulk.status), "bulk: exit \(bulk.status)")
            #expect(!(try Data(contentsOf: URL(fileURLWithPath: out + "/errors.csv"))).contains(0x1B))
        }
    }
}
