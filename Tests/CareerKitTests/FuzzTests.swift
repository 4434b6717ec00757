import Foundation
import Testing

@testable import CareerKit

/// The check of issue 13: the example files, mutated a few hundred ways (seeded, so a failure
/// can be replayed), are each read cleanly or refused with `file:line:column:` problems, all
/// printable, and never crash or hang. The same reader serves `validate` and `bulk`; a few
/// mutated files also go through the program itself (`FuzzCommandTests`).
@Suite struct FuzzTests {
    static let seed: UInt64 = 13
    static let cases = 400

    static let examples = [
        "ana-silva.yaml", "ana-silva.json", "ben-okafor.yaml", "dara-novak.yaml", "team.csv", "bulk/team.jsonl",
        "bulk/answers/ben-okafor.json", "personas/divergent.yaml",
    ]

    /// Bits of text that break parsers: structure, quotes, tags and anchors, control and
    /// format characters, byte order marks, broken UTF-8, signs, huge numbers, deep nesting.
    static let pieces: [[UInt8]] = [
        "\u{0}", "\u{1B}]0;PWNED\u{07}\u{1B}[2J", "\"", "'", ",", ":", ": ", "- ", "[", "]", "{", "}", "!!binary ",
        "!!python/object:os.system ", "!local ", "&a ", "*a", "# ", "\n", "\r\n", "\r", "\t", "\u{FEFF}", "\u{202E}", ";",
        "=", "＝cmd", "+202", "1e309", "-0", "NaN", "null", "~", "? ", "|\n", ">\n", "---\n", "...\n",
        String(repeating: "[", count: 40), String(repeating: "{\"a\":", count: 40), String(repeating: "x", count: 300),
        "\\u0000", "\\ud800", "2026-02-30", "ic.wizard", ",,,,,,,,,,", "\"\"\"",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98]]

    @Test func mutatedExamplesAreReadOrRefusedWithPositionsNeverACrash() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var random = SeededGenerator(seed: Self.seed)
        let originals = try Self.examples.map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture(name)))))
        }
        var read = 0
        var refused = 0
        for number in 0..<Self.cases {
            let (name, bytes) = originals[Int(random.next() % UInt64(originals.count))]
            let mutated = Self.mutate(bytes, with: &random)
            let path = root.appendingPathComponent("case\(number)." + (name as NSString).pathExtension).path
            try Data(mutated).write(to: URL(fileURLWithPath: path))
            for entry in BulkSource(inputs: [path], prompts: TestSupport.prompts) {
                switch entry.resolve() {
                case .success:
                    read += 1
                case .failure(.invalidData(let diagnostics)):
                    refused += 1
                    Self.checkLocated(diagnostics, in: path, case: number, name)
                case .failure(let error):
                    Issue.record("case \(number) (\(name)): \(error)")
                }
            }
            try FileManager.default.removeItem(atPath: path)
        }
        // The mutations are mild enough that some cases still read, hostile enough that most do not.
        #expect(read > 20 && refused > Self.cases / 2, "read \(read), refused \(refused)")
    }

    /// One to three mutations: a piece inserted, a range deleted or doubled, a byte changed,
    /// the end cut off, two lines swapped.
    static func mutate(_ original: [UInt8], with random: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        for _ in 0..<(1 + Int(random.next() % 3)) {
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            switch random.next() % 6 {
            case 0:
                bytes.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: position)
            case 1:
                let end = min(bytes.count, position + 1 + Int(random.next() % 24))
                bytes.removeSubrange(position..<end)
            case 2:
                let end = min(bytes.count, position + 1 + Int(random.next() % 40))
                bytes.insert(contentsOf: bytes[position..<end], at: end)
            case 3:
                if !bytes.isEmpty { bytes[position] = UInt8(truncatingIfNeeded: random.next()) }
            case 4:
                bytes.removeSubrange(position...)
            default:
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                if lines.count > 2 {
                    lines.swapAt(Int(random.next() % UInt64(lines.count)), Int(random.next() % UInt64(lines.count)))
                }
                bytes = Array(lines.joined(separator: [10]))
            }
        }
        return bytes
    }
}
