/// How a form or survey tool's export becomes a careerpath sheet (`bulk --map`,
/// `validate --map`): for each item id, or person, manager or session field, which column of
/// the export holds it (its heading, exactly as in the first row, or its position), and what
/// the form's answer words mean ("Strongly agree" -> 6, "Not right now" -> `not_now`).
///
/// A map is read once (`ColumnMapLoader`), placed on each sheet's header (`bind`), and then
/// turns each cell into the value the sheet would hold as the row is read, so everything after
/// the reader is unchanged.
public struct ColumnMap: Sendable {
    /// Where the export holds a column.
    public enum Source: Sendable, Hashable {
        /// The column's heading, exactly as in the export's first row.
        case heading(String)
        /// The column's position, 1 = the first.
        case position(Int)
    }

    /// The words an answer may be given in, and the value each stands for.
    public struct Words: Sendable, Hashable {
        /// By word as matched (`ColumnMap.matchKey`), the stored value (`6`, `n/a`, `not_now`).
        var values: [String: String]
        /// The words as the map writes them, in its order, for messages.
        var listed: [String]
        /// Where the words come from, for messages: "the words of scale agree6".
        var origin: String

        /// The value a word stands for, or nil when the map does not give the word.
        public func value(of word: String) -> String? { values[ColumnMap.matchKey(word)] }
    }

    /// One column of the map.
    public struct Entry: Sendable {
        /// The sheet column it fills: `person.name`, `contributor.depth.mastery`.
        public var key: String
        /// The item it answers; nil for person, manager and session fields and extra columns.
        public var item: BankItem?
        public var source: Source
        /// For scale items, the answer words; for choice and list items, the form's labels.
        public var words: Words?
        /// Where the entry's key is written in the map.
        public var line: Int
        public var column: Int
    }

    /// A heading of the sheet the map places nowhere: its column is left out.
    public struct Unplaced: Sendable, Hashable {
        /// 1-based.
        public var column: Int
        public var heading: String
    }

    /// The map file, for messages.
    public let path: String
    public let entries: [Entry]
    /// What separates the values of a list cell in the export (`;` unless the map says, e.g. `, `).
    public let listSeparator: String

    public init(path: String, entries: [Entry], listSeparator: String = ";") {
        self.path = path
        self.entries = entries
        self.listSeparator = listSeparator
    }

    /// How answer words and headings are matched leniently: case and runs of spaces do not
    /// count ("Strongly  agree" is "strongly agree").
    static func matchKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension ColumnMap {
    /// Why a cell's answer was not taken.
    public struct Refusal: Error, Sendable {
        public var message: String
    }
}
