import Foundation
import MMMCore

#if canImport(Glibc)
    import Glibc
#endif

/// Training progress on stderr: one redrawn line on a terminal, plain lines every 10 % otherwise (Cloud Run logs).
final class ProgressReporter: Sendable {
    private struct State: Sendable {
        var lastDraw = Date.distantPast
        var lastDecile = -1
    }

    private let state = Locked(State())
    private let isTerminal: Bool
    private let enabled: Bool
    private let start = Date()

    /// - Parameter enabled: false with --quiet or --json.
    init(enabled: Bool) {
        self.enabled = enabled
        self.isTerminal = isatty(STDERR_FILENO) == 1
    }

    /// Reports `done` of `total` candidates and the best errors so far.
    func update(done: Int, total: Int, bestNRMSE: Double?, bestRSSD: Double?) {
        guard enabled else { return }
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let elapsed = Date().timeIntervalSince(start)
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        let metrics = "lowest so far: NRMSE \(format(bestNRMSE)), DECOMP.RSSD \(format(bestRSSD))"
        let isTerminal = self.isTerminal
        state.withLock { s in
            guard isTerminal else {
                let decile = Int(fraction * 10)
                guard decile != s.lastDecile else { return }
                s.lastDecile = decile
                Console.stderr(
                    "progress: \(done)/\(total) candidates (\(Int(fraction * 100))%), \(metrics), ETA \(String(format: "%.1f", eta)) s")
                return
            }
            guard Date().timeIntervalSince(s.lastDraw) > 0.1 || done == total else { return }
            s.lastDraw = Date()
            let width = 28
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let text = "\r\(bar) \(done)/\(total) · \(metrics) · ETA \(String(format: "%.1f", eta)) s\u{1B}[K"
            FileHandle.standardError.write(Data((done == total ? text + "\n" : text).utf8))
        }
    }

    private func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.4f", value)
    }
}
