import Yams

/// Collects the problems found in one data file, so a file reports all its mistakes at once.
final class DiagnosticLog {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    var isEmpty: Bool { diagnostics.isEmpty }

    func add(_ message: String, at mark: Mark?, item: String? = nil) {
        diagnostics.append(
            Diagnostic(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message, item: item))
    }

    func add(_ message: String, line: Int, column: Int, item: String? = nil) {
        diagnostics.append(Diagnostic(path: path, line: line, column: column, message: message, item: item))
    }

    /// Names `item` in every problem logged since the log held `count` problems.
    func name(item: String, since count: Int) {
        for index in count..<diagnostics.count where diagnostics[index].item == nil { diagnostics[index].item = item }
    }

    /// Throws every collected problem, sorted by position, when there is at least one.
    func throwIfAny() throws {
        guard !diagnostics.isEmpty else { return }
        throw CareerError.invalidData(sorted())
    }

    func sorted() -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }
}
