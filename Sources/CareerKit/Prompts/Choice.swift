/// One allowed value of a choice question, with the words shown for it.
public struct Choice: Hashable, Sendable {
    /// The value stored in answer files, e.g. `not_now`.
    public var value: String
    /// The words shown to people, e.g. "not right now".
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

extension Choice {
    /// Why a label cannot be told apart from other input at a question, or nil when it can: a
    /// label of digits reads as a choice's number, one starting with `:` as a command, `?` as
    /// the request for help; an empty one cannot be typed.
    static func unusableLabel(_ label: String) -> String? {
        let text = label.trimmingWhitespace()
        if text.isEmpty { return "is empty" }
        if text.allSatisfy(\.isNumber) { return "is a number, which reads as the choice's position" }
        if text.hasPrefix(":") { return "starts with ':', which starts a command" }
        if text == "?" { return "is '?', which asks for help" }
        return nil
    }
}
