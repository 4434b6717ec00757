/// One problem in a data file, located to its line and column.
///
/// Its description is the one line a person sees: `path:line:column: message`, with any
/// control character in the path or the message written out as an escape.
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

    public var description: String {
        "\(PrintableText.escaped(path)):\(line):\(column): \(PrintableText.escaped(message))"
    }
}
