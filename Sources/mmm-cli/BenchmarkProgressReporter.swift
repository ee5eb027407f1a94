import Foundation
import MMMCore
import MMMJobs

#if canImport(Glibc)
    import Glibc
#endif

/// Benchmark progress on stderr: variants and candidates in one redrawn line on a terminal, a plain line per
/// finished variant otherwise.
final class BenchmarkProgressReporter: Sendable {
    private let state = Locked((lastDraw: Date.distantPast, lastVariants: -1))
    private let enabled: Bool
    /// What the work counts: candidates of a search, or sampler iterations.
    private let unit: String
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let start = Date()

    init(enabled: Bool, unit: String = "candidates") {
        self.enabled = enabled
        self.unit = unit
    }

    @Sendable func update(_ p: BenchmarkProgress) {
        guard enabled else { return }
        let fraction = p.candidatesTotal > 0 ? Double(p.candidatesDone) / Double(p.candidatesTotal) : 1
        let elapsed = Date().timeIntervalSince(start)
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        let text = "variants \(p.variantsDone)/\(p.variantsTotal) · \(unit) \(p.candidatesDone)/\(p.candidatesTotal) · \(String(format: "%.1f", elapsed)) s, ETA \(String(format: "%.1f", eta)) s"
        let isTerminal = self.isTerminal
        state.withLock { s in
            let finished = p.variantsDone == p.variantsTotal
            if !isTerminal {
                guard p.variantsDone != s.lastVariants else { return }
                s.lastVariants = p.variantsDone
                Console.stderr("progress: " + text)
                return
            }
            guard Date().timeIntervalSince(s.lastDraw) > 0.1 || (finished && s.lastVariants != p.variantsDone) else { return }
            s.lastDraw = Date()
            s.lastVariants = p.variantsDone
            let width = 24
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data(("\r\(bar) " + text + "\u{1B}[K" + (finished ? "\n" : "")).utf8))
        }
    }
}
