import Foundation
import Testing

/// The library's folders depend one way: a file may name the types and functions of its own
/// folder and of the folders before it in `order`, never of one after it. The README's "How it
/// is built" lists the folders in this order.
@Suite("the library's folders depend one way")
struct LayerTests {
    static let order = [
        "Support", "Prompts", "Answers", "Scoring", "Planning", "Dialog", "Storage", "Rendering", "Calibration",
        "Pipeline", "Bulk",
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A source file: its folder under Sources/CareerKit, its name and its text.
    struct Source {
        var folder: String
        var name: String
        var text: String
    }

    static func sources() throws -> [Source] {
        let base = root.appendingPathComponent("Sources/CareerKit")
        let paths = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            Source(
                folder: String(path.prefix { $0 != "/" }), name: (path as NSString).lastPathComponent,
                text: try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8))
        }
    }

    /// The names a file declares at the top level (types, type aliases and free functions).
    static func declarations(in text: String) -> [String] {
        let modifiers: Set<String> = ["public", "internal", "private", "fileprivate", "final", "indirect"]
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "func"]
        return text.split(separator: "\n").compactMap { line in
            guard let first = line.first, first.isLetter else { return nil }
            let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
            guard let kind = words.firstIndex(where: { !modifiers.contains($0) }), kinds.contains(words[kind]),
                kind + 1 < words.count
            else { return nil }
            return words[kind + 1]
        }
    }

    /// The identifiers a file uses outside comments.
    static func identifiers(in text: String) -> Set<String> {
        let code = text.split(separator: "\n").map { line in
            line.range(of: "//").map { line[..<$0.lowerBound] } ?? line
        }.joined(separator: "\n")
        return Set(code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
    }

    /// Every use of a name declared in a later folder, as `Folder/File.swift uses Name (Later)`.
    static func violations(_ sources: [Source], order: [String]) -> [String] {
        var owner: [String: String] = [:]
        for source in sources {
            for name in declarations(in: source.text) where owner[name] == nil { owner[name] = source.folder }
        }
        var found: [String] = []
        for source in sources {
            guard let rank = order.firstIndex(of: source.folder) else { continue }
            for name in identifiers(in: source.text).sorted() {
                guard let folder = owner[name], let other = order.firstIndex(of: folder), other > rank else { continue }
                found.append("\(source.folder)/\(source.name) uses \(name) (\(folder))")
            }
        }
        return found
    }

    @Test func everyFolderHasItsPlaceInTheOrder() throws {
        let folders = Set(try Self.sources().map(\.folder))
        #expect(folders == Set(Self.order))
    }

    @Test func noFolderNamesWhatALaterOneDeclares() throws {
        #expect(Self.violations(try Self.sources(), order: Self.order) == [])
    }

    @Test func theCheckFindsAnUpwardUse() {
        let sources = [
            Source(folder: "Prompts", name: "Ladder.swift", text: "public struct Ladder {\n    // Pipeline is not named here\n}\n"),
            Source(folder: "Scoring", name: "Scorer.swift", text: "struct Scorer { let ladder: Ladder; let p: Pipeline }\n"),
            Source(folder: "Pipeline", name: "Pipeline.swift", text: "public struct Pipeline { let s: Scorer }\nfunc helper() {}\n"),
        ]
        #expect(Self.violations(sources, order: Self.order) == ["Scoring/Scorer.swift uses Pipeline (Pipeline)"])
    }

    @Test func theReadmeListsTheFoldersInThisOrder() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let listed = readme.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let slash = line.firstIndex(of: "/") else { return nil }
            let name = line[line.index(line.startIndex, offsetBy: 2)..<slash]
            return Self.order.contains(String(name)) ? String(name) : nil
        }
        #expect(listed == Self.order)
    }
}
