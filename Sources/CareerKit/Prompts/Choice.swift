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
