/// A short, stored judgement of whether the posterior can be trusted, with what to do when it cannot.
///
/// Thresholds (Vehtari et al. 2021; Stan's guidance): R-hat < 1.01 for every quantity, bulk and tail ESS of at
/// least 100 per chain, no divergent transitions after warm-up; tree-depth hits only cost efficiency.
public struct Verdict: Sendable, Hashable, Codable {
    /// Overall status.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Every check passed.
        case ok
        /// Usable, with an efficiency warning (tree-depth hits).
        case warning
        /// A reliability check failed: do not trust the intervals.
        case failed
        /// An approximation with no convergence diagnostics (MAP + Laplace).
        case approximate
    }

    /// The status.
    public var status: Status
    /// One line per finding, most serious first.
    public var findings: [String]

    /// The verdict as a short paragraph.
    public var text: String { ([status.headline] + findings).joined(separator: "\n") }
    /// The verdict on one line: the headline without its full stop, then the findings, separated by "; ".
    public var line: String { ([String(status.headline.dropLast())] + findings).joined(separator: "; ") }

    /// Judges NUTS output.
    /// - Parameters:
    ///   - summaries: Per-quantity summaries with R-hat and ESS.
    ///   - sampler: Sampler statistics.
    ///   - targetAccept: The target acceptance used (for the advice).
    /// - Returns: The verdict.
    public static func nuts(summaries: [QuantitySummary], sampler: SamplerDiagnostics, targetAccept: Double) -> Verdict {
        var failures = [String]()
        var warnings = [String]()
        let minimumESS = Double(100 * sampler.chains)
        // Constant quantities (e.g. the effect share of a single paid channel) have no R-hat or ESS to judge.
        let summaries = summaries.filter { $0.sd > 0 }
        let badRHat = summaries.filter { !($0.rHat < 1.01) }
        if let worst = badRHat.max(by: { !($0.rHat <= $1.rHat) }) {
            failures.append(
                "R-hat ≥ 1.01 for \(badRHat.count) of \(summaries.count) quantities (worst \(worst.name) \(format(worst.rHat))): "
                    + "the chains disagree; run longer (--warmup, --draws) or reconsider the priors")
        }
        for (label, value) in [("bulk", \QuantitySummary.essBulk), ("tail", \QuantitySummary.essTail)] {
            let low = summaries.filter { !($0[keyPath: value] >= minimumESS) }
            if let worst = low.min(by: { !($0[keyPath: value] >= $1[keyPath: value]) }) {
                failures.append(
                    "\(label) ESS below \(Int(minimumESS)) for \(low.count) quantities (worst \(worst.name) "
                        + "\(format(worst[keyPath: value]))): too few effective draws; increase --draws")
            }
        }
        if sampler.divergences > 0 {
            // Past 0.95 a higher target rarely helps; narrower ranges (or their priors) change the geometry itself.
            let remedy =
                targetAccept < 0.95
                ? "raise --target-accept (now \(format(targetAccept)), try 0.95)"
                : "raise --target-accept further (now \(format(targetAccept)), try 0.99) or narrow the hyperparameter ranges in the config"
            failures.append(
                "\(sampler.divergences) divergent transitions after warm-up: the posterior has regions the sampler cannot "
                    + "explore; \(remedy)")
        }
        if sampler.treeDepthHits > 0 {
            warnings.append(
                "\(sampler.treeDepthHits) transitions hit the maximum tree depth \(sampler.maxTreeDepth): sampling was "
                    + "slow but is not biased by it")
        }
        if failures.isEmpty {
            let maxRHat = summaries.map(\.rHat).max() ?? .nan
            let minBulk = summaries.map(\.essBulk).min() ?? .nan
            let minTail = summaries.map(\.essTail).min() ?? .nan
            warnings.append(
                "max R-hat \(format(maxRHat)), min bulk ESS \(format(minBulk)), min tail ESS \(format(minTail)), "
                    + "no divergences (\(sampler.chains) chains × \(sampler.drawsPerChain) draws)")
        }
        return Verdict(status: !failures.isEmpty ? .failed : sampler.treeDepthHits > 0 ? .warning : .ok, findings: failures + warnings)
    }

    /// The verdict of a MAP + Laplace fit.
    /// - Parameter optimizer: The optimiser's outcome.
    /// - Returns: An `.approximate` verdict naming how the optimiser stopped.
    public static func laplace(optimizer: OptimizationResult) -> Verdict {
        Verdict(
            status: .approximate,
            findings: [
                "optimiser: \(optimizer.converged ? "converged" : "did NOT converge") (\(optimizer.reason), \(optimizer.iterations) iterations)",
                "intervals come from a Gaussian approximation at the mode and can be too narrow; use --inference nuts for a full posterior",
            ])
    }

    static func format(_ value: Double) -> String {
        value.isNaN ? "NaN" : value >= 100 ? String(Int(value.rounded())) : String((value * 1000).rounded() / 1000)
    }
}

extension Verdict.Status {
    var headline: String {
        switch self {
        case .ok: return "Converged: every diagnostic passed."
        case .warning: return "Converged, with a warning."
        case .failed: return "NOT converged: do not trust these results yet."
        case .approximate: return "Approximate (MAP + Laplace): no convergence diagnostics."
        }
    }
}
