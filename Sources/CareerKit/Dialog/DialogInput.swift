/// What a person can do at a question.
public enum DialogInput: Hashable, Sendable {
    /// A typed answer: a number, a label, or a prefix of a label. Empty keeps an earlier answer,
    /// or skips an optional question.
    case answer(String)
    /// Go to the previous question.
    case back
    /// Leave an optional question unanswered.
    case skip
}
