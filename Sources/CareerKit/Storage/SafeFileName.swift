/// File names made from people's ids or names that can never leave their folder.
public enum SafeFileName {
    /// Letters, digits, `-` and `_` kept; everything else (slashes, dots, spaces) becomes `-`;
    /// never empty, never starting with a dot, at most 80 characters.
    public static func make(_ text: String) -> String {
        var result = ""
        var lastWasDash = false
        for scalar in text.unicodeScalars {
            let keep = (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") && scalar.isASCII
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
