/// Who reads a result: the contributor, spoken to as "you" (the plan documents and any
/// session they answered in), or the manager preparing alone, who reads about the
/// contributor by name ("Ana Silva's answers", "your observations").
public struct Audience: Hashable, Sendable {
    public enum Reader: Hashable, Sendable { case contributor, manager }

    public var reader: Reader
    /// The contributor's name, used when the manager reads.
    public var personName: String

    public init(reader: Reader, personName: String) {
        self.reader = reader
        self.personName = personName
    }

    /// The contributor, spoken to as "you".
    public static let contributor = Audience(reader: .contributor, personName: "")

    /// The manager, reading about `personName`.
    public static func manager(about personName: String) -> Audience {
        Audience(reader: .manager, personName: personName)
    }

    var isManager: Bool { reader == .manager }

    /// The contributor as the subject: "you" or "Ana Silva".
    var person: String { isManager ? personName : "you" }
    /// "You" or "Ana Silva", to start a sentence.
    var personAtStart: String { isManager ? personName : "You" }
    /// "your" or "Ana Silva's".
    var persons: String { isManager ? personName + "'s" : "your" }
    /// "Your" or "Ana Silva's", to start a sentence.
    var personsAtStart: String { isManager ? personName + "'s" : "Your" }
    /// The manager as the subject: "your manager" or "you".
    var manager: String { isManager ? "you" : "your manager" }
    /// "Your manager" or "You", to start a sentence.
    var managerAtStart: String { isManager ? "You" : "Your manager" }
    /// "your manager's" or "your".
    var managers: String { isManager ? "your" : "your manager's" }
}
