/// One problem in a data file, located to its line and column.
///
/// Its description is the one line a person sees: `path:line:column: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The item (or column) the problem is about, when there is one.
    public var item: String?

    public init(path: String, line: Int, column: Int, message: String, item: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.item = item
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }
}
