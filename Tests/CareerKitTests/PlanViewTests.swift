import Foundation
import Mustache
import Testing

@testable import CareerKit

/// The plan view's keys are one list (`ViewSchema.plan`): the view answers every one of them,
/// `validate` rejects a template tag that names none, and the templates README documents them.
@Suite struct PlanViewTests {
    let prompts = TestSupport.prompts

    func view(_ fixture: String, charts: Bool = true) throws -> PlanView {
        let answers = try AnswersFile.load(path: TestSupport.fixture(fixture), prompts: prompts)
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-22")!)
        return PlanView(answers: answers, assessment: assessment, plan: plan, shared: .init(prompts: prompts), charts: charts)
    }

    /// Walks the schema on a real view: every key answers, lists are lists, rows have their keys.
    @Test func theViewAnswersEveryKeyOfTheSchema() throws {
        var checked: Set<String> = []
        func walk(_ schema: ViewSchema, _ parent: MustacheParent, _ path: String) {
            for (name, child) in schema.keys {
                let value = parent.child(named: name)
                #expect(value != nil, "\(path)\(name) has no value")
                checked.insert(path + name)
                switch child {
                case .group:
                    guard let group = value as? MustacheParent else {
                        Issue.record("\(path)\(name) is not a group")
                        continue
                    }
                    walk(child, group, path + name + ".")
                case .rows:
                    guard let rows = value as? [ViewRow] else {
                        Issue.record("\(path)\(name) is not a list of rows")
                        continue
                    }
                    for row in rows { walk(child, row, path + name + ".") }
                case .texts:
                    #expect(value is [ViewText], "\(path)\(name) is not a list of texts")
                case .value, .markup:
                    #expect(value is ViewText || value is Bool, "\(path)\(name) is neither a text nor a flag")
                }
            }
        }
        // Between them these plans have a row in every list (a disagreement, a check-in with
        // items due).
        for fixture in ["ana-silva.yaml", "personas/divergent.yaml"] { walk(.plan, try view(fixture), "") }
        #expect(checked == Set(ViewSchema.plan.paths))
        #expect(try view("ana-silva.yaml").child(named: "no_such_key") == nil)
    }

    /// A row answers the document's keys too, as Mustache would find them up the stack.
    @Test func aRowAnswersTheDocumentsKeys() throws {
        let view = try view("ana-silva.yaml")
        let rows = try #require(view.child(named: "dimensions") as? [ViewRow])
        #expect((rows[0].child(named: "title") as? ViewText)?.text == "Technical depth")
        #expect(rows[0].child(named: "profile") is MustacheParent)
    }

    @Test func aTemplateTagThatNamesNoKeyIsAnErrorWithItsPosition() throws {
        let folder = try TestSupport.promptsCopy(editing: PromptSet.weightsFile) { $0 }
        let path = folder + "/" + ReportTemplates.folder + "/" + ReportTemplates.markdownFile
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "- Now: **{{plan.current}}**", with: "- Now: **{{plan.curent}}**")
        text += "{{#plan.items}}{{titel}}{{/plan.items}}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let problems = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
        let line = TestSupport.line(of: "{{plan.curent}}", in: text)
        let column = try #require(text.components(separatedBy: "\n")[line - 1].range(of: "{{plan.curent}}")).lowerBound.utf16Offset(
            in: text.components(separatedBy: "\n")[line - 1]) + 1
        #expect(problems.count == 2)
        #expect(problems.first?.line == line)
        #expect(problems.first?.column == column)
        #expect(problems.first?.message.hasPrefix("unknown key 'plan.curent'; known keys: budget, busiest_month_hours, committed, current,") == true)
        // Inside a list, the row's keys and the document's are known.
        #expect(problems.last?.message.hasPrefix("unknown key 'titel'; known keys: ") == true)
        #expect(problems.last?.message.contains("done_when") == true)
        #expect(problems.last?.message.contains("generator") == true)
    }

    /// Lines count Windows line ends too, and columns count characters as an editor does.
    @Test func aProblemsPositionCountsLinesAndCharacters() {
        let text = "{{person.name}}\r\n{{! a {{comment}} }}\r\n– · {{plan.targt}} and {{{notez}}}\n"
        let problems = TemplateKeyCheck.problems(in: text, schema: .plan)
        #expect(problems.map(\.line) == [3, 3])
        #expect(problems.map(\.column) == [5, 24])
        #expect(problems.first?.message.hasPrefix("unknown key 'plan.targt'; known keys: budget,") == true)
        #expect(problems.last?.message.hasPrefix("unknown key 'notez'; known keys: charts, dimensions,") == true)
    }

    @Test func theShippedTemplatesUseOnlyKnownKeys() throws {
        for file in [ReportTemplates.markdownFile, ReportTemplates.htmlFile] {
            let text = try String(contentsOfFile: TestSupport.promptsDirectory + "/templates/" + file, encoding: .utf8)
            #expect(TemplateKeyCheck.problems(in: text, schema: .plan).isEmpty)
        }
    }

    /// The templates README documents exactly the view's keys: every key it names exists,
    /// and every key the view has is named.
    @Test func theTemplatesReadmeDocumentsExactlyTheKeys() throws {
        let readme = try String(contentsOfFile: TestSupport.promptsDirectory + "/templates/README.md", encoding: .utf8)
        let keysPart = try #require(readme.components(separatedBy: "## Keys").last)
        let rows = keysPart.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }
        // The first column of each table names keys; the second describes them, and its
        // backticks may quote values or keys inside rows.
        var named: Set<String> = []
        var described: Set<String> = []
        for row in rows {
            let cells = row.components(separatedBy: " | ")
            for (index, cell) in cells.enumerated() {
                for piece in cell.components(separatedBy: "`").enumerated() where piece.offset % 2 == 1 {
                    if index == 0 { named.insert(piece.element) } else { described.insert(piece.element) }
                }
            }
        }
        let paths = Set(ViewSchema.plan.paths)
        let leaves = Set(paths.map { $0.components(separatedBy: ".").last! })
        let unknown = named.filter { !paths.contains($0) && !leaves.contains($0) }
        #expect(unknown.isEmpty, "documented but not in the view: \(unknown.sorted())")
        // Groups are reached through their keys (`plan.target`); every other key is named.
        let groups = Set(ViewSchema.plan.keys.filter { if case .group = $0.value { return true } else { return false } }.map(\.key))
        let undocumented = paths.filter { path in
            !groups.contains(path) && !named.contains(path)
                && !(named.union(described)).contains(path.components(separatedBy: ".").last!)
        }
        #expect(undocumented.isEmpty, "in the view but not documented: \(undocumented.sorted())")
    }
}
