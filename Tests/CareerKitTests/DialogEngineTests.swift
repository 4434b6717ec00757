import Testing

@testable import CareerKit

@Suite struct DialogEngineTests {
    let bank = TestSupport.prompts.bank

    /// Answers the current question, expecting it to be `id`, and returns the event.
    @discardableResult
    func answer(_ engine: inout DialogEngine, _ id: String, _ text: String) -> DialogEvent {
        #expect(engine.current?.item.id == id)
        return engine.handle(.answer(text))
    }

    @Test func oneOnOneAsksBothRolesInGROWOrder() {
        let engine = DialogEngine(bank: bank, mode: .oneOnOne)
        let asked = engine.askedItems
        #expect(asked.first?.id == "goal.statement")
        #expect(asked.map(\.section).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } } == ["goal", "reality", "options", "will"])
        // interest.certifications waits for the answer to interest.wants_certification.
        #expect(!asked.contains { $0.id == "interest.certifications" })
        #expect(asked.count == 65)
        #expect(Set(asked.map(\.role)) == [.contributor, .manager])
        #expect(engine.current?.index == 1)
        #expect(engine.current?.total == 65)
        #expect(engine.current?.section.title == "Goal")
    }

    @Test func selfModeAsksOnlyTheContributor() {
        let engine = DialogEngine(bank: bank, mode: .selfAssessment)
        #expect(engine.askedItems.allSatisfy { $0.role == .contributor })
        #expect(engine.askedItems.count == 48)
        let manager = DialogEngine(bank: bank, mode: .manager)
        #expect(manager.askedItems.allSatisfy { $0.role == .manager })
        #expect(manager.askedItems.count == 17)
        // A manager prepares from what they have seen: the observations come first.
        #expect(manager.askedItems.first?.id == "obs.depth")
    }

    @Test func acceptsNumbersLabelsAndUnambiguousPrefixes() {
        var engine = DialogEngine(bank: bank, mode: .selfAssessment)
        #expect(engine.handle(.skip) == .skipped(itemID: "goal.statement"))
        #expect(answer(&engine, "goal.promotion", "not") == .accepted(itemID: "goal.promotion", value: .text("not_now")))
        #expect(answer(&engine, "goal.horizon_months", " 12 ") == .accepted(itemID: "goal.horizon_months", value: .integer(12)))
        #expect(answer(&engine, "ladder.technical", "Extremely") == .accepted(itemID: "ladder.technical", value: .integer(7)))
        #expect(answer(&engine, "ladder.managerial", "h") == .accepted(itemID: "ladder.managerial", value: .integer(2)))
        #expect(answer(&engine, "ladder.projects", "5") == .accepted(itemID: "ladder.projects", value: .integer(5)))
        #expect(answer(&engine, "goal.move_back", "pref") == .accepted(itemID: "goal.move_back", value: .text("preferred")))
        #expect(answer(&engine, "goal.avoid", "none") == .accepted(itemID: "goal.avoid", value: .list([])))
        // A value statement takes agreement labels; a frequency statement, how often it is true.
        #expect(answer(&engine, "depth.mastery", "strongly a") == .accepted(itemID: "depth.mastery", value: .integer(6)))
        #expect(answer(&engine, "depth.learning", "al") == .accepted(itemID: "depth.learning", value: .integer(6)))
        #expect(answer(&engine, "depth.identity", "Agree") == .accepted(itemID: "depth.identity", value: .integer(5)))
    }

