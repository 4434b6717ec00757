import CareerKit

/// The first screen's words: what the session picked up and how many questions it asks.
enum TalkOpening {
    /// A one-on-one that follows one preparation or both.
    static func prepared(_ record: SessionRecord, preparations: Preparations, leftOut: [ViewGap], prompts: PromptSet) -> String {
        let engine = record.engine(bank: prompts.bank)
        let person = record.person.name
        let manager = record.managerName ?? "the manager"
        let window = Preparations.windowDays
        func done(_ preparation: SessionRecord, _ kind: String) -> String {
            "on \(preparation.date) (\(kind), \(count(preparation.answeredCount, "answer")))"
        }
        switch (preparations.selfAssessment, preparations.managerPreparation) {
        case (let own?, let seen?):
            let gaps = (record.agenda ?? []).filter { if case .gap = $0 { return true } else { return false } }.count
            let questions = engine.stepCount - gaps
            var text = "\(person) prepared \(done(own, "self-assessment")) and \(manager) \(done(seen, "manager's preparation")). "
            text += "This one-on-one asks only what is left: "
            text += gaps == 0
                ? "your views differ nowhere that needs talking through, so it goes on to "
                : "\(count(gaps, "place")) where your views differ, one at a time, then "
            text += "\(count(questions, "question")) on options and next steps; \(count(engine.stepCount, "question")) in all."
            if !leftOut.isEmpty {
                text += " Also different, and listed in the plan: \(Dimension.list(leftOut.map(MeetingNotes.title)))."
            }
            text += " To start from the first question instead: \(CommandLineHint.command("talk", "--person", person, "--fresh"))"
            return text
        case (let own?, nil):
            return "\(person) prepared \(done(own, "self-assessment")); there is no manager's preparation from the last \(window) days. "
                + "This one-on-one asks only \(manager == "the manager" ? "the manager's" : manager + "'s") questions: \(count(engine.stepCount, "question"))."
        case (nil, let seen?):
            return "\(manager) prepared \(done(seen, "manager's preparation")); there is no self-assessment by \(person) from the last \(window) days. "
                + "This one-on-one asks only \(person)'s questions: \(count(engine.stepCount, "question"))."
        case (nil, nil):
            return unprepared(record, fresh: false, prompts: prompts)
        }
    }

    /// A session that picks up nothing: a preparation, or a one-on-one from the first question.
    static func unprepared(_ record: SessionRecord, fresh: Bool, prompts: PromptSet) -> String {
        let questions = count(record.engine(bank: prompts.bank).stepCount, "question")
        let person = record.person.name
        switch record.mode {
        case .selfAssessment:
            return "\(person)'s self-assessment: \(questions). Your manager prepares their own view alone; "
                + "the one-on-one then talks about where the two differ."
        case .manager:
            let who = record.managerName.map { "\($0)'s preparation" } ?? "A manager's preparation"
            return "\(who) for \(person): \(questions). Answer from what you have seen yourself; "
                + "where you have had no chance to observe something yet, n/a is a fair answer."
        case .oneOnOne:
            if fresh { return "A one-on-one from the first question, without preparations or last time's answers: \(questions)." }
            return "No preparation from the last \(Preparations.windowDays) days was found, so this one-on-one goes through "
                + "every question: \(questions). Next time, each of you can prepare alone first, with "
                + "\(CommandLineHint.command("talk", "--mode", "self")) and \(CommandLineHint.command("talk", "--mode", "manager"))."
        }
    }

    /// A session that follows the person's last one of the same kind.
    static func followUp(_ record: SessionRecord, followUp: FollowUp, prompts: PromptSet) -> String {
        let questions = record.engine(bank: prompts.bank).stepCount
        let person = record.person.name
        var text = "This follows \(person)'s last \(kind(record.mode)), on \(followUp.date). "
        text += "It asks again only what is likely to have changed: \(count(questions, "question")), each showing last time's answer (Enter keeps it)."
        if followUp.keptCount > 0 {
            text += " The other \(count(followUp.keptCount, "answer")), on what rarely changes, are kept as they were."
        }
        var again = ["talk", "--person", person]
        if record.mode != .oneOnOne { again += ["--mode", record.mode.rawValue] }
        text += " To answer everything again: \(CommandLineHint.command(again + ["--fresh"]))"
        return text
    }

    /// The kind of session in words: one-on-one, self-assessment, manager's preparation.
    static func kind(_ mode: Mode) -> String {
        switch mode {
        case .oneOnOne: "one-on-one"
        case .selfAssessment: "self-assessment"
        case .manager: "manager's preparation"
        }
    }

    static func count(_ number: Int, _ what: String) -> String {
        "\(number) \(what)\(number == 1 ? "" : "s")"
    }
}
