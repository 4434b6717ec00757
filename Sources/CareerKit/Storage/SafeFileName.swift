/// File names made from people's ids or names that can never leave their folder.
public enum SafeFileName {
    /// Letters and digits of any script, `-` and `_` kept; everything else (slashes, dots,
    /// spaces, control characters) becomes `-`; never empty, never starting with a dot, at
    /// most 80 characters.
    public static func make(_ text: String) -> String {
        var result = ""
        var lastWasDash = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            let keep = properties.isAlphabetic || properties.numericType == .decimal || scalar == "_"
            if keep {
                result.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash, !result.isEmpty {
                result.append("-")
                lastWasDash = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        if result.count > 80 { result = String(result.prefix(80)) }
        return result.isEmpty ? "person" : result
    }

    /// The base name for a person's files: the id when there is one, else the name.
    public static func base(for person: Person) -> String {
        make(person.id ?? person.name)
    }
}
