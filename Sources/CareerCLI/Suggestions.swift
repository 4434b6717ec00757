import CareerKit
import Foundation

/// "Did you mean ...": the known names closest to what was typed, for a mistyped person or
/// subcommand.
enum Suggestions {
    /// Up to `limit` of `known` that `typed` may mean: a whole word of it ("Ben" for "Ben
    /// Okafor"), the start of it, or a spelling a few edits away, closest first.
    static func closest(to typed: String, in known: [String], limit: Int = 3) -> [String] {
        let wanted = typed.lowercased().trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else { return [] }
        var scored: [(score: Int, name: String)] = []
        for name in Set(known) {
            let lowered = name.lowercased()
            let words = lowered.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            let score: Int
            if words.contains(wanted) {
                score = 0
            } else if lowered.hasPrefix(wanted) || words.contains(where: { $0.hasPrefix(wanted) }) {
                score = 1
            } else {
                let distance = min(editDistance(wanted, lowered), words.map { editDistance(wanted, $0) }.min() ?? Int.max)
                // A third of the typed letters may be wrong, and at least one.
                guard distance <= max(1, wanted.count / 3) else { continue }
                score = 1 + distance
            }
            scored.append((score, name))
        }
        return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }.prefix(limit).map(\.name)
    }

    /// "did you mean 'A' or 'B'?", or nil when nothing is close.
    static func question(_ names: [String]) -> String? {
        guard !names.isEmpty else { return nil }
        let quoted = names.map { PrintableText.quoted($0) }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        return "did you mean \(list)?"
    }

    /// The edit distance by characters, a swap of two neighbours counting as one edit
    /// ("tlak" is one from "talk").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// Runs `body`; when it finds nobody by that name, says who in the history is closest.
    static func person<T>(_ reference: String, in store: (any HistoryStorage)?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch CareerError.unknownPerson(let message) {
            guard let store, let records = try? store.sessions(personKey: nil, since: nil) else { throw CareerError.unknownPerson(message) }
            let known = records.flatMap { [$0.personName] + ($0.personID.map { [$0] } ?? []) }
            let hint = question(closest(to: reference, in: known)).map { "; \($0) (`careerpath history --list` lists everyone)" }
            throw CareerError.unknownPerson(message + (hint ?? "; `careerpath history --list` lists everyone in it"))
        }
    }
}