    @Test func aBeginningThatFitsTwoLabelsSaysWhichItCouldBe() throws {
        let item = bank.item("depth.identity")!
        #expect(
            AnswerParser.typed("strongly", for: item)
                == .failure(AnswerProblem(message: "'strongly' could be strongly disagree or strongly agree; type more of it, or its number")))
        #expect(
            AnswerParser.typed("as", for: bank.item("experience.leading")!)
                == .failure(AnswerProblem(
                    message: "'as' could be As the technical lead of a team or As a manager, with people reporting to me; type more of it, or its number")))
        #expect(try AnswerParser.typed("slightly d", for: item).get() == .integer(3))
    }

    // MARK: Order and independence

    /// Issue 12, point 2: in a full one-on-one the manager's view of the track and of
    /// readiness come after every one of the contributor's own ratings, so they cannot anchor them.
    @Test func aOneOnOneAsksTheManagersJudgementsAfterTheContributorsRatings() {
        let asked = DialogEngine(bank: bank, mode: .oneOnOne).askedItems.map(\.id)
        let lastRating = asked.lastIndex { bank.item($0)?.dimension != nil || $0 == "top3" }!
        let track = asked.firstIndex(of: "view.track")!
        let readiness = asked.firstIndex(of: "view.readiness")!
        #expect(track > lastRating)
        #expect(readiness > lastRating)
        // The observations come before the judgements, and every contributor rating before both.
        #expect(asked.firstIndex(of: "obs.depth")! < track)
        #expect(asked.filter { bank.item($0)?.role == .manager }.prefix(10).suffix(2) == ["view.track", "view.readiness"])
    }

    /// The rule is the engine's, not only the bank's order: a bank that puts `view.track`
    /// first still asks it after `top3` (its `after`) in a one-on-one, and first in a manager's
    /// preparation, where there is no top three.
    @Test func anItemWithAfterIsAskedBehindItsAnchorWhereverTheBankPutsIt() {
        var sections = bank.sections
        let track = bank.item("view.track")!
        for index in sections.indices { sections[index].items.removeAll { $0.id == "view.track" } }
        sections[0].items.insert(BankItem(
            id: track.id, role: track.role, modes: track.modes, kind: track.kind, text: track.text, help: track.help,
            section: "goal", after: "top3"), at: 0)
        let early = QuestionBank(scales: bank.scales, sections: sections, differences: bank.differences)
        let oneOnOne = DialogEngine(bank: early, mode: .oneOnOne).askedItems.map(\.id)
        #expect(oneOnOne.first == "goal.statement")
        #expect(oneOnOne[oneOnOne.firstIndex(of: "top3")! + 1] == "view.track")
        #expect(DialogEngine(bank: early, mode: .manager).askedItems.first?.id == "view.track")
    }

    @Test func rejectsWhatIsNotAllowedAndKeepsTheQuestion() {
        var engine = DialogEngine(bank: bank, mode: .selfAssessment)
        engine.handle(.skip)
        let event = engine.handle(.answer("maybe later"))
        #expect(event == .rejected(itemID: "goal.promotion", problem: AnswerProblem(message: "'maybe later' is not allowed; allowed: one of seeking, open, not_now")))
        #expect(engine.current?.item.id == "goal.promotion")
        engine.handle(.answer("open"))
        #expect(engine.handle(.answer("40")) == .rejected(itemID: "goal.horizon_months", problem: AnswerProblem(message: "'40' is not allowed; allowed: a whole number 3..36")))
        #expect(engine.handle(.answer("")) == .rejected(itemID: "goal.horizon_months", problem: AnswerProblem(message: "an answer is needed; allowed: a whole number 3..36")))
    }

    @Test func anAmbiguousPrefixIsRejected() throws {
        let item = bank.item("interest.networking")!
        // "co" starts both community_of_practice and conference.
        #expect((try? AnswerParser.typed("co", for: item).get()) == nil)
        #expect(try AnswerParser.typed("conf, comm", for: item).get() == .list(["conference", "community_of_practice"]))
        #expect(try AnswerParser.typed("none", for: item).get() == .list([]))
    }

    @Test func top3AcceptsIdsPrefixesAndPositions() throws {
        let top3 = bank.item("top3")!
        #expect(try AnswerParser.typed("depth.mastery maker.fl 7", for: top3).get() == .list(["depth.mastery", "maker.flow", "focus.deep_blocks"]))
        #expect((try? AnswerParser.typed("depth.mastery, maker.flow", for: top3).get()) == nil)
    }

    @Test func skipIsOnlyForOptionalQuestions() {
        var engine = DialogEngine(bank: bank, mode: .selfAssessment)
        #expect(engine.handle(.skip) == .skipped(itemID: "goal.statement"))
        #expect(engine.handle(.skip) == .cannotSkip(itemID: "goal.promotion"))
        #expect(engine.current?.item.id == "goal.promotion")
        #expect(engine.skipped == ["goal.statement"])
    }

    @Test func backReturnsToThePreviousQuestionAndEnterKeepsItsAnswer() {
        var engine = DialogEngine(bank: bank, mode: .selfAssessment)
        #expect(engine.handle(.back) == .atFirstQuestion)
        engine.handle(.answer("Lead the platform"))
        engine.handle(.answer("seeking"))
        #expect(engine.handle(.back) == .wentBack(toItemID: "goal.promotion"))
        #expect(engine.current?.currentAnswer == .text("seeking"))
        #expect(engine.current?.index == 2)
        #expect(engine.handle(.answer("")) == .accepted(itemID: "goal.promotion", value: .text("seeking")))
        #expect(engine.current?.item.id == "goal.horizon_months")
        engine.handle(.back)
        engine.handle(.answer("open"))
        #expect(engine.answers[.contributor]?["goal.promotion"] == .text("open"))
    }

    @Test func followUpIsAskedOnlyWhenTheEarlierAnswerCallsForIt() {
        var engine = DialogEngine(bank: bank, mode: .selfAssessment, answers: answersUpTo("interest.wants_certification"))
        #expect(engine.current?.item.id == "interest.wants_certification")
        let totalBefore = engine.current?.total
        engine.handle(.answer("yes"))
        #expect(engine.current?.item.id == "interest.certifications")
        #expect(engine.current?.total == (totalBefore ?? 0) + 1)
        engine.handle(.answer("cloud, security"))
        // Changing the gate to "no" drops the follow-up and its answer.
        engine.handle(.back)
        engine.handle(.back)
        #expect(engine.current?.item.id == "interest.wants_certification")
        engine.handle(.answer("no"))
        #expect(engine.current?.item.id == "interest.networking")
        #expect(engine.answers[.contributor]?["interest.certifications"] == nil)
    }

    @Test func resumesAtTheFirstOpenQuestionAndFinishes() {
        var answers = answersUpTo("will.first_step")
        answers[.contributor]?["goal.horizon_months"] = nil
        var engine = DialogEngine(bank: bank, mode: .selfAssessment, answers: answers)
        #expect(engine.current?.item.id == "goal.horizon_months")
        engine.handle(.answer("18"))
        // Forward from there walks the answered questions; past the end it returns to open ones.
        #expect(engine.current?.item.id == "ladder.technical")
        var steps = 0
        while engine.current?.item.id != "will.first_step", steps < 100 {
            engine.handle(.answer(""))
            steps += 1
        }
        #expect(engine.handle(.answer("Book the course by Friday")) == .accepted(itemID: "will.first_step", value: .text("Book the course by Friday")))
        #expect(engine.isFinished)
        #expect(engine.current == nil)
        #expect(engine.handle(.answer("more")) == .finished)
    }

    /// Valid answers for every contributor question before `stop`, in asking order.
    func answersUpTo(_ stop: String) -> [Role: [String: AnswerValue]] {
        var engine = DialogEngine(bank: bank, mode: .selfAssessment)
        while let question = engine.current, question.item.id != stop {
            let input: String
            switch question.item.kind {
            case .scale: input = "4"
            case .choice(let choices): input = choices[0].value
            case .multi(let choices): input = choices[0].value
            case .pick: input = "1 2 3"
            case .integer(let min, _): input = String(min)
            case .number(let min, _): input = String(Int(min))
            case .text: input = "words"
            case .currency: input = "EUR"
            case .date: input = "2027-03-01"
            }
            engine.handle(.answer(input))
        }
        return engine.answers
    }
}
