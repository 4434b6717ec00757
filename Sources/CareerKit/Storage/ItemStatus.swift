/// What became of a plan item or a check-in since it was planned. The raw values are what
/// the history database, session files, CSV and JSON hold.
public enum ItemStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case done
    case inProgress = "in_progress"
    case dropped
    case notStarted = "not_started"

    /// In words, e.g. "in progress".
    public var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// Done or dropped: a new plan does not propose it again. Otherwise it is carried forward.
    public var isClosed: Bool { self == .done || self == .dropped }

    /// The status a history database holds.
    /// - Throws: `CareerError.damagedDatabase`, naming `row`, for a status careerpath does not write.
    init(stored: String, path: String, row: String) throws {
        guard let status = ItemStatus(rawValue: stored) else {
            throw CareerError.damagedDatabase(
                path: path,
                reason: "\(row): the status \(PrintableText.quoted(stored)) is not one of "
                    + ItemStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = status
    }
}
