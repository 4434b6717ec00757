import Foundation

/// Progress on standard error: a bar with rows per second and time left on a terminal, a
/// line every few seconds otherwise, nothing with --quiet.
struct ProgressReporter {
    let total: Int?
    let quiet: Bool
    let terminal: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast

    init(total: Int?, quiet: Bool, terminal: Bool) {
        self.total = total
        self.quiet = quiet
        self.terminal = terminal
    }

    mutating func update(done: Int, failed: Int) {
        guard !quiet else { return }
        let now = Date()
        let interval = terminal ? 0.1 : 5
        guard now.timeIntervalSince(lastDrawn) >= interval else { return }
        lastDrawn = now
        Terminal.standardError.write(line(done: done, failed: failed, final: false))
    }

    mutating func finish(done: Int, failed: Int) {
        guard !quiet else { return }
        Terminal.standardError.write(line(done: done, failed: failed, final: true) + (terminal ? "\n" : ""))
    }

    private func line(done: Int, failed: Int, final: Bool) -> String {
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let rate = Double(done) / elapsed
        var text = "\(done) rows"
        if var total, total > 0 {
            total = max(total, done)  // the count is an estimate: never show more done than total
            let fraction = min(1, Double(done) / Double(total))
            if terminal {
                let width = 30
                let filled = Int((fraction * Double(width)).rounded())
                text = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
                    + "\(done)/\(total)"
            } else {
                text = "\(done)/\(total) rows"
            }
            if !final, rate > 0 {
                let left = Double(max(0, total - done)) / rate
                text += ", \(Int(left.rounded())) s left"
            }
        }
        text += ", \(Int(rate.rounded())) rows/s"
        if failed > 0 { text += ", \(failed) failed" }
        if final { text += ", done in \(String(format: "%.1f", elapsed)) s" }
        return terminal ? "\r\u{1B}[K" + text : text + "\n"
    }
}
