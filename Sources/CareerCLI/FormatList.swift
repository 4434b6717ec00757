import ArgumentParser

/// A `--format` value: names separated by commas, each one of `allowed`, repeats dropped,
/// in the order given. Shared by `run` and `bulk`.
enum FormatList {
    static func parse(_ text: String, allowed: [String]) throws -> [String] {
        var result: [String] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        where !name.isEmpty {
            guard allowed.contains(name) else {
                throw ValidationError("unknown format '\(name)'; allowed: \(allowed.joined(separator: ", "))")
            }
            if !result.contains(name) { result.append(name) }
        }
        guard !result.isEmpty else {
            throw ValidationError("--format needs at least one of \(allowed.joined(separator: ", "))")
        }
        return result
    }
}
