import ArgumentParser
import CareerKit

/// A `--format` value: names separated by commas, each a case of `Format`, repeats dropped,
/// in the order given. Shared by `run` and `bulk`; typed here, at parse time.
enum FormatList {
    static func parse<Format: RawRepresentable & CaseIterable>(_ text: String) throws -> [Format] where Format.RawValue == String {
        let allowed = Format.allCases.map(\.rawValue)
        var result: [Format] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        where !name.isEmpty {
            guard let format = Format(rawValue: name) else {
                throw ValidationError("unknown format '\(name)'; allowed: \(allowed.joined(separator: ", "))")
            }
            if !result.contains(where: { $0.rawValue == format.rawValue }) { result.append(format) }
        }
        guard !result.isEmpty else {
            throw ValidationError("--format needs at least one of \(allowed.joined(separator: ", "))")
        }
        return result
    }
}

/// What `run --format` can name: the terminal report, or a plan document.
enum RunFormat: String, CaseIterable {
    case text, md, json, html

    /// The plan document, or nil for the terminal report.
    var document: PlanRenderer.Format? { PlanRenderer.Format(rawValue: rawValue) }
}
