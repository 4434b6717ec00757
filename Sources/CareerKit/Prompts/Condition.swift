/// Asks a question only when an earlier answer makes it relevant.
public struct Condition: Hashable, Sendable {
    public enum Test: Hashable, Sendable {
        /// The earlier answer is one of these values (or, for a list, contains one of them).
        case anyOf([String])
        /// The earlier answer is a number no lower than this.
        case atLeast(Double)
        /// The earlier answer is a number no higher than this.
        case atMost(Double)
        /// The earlier question was answered at all.
        case answered
    }

    /// The id of the earlier item, answered by the same role.
    public var item: String
    public var test: Test

    public init(item: String, test: Test) {
        self.item = item
        self.test = test
    }

    /// Whether the question should be asked, given the earlier answer (nil when unanswered).
    public func holds(for answer: AnswerValue?) -> Bool {
        guard let answer else { return false }
        switch test {
        case .answered:
            return true
        case .anyOf(let values):
            switch answer {
            case .list(let items): return items.contains(where: values.contains)
            default: return values.contains(answer.text)
            }
        case .atLeast(let bound):
            return answer.numeric.map { $0 >= bound } ?? false
        case .atMost(let bound):
            return answer.numeric.map { $0 <= bound } ?? false
        }
    }
}
