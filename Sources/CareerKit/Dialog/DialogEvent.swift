/// What happened after an input. The engine's `current` then says what to ask next.
public enum DialogEvent: Hashable, Sendable {
    /// The answer was accepted (or an earlier answer kept) and the dialog moved on.
    case accepted(itemID: String, value: AnswerValue)
    /// The answer was not accepted; the same question stands.
    case rejected(itemID: String, problem: AnswerProblem)
    /// Both views of a difference stand, with a note on why; the dialog moved on.
    case keptBoth(topic: GapTopic)
    /// The optional question (or a difference, left for another time) was left unanswered
    /// and the dialog moved on.
    case skipped(itemID: String)
    /// The question must be answered; it cannot be skipped.
    case cannotSkip(itemID: String)
    /// The dialog went back to an earlier question.
    case wentBack(toItemID: String)
    /// There is no earlier question to go back to.
    case atFirstQuestion
    /// Every question has been dealt with; there is nothing left to ask.
    case finished
}
