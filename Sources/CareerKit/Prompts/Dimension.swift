/// The eight dimensions every score and level expectation is expressed in.
public enum Dimension {
    /// The dimension names, in the order reports show them.
    public static let names = [
        "technical_depth", "maker_energy", "focus_protection", "growing_people", "hard_conversations",
        "outcomes_through_others", "technical_leverage", "challenge",
    ]

    /// Titles joined as people write lists: "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

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
        case "challenge": return "Challenging work"
        default: return name
        }
    }
}
