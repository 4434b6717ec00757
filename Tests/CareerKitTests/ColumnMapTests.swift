import Foundation
import Testing

@testable import CareerKit

@Suite struct ColumnMapTests {
    let prompts = TestSupport.prompts

    /// A map of a small form: headings, a position, scale words, an item's own words, a
    /// choice's labels and a list's labels that hold the separator.
    static let map = """
        columns:
          person.name: Your name
          person.current_level: 3
          depth.mastery: "How much does deep work give you energy?"
          contributor.maker.flow: Do you lose track of time?
          goal.promotion:
            heading: Are you looking for a promotion?
            values: {"Yes, this year": seeking, "Open to it": open, "Not right now": not_now}
          obs.depth:
            heading: "Manager: depth"
            words: {"Never seen it": 1, "Now and then": 3, "All the time": 6, "No chance yet": n/a}
          interest.projects: {heading: Special projects, values: {"Working with other disciplines, such as product or design": cross_discipline, "Innovation work and prototypes": innovation}}
          ladder.technical: "7"
        words:
          agree6: {Never: 1, Rarely: 2, Sometimes: 3, Often: 4, Usually: 5, Always: 6}
          agreement6: {Strongly disagree: 1, Strongly agree: 6}
        list_separator: ", "
        """

    func load(_ text: String = Self.map) throws -> ColumnMap {
        try ColumnMapLoader.parse(text, path: "map.yaml", prompts: prompts)
    }

