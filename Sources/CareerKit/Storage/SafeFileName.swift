/// File names made from people's ids or names that can never leave their folder.
public enum SafeFileName {
    /// The most bytes a name made here has.
    public static let byteLimit = 120

    /// Letters and digits of any script, `-` and `_` kept; everything else (slashes, dots,
    /// spaces, control characters) becomes `-`; never empty, never starting with a dot, at
    /// most 80 characters and `byteLimit` bytes, cut between characters: with a session id's
    /// or a plan's parts and a staged file's around it, a file name stays within the 255 bytes
    /// a Linux file system allows.
    public static func make(_ text: String) -> String {
        var result = ""
        var lastWasDash = false
        for scalar in text.unicodeScalars {
            if scalar != "-", keeps(scalar) {
                result.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash, !result.isEmpty {
                result.append("-")
                lastWasDash = true
            }
        }
        if result.count > 80 { result = String(result.prefix(80)) }
        if result.utf8.count > byteLimit { result = result.prefix(bytes: byteLimit) }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "person" : result
    }

    /// Whether a character may stand in a name made here: a letter or digit of any script,
    /// `_`, or the `-` that replaces everything else.
    static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType == .decimal || scalar == "_" || scalar == "-"
    }

    /// The base name for a person's files: the id when there is one, else the name.
    public static func base(for person: Person) -> String {
        make(person.id ?? person.name)
    }
}
