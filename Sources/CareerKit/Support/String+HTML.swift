extension String {
    /// The text made safe inside HTML or SVG, in an element or a quoted attribute.
    var htmlEscaped: String {
        // Most texts need nothing: check the bytes before building a new string.
        guard containsUTF8Byte(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return self }
        var result = ""
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
