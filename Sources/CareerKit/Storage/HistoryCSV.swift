import Foundation

/// Recorded sessions as CSV rows for HR systems, cells neutralised against spreadsheet formulas.
public enum HistoryCSV {
    public static let header = [
        "person_id", "person_name", "date", "mode", "source", "current_level", "recommended_track", "archetype",
        "confidence", "fit_ic", "fit_management", "fit_hybrid", "target_level", "flags", "plan_items", "items_done",
        "items_in_progress", "items_dropped", "items_not_started", "session_id",
    ]

    public static func render(_ records: [HistoryRecord]) throws -> String {
        func number(_ value: Double?) -> String { value.map(formatOneDecimal) ?? "" }
        var text = CSVFile.line(header)
        for record in records {
            let row = [
                record.personID ?? "", record.personName, record.date, record.mode, record.source, record.currentLevel,
                record.recommended, record.archetype, record.confidence, number(record.fits["ic"]),
                number(record.fits["management"]), number(record.fits["hybrid"]), record.targetLevel,
                record.flags.joined(separator: ";"), String(record.items.count),
            ] + ItemStatus.allCases.map { status in
                String(record.items.filter { $0.status == status }.count)
            } + [record.id]
            text += CSVFile.line(row)
        }
        return text
    }
}
