/// Splits and joins file paths as text, byte for byte.
///
/// Foundation's `NSString` path methods crash (SIGILL) on some one-character relative paths
/// (`"x"`, `"p/2026"`), so careerpath never calls them: these do the same on the text alone.
public enum PathName {
    /// The folder part of `path` without trailing slashes: `"a/b/c"` → `"a/b"`, `"/x"` → `"/"`,
    /// `"x"` → `""` (no folder named), `"x/"` → `""`.
    public static func parent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        let folder = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return folder.isEmpty ? "/" : folder
    }

    /// The last part of `path`: `"a/b.md"` → `"b.md"`, `"a/b/"` → `"b"`, `"x"` → `"x"`, `"/"` → `"/"`.
    public static func last(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return trimmed }
        let name = String(trimmed[trimmed.utf8.index(after: slash)...])
        return name.isEmpty ? "/" : name
    }

    /// `folder/name`, with one slash between them; `name` alone when `folder` is empty.
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
