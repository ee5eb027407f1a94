import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Training progress on stderr: one redrawn line on a terminal, plain lines every 10 % otherwise (Cloud Run logs).
final class ProgressReporter: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`; the reporter is called from the training task and the
    // console-log writer at the same time.
    private let lock = NSLock()
    private let isTerminal: Bool
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var lastDecile = -1
    private let log: (@Sendable (String) -> Void)?

    /// - Parameters:
    ///   - enabled: false with --quiet or --json.
    ///   - log: receives every plain progress line (for console.log).
    init(enabled: Bool, log: (@Sendable (String) -> Void)? = nil) {
        self.enabled = enabled
        self.isTerminal = isatty(STDERR_FILENO) == 1
        self.log = log
    }

    /// Reports `done` of `total` candidates and the best errors so far.
    func update(done: Int, total: Int, bestNRMSE: Double?, bestRSSD: Double?) {
        lock.lock()
        defer { lock.unlock() }
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let elapsed = Date().timeIntervalSince(start)
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        let metrics = "best NRMSE \(format(bestNRMSE)) DECOMP.RSSD \(format(bestRSSD))"
        let decile = Int(fraction * 10)
        if decile != lastDecile {
            lastDecile = decile
            let line = "progress: \(done)/\(total) candidates (\(Int(fraction * 100))%), \(metrics), ETA \(String(format: "%.1f", eta)) s"
            log?(line)
            if enabled && !isTerminal { Console.stderr(line) }
        }
        guard enabled, isTerminal, Date().timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = Date()
        let width = 28
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let text = "\r\(bar) \(done)/\(total) · \(metrics) · ETA \(String(format: "%.1f", eta)) s\u{1B}[K"
        FileHandle.standardError.write(Data(text.utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.4f", value)
    }
}
