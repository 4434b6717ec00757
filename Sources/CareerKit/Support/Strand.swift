import Dispatch

/// A piece of work run beside another on its own thread, whose result (or error) is read
/// after both are done. The work may touch non-Sendable state only if no other strand does.
final class Strand<Value>: @unchecked Sendable {
    private let work: () throws -> Value
    private var outcome: Result<Value, any Error>?

    init(_ work: @escaping () throws -> Value) {
        self.work = work
    }

    /// Runs both at once and returns when both are done.
    static func run<Other>(_ first: Strand<Value>, _ second: Strand<Other>) {
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { first.perform() } else { second.perform() }
        }
    }

    private func perform() {
        outcome = Result { try work() }
    }

    /// The value, or the error the work threw.
    func result() throws -> Value {
        guard let outcome else { preconditionFailure("a strand is read before it has run") }
        return try outcome.get()
    }
}
