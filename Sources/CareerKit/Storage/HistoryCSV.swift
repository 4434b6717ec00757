import Foundation

/// Recorded sessions as CSV rows for HR systems, cells neutralised against spreadsheet formulas.
///
/// The columns after `session_id` came later and are added at the end, so an import set up
/// for the first twenty keeps working: the manager (name and id), the level titles, and the
/// plan's committed budget in its own currency and in the catalog's.
public enum HistoryCSV {
    public static let header = [
        "person_id", "person_name", "date", "mode", "source", "current_level", "recommended_track", "archetype",
        "confidence", "fit_ic", "fit_management", "fit_hybrid", "target_level", "flags", "plan_items", "items_done",
        "items_in_progress", "items_dropped", "items_not_started", "session_id", "manager_id", "manager_name",
        "current_level_title", "target_level_title", "budget_committed", "currency", "budget_committed_catalog",
        "catalog_currency",
    ]

    /// - Parameter prompts: the ladder for the level titles and the catalog for its currency
    ///   and rates; without it those cells are empty.
    public static func render(_ records: [HistoryRecord], prompts: PromptSet? = nil) throws -> String {
        func number(_ value: Double?) -> String { value.map(formatOneDecimal) ?? "" }
        func title(_ id: String) -> String { prompts?.ladder.level(id)?.title ?? "" }
        var text = CSVFile.line(header)
        for record in records {
            let document = Document(record.document)
            let committed = document.number("plan", "budget", "committed")
            let currency = document.text("plan", "budget", "currency") ?? ""
            let rate = prompts.flatMap { $0.catalog.convert(1, to: currency) }
            let row = [
                record.personID ?? "", record.personName, record.date, record.mode, record.source, record.currentLevel,
                record.recommended, record.archetype, record.confidence, number(record.fits["ic"]),
                number(record.fits["management"]), number(record.fits["hybrid"]), record.targetLevel,
                record.flags.joined(separator: ";"), String(record.items.count),
            ] + ItemStatus.allCases.map { status in
                String(record.items.filter { $0.status == status }.count)
            } + [
                record.id, document.text("session", "manager_id") ?? "", document.text("session", "manager") ?? "",
                title(record.currentLevel), title(record.targetLevel), number(committed), committed == nil ? "" : currency,
                rate.flatMap { rate in committed.map { number($0 / rate) } } ?? "",
                rate == nil || committed == nil ? "" : prompts?.catalog.currency ?? "",
            ]
            text += CSVFile.line(row)
        }
        return text
    }

    /// The few values of a record's plan document the export reads.
    private struct Document {
        let value: JSONValue

        init(_ text: String) {
            value = (try? JSONValue(parsing: text)) ?? .null
        }

        func member(_ path: [String]) -> JSONValue? {
            var current = value
            for key in path {
                guard case .object(let members) = current, let found = members.first(where: { $0.0 == key }) else { return nil }
                current = found.1
            }
            return current
        }

        func text(_ path: String...) -> String? {
            if case .string(let text)? = member(path) { return text }
            return nil
        }

        func number(_ path: String...) -> Double? {
            switch member(path) {
            case .number(let value)?: return value
            case .integer(let value)?: return Double(value)
            default: return nil
            }
        }
    }
}
