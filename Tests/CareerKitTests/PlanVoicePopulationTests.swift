import Foundation
import Mustache
import Testing

@testable import CareerKit

/// How the plan speaks, over generated people (the population of `PlanCheckPopulationTests`,
/// every other one with the manager's offers): short sentences in what the library words, at
/// most two notices before the first activity, and one precision for each kind of number.
@Suite struct PlanVoicePopulationTests {
    static let prompts = TestSupport.prompts

    struct Person: Sendable {
        var id: String
        var markdown: String
        var hasGoal: Bool
        /// What the library words itself, each text as the templates insert it.
        var libraryTexts: [String]
        /// The notices the library places before the first activity that no note list holds.
        var otherNotices: Int
        var endNotes: Int
        /// Every score the documents show: table cells and the texts that name scores.
        var scoreTexts: [String]
    }

    /// 300 people, planned and rendered once for every test here.
    static let population: [Person] = {
        var generator = PopulationGenerator(seed: 2611)
        let scorer = Scorer(prompts: prompts)
        let planner = Planner(prompts: prompts)
        let shared = PlanView.Shared(prompts: prompts)
        return (0..<300).map { index in
            var answers = generator.person(index)
            if index % 2 == 1 { answers = generator.withOffers(answers) }
            let assessment = scorer.assess(answers)
            let plan = try! planner.plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-22")!)
            let markdown = try! PlanRenderer(answers: answers, assessment: assessment, plan: plan, prompts: prompts).render(.md)
            let view = PlanView(answers: answers, assessment: assessment, plan: plan, shared: shared, charts: false)
            var library = libraryKeys.flatMap { texts(view, $0) }
            // An item's reason is inserted as "Why: <reason>." in the documents.
            library += rows(view, "plan.items").compactMap { ($0.own("reason") as? ViewText).map { "Why: \($0.text)." } }
            let flags = texts(view, "flags").count
            let missing = texts(view, "manager_missing_text").first?.isEmpty == false ? 1 : 0
            let cells = (rows(view, "dimensions") + rows(view, "track.scores")).flatMap { row in
                ["self", "manager", "combined", "expected", "gap", "value"].compactMap { (row.own($0) as? ViewText)?.text }
            }
            let scores = ["divergence", "track.confidence_notes", "track.reasons_toward", "track.reasons_against"].flatMap { texts(view, $0) }
            return Person(
                id: answers.person.id!, markdown: markdown, hasGoal: !texts(view, "goal").joined().isEmpty, libraryTexts: library,
                otherNotices: flags + missing, endNotes: texts(view, "plan.end_notes").count, scoreTexts: cells + scores)
        }
    }()

    static func node(_ view: PlanView, _ path: String) -> Any? {
        var node: Any? = view
        for name in path.split(separator: ".") { node = (node as? MustacheParent)?.child(named: String(name)) }
        return node
    }

    static func rows(_ view: PlanView, _ path: String) -> [ViewRow] { node(view, path) as? [ViewRow] ?? [] }

    /// A value of the view by its dotted key: a text, or the texts of a list.
    static func texts(_ view: PlanView, _ path: String) -> [String] {
        switch node(view, path) {
        case let text as ViewText: return [text.text]
        case let list as [ViewText]: return list.map(\.text)
        case let rows as [ViewRow]: return rows.compactMap { ($0.own("text") as? ViewText)?.text }
        default: return []
        }
    }

    /// What the library words itself (not the catalog's, the ladder's or the person's texts).
    static let libraryKeys = [
        "manager_missing_text", "flags", "divergence", "track.confidence_notes", "track.archetype_text", "plan.summary",
        "plan.level_note", "plan.lead_notes", "plan.end_notes",
    ]

    /// The sentences of a text: split after `.`, `?` or `!` followed by a space.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            if ".?!".contains(character), index + 1 == characters.count || characters[index + 1] == " " {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current.trimmingCharacters(in: .whitespaces)) }
        return result
    }

    static func words(_ sentence: String) -> Int { sentence.split(whereSeparator: \.isWhitespace).count }

    @Test func noSentenceTheLibraryWordsIsLongerThan35Words() {
        var long: [(String, Int, String)] = []
        for person in Self.population {
            for text in person.libraryTexts {
                for sentence in Self.sentences(text) where Self.words(sentence) > 35 {
                    long.append((person.id, Self.words(sentence), sentence))
                }
            }
        }
        if ProcessInfo.processInfo.environment["VOICE_REPORT"] != nil {
            for (id, count, sentence) in long { print("VOICE \(id) \(count): \(sentence)") }
        }
        #expect(long.isEmpty, "\(long.count) sentences over 35 words, first: \(long.first.map { "\($0.0) (\($0.1) words): \($0.2)" } ?? "")")
    }

    /// The notices (blockquotes) before the first activity of the Markdown plan, the goal
    /// (the person's own words, quoted) not counted.
    static func noticesBeforeTheFirstActivity(_ person: Person) -> Int {
        let head = person.markdown.components(separatedBy: "\n- **").first ?? person.markdown
        let quotes = head.components(separatedBy: "\n").filter { $0.hasPrefix("> ") }.count
        return quotes - (person.hasGoal ? 1 : 0)
    }

    @Test func atMostTwoNoticesBeforeTheFirstActivity() {
        // Two flag callouts and a missing manager are three notices no note list can move.
        let over = Self.population.filter { Self.noticesBeforeTheFirstActivity($0) > max(2, $0.otherNotices) }
        #expect(over.isEmpty, "\(over.count) plans with more than two notices, first: \(over.first.map { "\($0.id): \(Self.noticesBeforeTheFirstActivity($0))" } ?? "")")
        // The rest is not dropped: plans carry notes to the end, under Notes.
        let atEnd = Self.population.filter { $0.endNotes > 0 }
        #expect(!atEnd.isEmpty)
        #expect(atEnd.allSatisfy { $0.markdown.contains("\n## Notes\n") })
    }

    /// Scores are whole numbers in every table cell and every text that names them.
    @Test func scoresAreWholeEverywhere() {
        let found = Self.population.flatMap { person in
            person.scoreTexts.filter { $0.range(of: #"\d\.\d"#, options: .regularExpression) != nil }.map { (person.id, $0) }
        }
        #expect(found.isEmpty, "\(found.count) scores with a decimal, first: \(found.first.map { "\($0.0): \($0.1)" } ?? "")")
    }
}