    @Test func theLoaderReadsHeadingsPositionsAndWords() throws {
        let map = try load()
        #expect(map.listSeparator == ", ")
        #expect(map.entries.map(\.key) == [
            "person.name", "person.current_level", "contributor.depth.mastery", "contributor.maker.flow", "contributor.goal.promotion",
            "manager.obs.depth", "contributor.interest.projects", "contributor.ladder.technical",
        ])
        #expect(map.entries.map(\.source) == [
            .heading("Your name"), .position(3), .heading("How much does deep work give you energy?"), .heading("Do you lose track of time?"),
            .heading("Are you looking for a promotion?"), .heading("Manager: depth"), .heading("Special projects"),
            // A heading of digits is written in quotes; a plain number is a position.
            .heading("7"),
        ])
        #expect(map.entries.map(\.line) == [2, 3, 4, 5, 6, 9, 12, 13])
        #expect(map.entries[0].item == nil)
        // depth.mastery is on agreement6, maker.flow on agree6: each takes its scale's words.
        #expect(map.entries[2].words?.value(of: "strongly  AGREE") == "6")
        #expect(map.entries[2].words?.value(of: "Often") == nil)
        #expect(map.entries[3].words?.value(of: "Often") == "4")
        #expect(map.entries[4].words?.value(of: "Not right now") == "not_now")
        // An item's own words replace its scale's.
        #expect(map.entries[5].words?.value(of: "no chance yet") == "n/a")
        #expect(map.entries[5].words?.value(of: "Rarely") == nil)
        #expect(map.entries[6].words?.value(of: "innovation work and prototypes") == "innovation")
    }

    @Test func aMapThatNamesAnUnknownItemScaleOrValueIsRefusedAtItsPosition() {
        let text = """
            columns:
              person.name: Name
              depth.mastry: Mastery
              manager.depth.learning: Learning
              maker.flow: {heading: Flow, words: {Often: 7}}
              goal.promotion: {heading: Promotion, values: {Maybe: perhaps}, words: {Yes: 1}}
              goal.statement: {heading: Goal, values: {A: b}}
              obs.depth: 0
              obs.craft: {heading: Craft, position: 4}
            words:
              agree7: {Never: 1}
              agree6: {Never: 1, "never ": 2}
            """
        let found = TestSupport.diagnostics { _ = try ColumnMapLoader.parse(text, path: "map.yaml", prompts: prompts) }
        #expect(found.map(\.description) == [
            "map.yaml:3:3: unknown item id 'depth.mastry'; allowed: an item id of the bank (`careerpath template map` lists them all), or person.name, person.id, person.current_level, person.domain, person.years_experience, person.years_managing, manager.name, manager.id, session.date, session.mode",
            "map.yaml:4:3: 'manager.depth.learning': item 'depth.learning' is answered by the contributor; write 'depth.learning' or 'contributor.depth.learning'",
            "map.yaml:5:46: 'maker.flow' 'words' 'Often' is '7'; allowed: 1..6",
            "map.yaml:6:56: 'goal.promotion' 'values' 'Maybe' is 'perhaps'; allowed: seeking, open, not_now",
            "map.yaml:6:66: 'goal.promotion' is a choice item: give the form's labels under 'values', not 'words'",
            "map.yaml:7:35: 'goal.statement' is a text item, whose answers are taken as written: it takes no 'values'",
            "map.yaml:8:14: 'obs.depth': position 0 is not a column; allowed: 1..1024",
            "map.yaml:9:14: 'obs.craft' needs either 'heading' or 'position', not both",
            "map.yaml:11:3: 'words' has an unknown scale 'agree7'; allowed: agree6, agreement6, attract7, seen6",
            "map.yaml:12:22: 'words' 'agree6' gives 'never ' twice (also as 'Never'); words match whatever their case",
        ])
        #expect(found.map(\.item) == [
            "depth.mastry", "manager.depth.learning", "maker.flow", "goal.promotion", "goal.promotion", "goal.statement", "obs.depth", "obs.craft",
            "agree7", "agree6",
        ])
    }

    @Test func anItemMappedTwiceOrAMapWithoutColumnsIsRefused() {
        let twice = "columns:\n  depth.mastery: A\n  contributor.depth.mastery: B\n"
        #expect(TestSupport.diagnostics { _ = try load(twice) }.map(\.description) == [
            "map.yaml:3:3: 'contributor.depth.mastery' fills the column 'contributor.depth.mastery', which line 2 maps already; map each item once"
        ])
        #expect(TestSupport.diagnostics { _ = try load("words: {}\n") }.map(\.description) == ["map.yaml:1:1: the column map needs 'columns'"])
    }

    /// A form export: a timestamp nobody maps, the person, a level by position, words.
    static let export = """
        Timestamp,Your name,Level,How much does deep work give you energy?,Do you lose track of time?,Are you looking for a promotion?,Manager: depth,Special projects,7,Email
        2026/11/22 10:00,Ana Silva,ic.senior,Strongly agree,often,"Yes, this year",No chance yet,"Working with other disciplines, such as product or design, Innovation work and prototypes",6,ana@example.com
        2026/11/22 10:05,Ben Okafor,ic.senior,Somewhat,5,Maybe,All the time,Hiring,8,ben@example.com
        2026/11/22 10:09,Chen Wang,ic.staff,1,Never,not_now,,,,
        """

    @Test func aFormExportIsReadThroughTheMapAndABadAnswerStopsOnlyItsRow() throws {
        let reader = try CSVAnswersReader(text: Self.export, path: "form.csv", prompts: prompts, map: try load())
        #expect(reader.unplaced == [.init(column: 1, heading: "Timestamp"), .init(column: 10, heading: "Email")])
        #expect(reader.rowBuilder.header == [
            "", "person.name", "person.current_level", "contributor.depth.mastery", "contributor.maker.flow", "contributor.goal.promotion",
            "manager.obs.depth", "contributor.interest.projects", "contributor.ladder.technical", "",
        ])
        let rows = Array(reader)
        #expect(rows.map(\.line) == [2, 3, 4])
        let ana = try rows[0].result.get()
        #expect(ana.person.name == "Ana Silva")
        #expect(ana.value("depth.mastery", by: .contributor) == .integer(6))
        #expect(ana.value("maker.flow", by: .contributor) == .integer(4))
        #expect(ana.value("goal.promotion", by: .contributor) == .text("seeking"))
        #expect(ana.value("obs.depth", by: .manager) == .notObserved)
        // The first label holds the separator ", " itself.
        #expect(ana.value("interest.projects", by: .contributor) == .list(["cross_discipline", "innovation"]))
        #expect(ana.value("ladder.technical", by: .contributor) == .integer(6))
        // Every bad answer of the row, at its cell of the sheet, with the item.
        let ben = rows[1].result.failureDiagnostics
        #expect(ben == [
            "form.csv:3:4: contributor item 'depth.mastery': the answer 'Somewhat' is not one of the words of scale agreement6 in 'map.yaml'; allowed: 'Strongly disagree', 'Strongly agree', or a number 1..6",
            "form.csv:3:6: contributor item 'goal.promotion': the answer 'Maybe' is not one of the values the map gives for goal.promotion in 'map.yaml'; allowed: 'Yes, this year', 'Open to it', 'Not right now', or a choice id (seeking, open, not_now)",
            "form.csv:3:8: contributor item 'interest.projects': the answer 'Hiring' is not one of the values the map gives for interest.projects in 'map.yaml'; allowed: 'Working with other disciplines, such as product or design', 'Innovation work and prototypes', or a choice id (cross_discipline, innovation, special_advisor, open_source, incident_command, hiring_loop)",
            "form.csv:3:9: contributor item 'ladder.technical': '8' is not allowed; allowed: 1..7 (1 = not at all, 7 = extremely)",
        ])
        if case .failure(.invalidData(let diagnostics)) = rows[1].result {
            #expect(diagnostics.map(\.item) == [
                "contributor.depth.mastery", "contributor.goal.promotion", "contributor.interest.projects", "contributor.ladder.technical",
            ])
        }
        // Numbers and stored values pass as they are; the row after the bad one is read.
        let chen = try rows[2].result.get()
        #expect(chen.value("depth.mastery", by: .contributor) == .integer(1))
        #expect(chen.value("maker.flow", by: .contributor) == .integer(1))
        #expect(chen.value("goal.promotion", by: .contributor) == .text("not_now"))
        #expect(chen.value("obs.depth", by: .manager) == nil)
    }

    @Test func aHeadingTheSheetLacksIsRefusedAtTheMapsEntry() {
        let map = """
            columns:
              person.name: your name
              person.current_level: 12
              depth.mastery: Depth
              maker.flow: Depth
            """
        let sheet = "Your name,Depth,Level\nAna,4,ic.senior\n"
        let found = TestSupport.diagnostics { _ = try CSVAnswersReader(text: sheet, path: "form.csv", prompts: prompts, map: try load(map)) }
        #expect(found.map(\.description) == [
            "map.yaml:2:3: 'person.name': 'form.csv' has no column headed 'your name'; did you mean 'Your name'?",
            "map.yaml:3:3: 'person.current_level': position 12 is beyond the last column of 'form.csv'; allowed: 1..3",
            "map.yaml:5:3: 'contributor.maker.flow': column 2 of 'form.csv' is already mapped to 'contributor.depth.mastery' (line 4); each column fills one item",
        ])
        #expect(found.map(\.item) == ["person.name", "person.current_level", "contributor.maker.flow"])
    }

    @Test func aRequiredColumnTheMapLeavesOutIsTheUsualHeaderError() {
        let sheet = "Name,Level\nAna,ic.senior\n"
        let found = TestSupport.diagnostics {
            _ = try CSVAnswersReader(text: sheet, path: "form.csv", prompts: prompts, map: try load("columns:\n  person.name: Name\n"))
        }
        #expect(found.map(\.description) == [
            "form.csv:1:1: the header needs the column 'person.current_level', and the map 'map.yaml' places none there; add 'person.current_level' under 'columns' with the form's heading for it"
        ])
    }

    @Test func aHeadingThatIsASheetColumnIsKeptUnlessTheMapPlacesItElsewhere() throws {
        let sheet = "person.name,Level,person.current_level\nAna,ic.senior,ic.junior\n"
        let kept = try CSVAnswersReader(text: sheet, path: "form.csv", prompts: prompts, map: try load("columns:\n  depth.mastery: Level\n"))
        #expect(kept.rowBuilder.header == ["person.name", "contributor.depth.mastery", "person.current_level"])
        let moved = try CSVAnswersReader(
            text: sheet, path: "form.csv", prompts: prompts, map: try load("columns:\n  person.current_level: Level\n"))
        #expect(moved.rowBuilder.header == ["person.name", "person.current_level", ""])
        #expect(moved.unplaced == [.init(column: 3, heading: "person.current_level")])
        #expect(try Array(moved)[0].result.get().person.currentLevel == "ic.senior")
    }

    @Test func aWordForAScaleTheMapGivesNoWordsForSaysWhereToAddThem() throws {
        let sheet = "Name,Level,Technical path,Twice,Twice\nAna,ic.senior,Very,1,2\n"
        let map = try load("columns:\n  person.name: Name\n  person.current_level: Level\n  ladder.technical: Technical path\n")
        let rows = Array(try CSVAnswersReader(text: sheet, path: "form.csv", prompts: prompts, map: map))
        #expect(rows[0].result.failureDiagnostics == [
            "form.csv:2:3: contributor item 'ladder.technical': the answer 'Very' is a word, and the map 'map.yaml' gives no words for scale attract7; add them under 'words: attract7:' or give numbers 1..7"
        ])
        // A heading the sheet has twice cannot say which column it means.
        let twice = try load("columns:\n  person.name: Name\n  person.current_level: Level\n  depth.mastery: Twice\n")
        let found = TestSupport.diagnostics { _ = try CSVAnswersReader(text: sheet, path: "form.csv", prompts: prompts, map: twice) }
        #expect(found.map(\.description) == [
            "map.yaml:4:3: 'contributor.depth.mastery': the heading 'Twice' is in 'form.csv' 2 times (columns 4, 5); give the column's position instead"
        ])
    }

    @Test func aGroupingColumnMayBePlacedByTheMap() throws {
        let map = try ColumnMapLoader.parse(
            "columns:\n  person.name: Name\n  person.current_level: Level\n  person.site: Office\n", path: "map.yaml", prompts: prompts,
            extraColumns: ["person.site"])
        let sheet = "Office,Name,Level\nLisbon,Ana,ic.senior\n"
        let reader = try CSVAnswersReader(text: sheet, path: "form.csv", prompts: prompts, extraColumns: ["person.site"], map: map)
        #expect(reader.rowBuilder.header == ["person.site", "person.name", "person.current_level"])
        #expect(TestSupport.diagnostics { _ = try load("columns:\n  person.site: Office\n") }.first?.message.hasPrefix("unknown item id 'person.site'") == true)
    }

    @Test func aLongCellInAColumnTheMapLeavesOutDoesNotStopItsRow() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let comment = String(repeating: "long comment ", count: 1_000)
        let file = folder.appendingPathComponent("form.csv")
        try "Comments,Name,Level,Goal\n\"\(comment)\",Ana,ic.senior,\"\(comment)\"\n\"\(comment)\",Ben,ic.senior,Lead\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let map = try load("columns:\n  person.name: Name\n  person.current_level: Level\n  goal.statement: Goal\n")
        let rows = Array(try CSVAnswersReader(path: file.path, prompts: prompts, map: map))
        #expect(rows.count == 2)
        // A mapped cell too long is refused as ever; the unmapped comment is not read at all.
        #expect(rows[0].result.failureDiagnostics == [
            "\(file.path):2:4: contributor item 'goal.statement': the cell has 13000 characters; allowed: up to 2000"
        ])
        #expect(try rows[1].result.get().value("goal.statement", by: .contributor) == .text("Lead"))
    }
}
