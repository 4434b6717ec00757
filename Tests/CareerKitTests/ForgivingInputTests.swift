import Foundation
import Testing

@testable import CareerKit

/// Issue 12, point 5: answers a person would type, read as they meant them, and what is wrong
/// said in words.
@Suite struct ForgivingInputTests {
    let prompts = TestSupport.prompts
    var ladder: Ladder { prompts.ladder }

    @Test func aLevelIsFoundByItsIdTitleOrAWordOfIt() {
        func ids(_ typed: String) -> [String] { ladder.levels(matching: typed).map(\.id) }
        #expect(ids("ic.senior") == ["ic.senior"])
        #expect(ids("senior") == ["ic.senior"])
        #expect(ids("Staff Engineer") == ["ic.staff"])
        #expect(ids("staff") == ["ic.staff"])
        #expect(ids("EM") == ["mgmt.em"])
        #expect(ids("senior em") == ["mgmt.senior_em"])
        #expect(ids("  tech   lead ") == ["mgmt.tech_lead"])
        #expect(ids("dir") == ["mgmt.director"])
        #expect(ids("vp") == ["mgmt.vp"])
        #expect(ids("principal eng") == ["ic.principal"])
        // More than one: the answer is ambiguous, lowest rung first.
        #expect(ids("manager") == ["mgmt.em", "mgmt.senior_em"])
        #expect(ids("boss") == [])
        #expect(ids("") == [])
    }

    @Test func theLevelsAreListedByRungTheICLevelFirstOnASharedRung() {
        #expect(ladder.levelsByRung().map(\.id) == [
            "ic.junior", "ic.developer", "ic.senior", "mgmt.tech_lead", "ic.staff", "mgmt.em", "ic.principal",
            "mgmt.senior_em", "ic.distinguished", "mgmt.director", "mgmt.vp",
        ])
    }

    @Test func aPercentMayBeTypedWithItsSign() throws {
        let share = try #require(prompts.bank.item("capacity.special_project_percent"))
        #expect(share.unit == .percent)
        #expect(try AnswerParser.typed("10%", for: share).get() == .integer(10))
        #expect(try AnswerParser.typed(" 25 % ", for: share).get() == .integer(25))
        #expect(try AnswerParser.typed("10", for: share).get() == .integer(10))
        #expect(AnswerParser.typed("60%", for: share) == .failure(AnswerProblem(message: "'60%' is not allowed; allowed: a whole number 0..50")))
        // Hours are not a percent; a file keeps to the stored value.
        let hours = try #require(prompts.bank.item("capacity.dev_hours_per_month"))
        #expect((try? AnswerParser.typed("16%", for: hours).get()) == nil)
        #expect((try? AnswerParser.strict(.scalar("10%"), for: share).get()) == nil)
    }

    @Test func aTopThreeMistakeIsSaidInWordsWithTheStatementsNamed() throws {
        let top3 = try #require(prompts.bank.item("top3"))
        #expect(
            AnswerParser.typed("1 2", for: top3)
                == .failure(AnswerProblem(message: "pick three, you gave two: “mastering my specialty”, “going ever deeper in my field”")))
        #expect(
            AnswerParser.typed("1, 2, 3, 4", for: top3)
                == .failure(AnswerProblem(
                    message: "pick three, you gave four: “mastering my specialty”, “going ever deeper in my field”, “being known as an expert”, “getting lost in building things”")))
        #expect(
            AnswerParser.typed("1 1 2", for: top3)
                == .failure(AnswerProblem(message: "you gave “mastering my specialty” twice; pick three different statements, by number (1 to 24) or id")))
        #expect(
            AnswerParser.typed("1 2 30", for: top3)
                == .failure(AnswerProblem(message: "there is no statement '30'; pick three different statements, by number (1 to 24) or id")))
        #expect(
            AnswerParser.typed("1 2 mastery", for: top3)
                == .failure(AnswerProblem(message: "'mastery' is not one of the statements; pick three different statements, by number (1 to 24) or id")))
        #expect(try AnswerParser.typed("1 maker.fl 24", for: top3).get() == .list(["depth.mastery", "maker.flow", "challenge.title_indifferent"]))
        // A file is read strictly, with the rule as before.
        #expect(
            AnswerParser.strict(.list(["depth.mastery"]), for: top3)
                == .failure(AnswerProblem(message: "[depth.mastery] names 1 question; allowed: exactly 3 different question ids of the eight groups")))
    }

    @Test func yearsManagingComeFromTheLeadingQuestionsWhenThePersonFieldIsAbsent() {
        func years(_ answers: [String: AnswerValue]) -> Int? { Answers.yearsManaging(answeredIn: [.contributor: answers]) }
        #expect(years([:]) == nil)
        #expect(years(["experience.leading": .text("informal")]) == 0)
        #expect(years(["experience.leading": .text("tech_lead")]) == 0)
        #expect(years(["experience.leading": .text("managed")]) == nil)
        #expect(years(["experience.leading": .text("managed"), "experience.years_managing": .integer(3)]) == 3)
    }

    @Test func anAnswersFileGetsYearsManagingFromTheAnswersUnlessItSaysSoItself() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func load(_ person: String) throws -> Answers {
            let path = folder.appendingPathComponent("\(UUID().uuidString).yaml").path
            try """
                person: {name: Pat Doe, current_level: ic.senior\(person)}
                answers:
                  contributor: {experience.leading: managed, experience.years_managing: 4}
                """.write(toFile: path, atomically: true, encoding: .utf8)
            return try AnswersFile.load(path: path, prompts: prompts)
        }
        #expect(try load("").person.yearsManaging == 4)
        #expect(try load(", years_managing: 2").person.yearsManaging == 2)
    }
}

/// Issue 23, point 5: the forgiving input the README promises: first letters of a label's
/// words, a word of a long statement, and an ambiguity that says why each choice fits.
@Suite struct FirstLettersAndWordsTests {
    let prompts = TestSupport.prompts

    func typed(_ line: String, _ id: String) throws -> Result<AnswerValue, AnswerProblem> {
        AnswerParser.typed(line, for: try #require(prompts.bank.item(id)))
    }

    @Test func theFirstLettersOfALabelPickIt() throws {
        #expect(try typed("naa", "ladder.technical").get() == .integer(1))
        #expect(try typed("NAA", "ladder.technical").get() == .integer(1))
    }

    @Test func firstLettersThatTwoLabelsShareSayWhich() throws {
        guard case .failure(let problem) = try typed("sa", "depth.mastery") else {
            Issue.record("'sa' was taken")
            return
        }
        #expect(problem.message == "'sa' could be slightly agree (4) or strongly agree (6); type more of it, or its number")
    }

    @Test func aWordOfALongStatementPicksIt() throws {
        let top3 = try #require(prompts.bank.item("top3"))
        guard case .pick(_, let choices) = top3.kind, let handsOn = choices.first(where: { $0.value == "maker.hands_on" }) else {
            Issue.record("top3 is not a pick of the dimension items")
            return
        }
        #expect(AnswerParser.match("hands", in: choices, allowIndex: true, labelPrefix: false) == handsOn)
        #expect(AnswerParser.match("ha", in: choices, allowIndex: true, labelPrefix: false) == nil)
    }

    @Test func aChoiceFoundByItsValueSaysSoInTheAmbiguity() throws {
        guard case .failure(let problem) = try typed("within", "readiness.self") else {
            Issue.record("'within' was taken")
            return
        }
        #expect(problem.message == "'within' could be Within about a year or Two years or so (within_2y); type more of it, or its number")
    }
}
