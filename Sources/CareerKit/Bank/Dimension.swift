/// The eight dimensions every score and level expectation is expressed in.
public enum Dimension {
    /// The dimension names, in the order reports show them.
    public static let names = [
        "technical_depth", "maker_energy", "focus_protection", "growing_people", "hard_conversations",
        "outcomes_through_others", "technical_leverage", "challenge",
    ]

    /// The plain-words title of a dimension, for reports.
    public static func title(_ name: String) -> String {
        switch name {
        case "technical_depth": return "Technical depth"
        case "maker_energy": return "Maker energy"
        case "focus_protection": return "Focus protection"
        case "growing_people": return "Growing people"
        case "hard_conversations": return "Hard conversations"
        case "outcomes_through_others": return "Outcomes through others"
        case "technical_leverage": return "Technical leverage"
        case "challenge": return "Challenge and projects"
        default: return name
        }
    }
}
