import ArgumentParser
import CareerKit

/// `--map MAP.yaml`, shared by `bulk` and `validate`: read CSV inputs as a form export
/// through a column map.
struct MapOption: ParsableArguments {
    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "A column map (YAML) saying which column of a form export holds each item and what its answer words mean; CSV inputs are read through it. `careerpath template map` prints a starter.",
            valueName: "map"))
    var path: String?

    /// The map, checked against the bank; nil without `--map`.
    func load(_ prompts: PromptSet, extraColumns: Set<String> = []) throws -> ColumnMap? {
        try path.map { try ColumnMapLoader.load(path: $0, prompts: prompts, extraColumns: extraColumns) }
    }

    /// One line per sheet naming the headings the map places nowhere.
    static func notes(_ source: BulkSource) -> [String] {
        source.unplacedHeadings().map { sheet in
            let count = sheet.headings.count
            let listed = sheet.headings.prefix(6).map { heading in
                (heading.heading.isEmpty ? "an empty heading" : PrintableText.quoted(heading.heading)) + " (column \(heading.column))"
            }
            let more = count > 6 ? " and \(count - 6) more" : ""
            return "\(PrintableText.escaped(sheet.path)): note: the map places \(count == 1 ? "one heading" : "\(count) headings") nowhere, so \(count == 1 ? "its column is" : "their columns are") left out: \(listed.joined(separator: ", "))\(more)."
        }
    }
}
