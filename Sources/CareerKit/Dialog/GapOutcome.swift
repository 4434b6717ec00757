/// What the two people decided about one difference between their views.
public struct GapOutcome: Codable, Hashable, Sendable {
    public enum Resolution: String, Codable, Sendable {
        /// They agreed on a value; it replaces the manager's prepared answer.
        case agreed
        /// Both views stand, with a note on why.
        case kept
        /// Left for another time; both views stand as prepared.
        case skipped
    }

    public var resolution: Resolution
    /// The agreed answer, as files write it.
    public var value: String?
    /// Why both views stand.
    public var note: String?

    public init(resolution: Resolution, value: String? = nil, note: String? = nil) {
        self.resolution = resolution
        self.value = value
        self.note = note
    }
}
