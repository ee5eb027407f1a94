import MMMBayes

/// Monte Carlo error bounds for checking sampler output against known moments.
enum MonteCarlo {
    /// Chains × draws of coordinate `i` (or of `f` of each draw).
    static func matrix(_ chains: [ChainResult], _ f: ([Double]) -> Double) -> DrawMatrix {
        DrawMatrix(chains.map { $0.draws.map(f) })
    }

    /// The mean and its Monte Carlo standard error sd / √ESS (ESS of the split chains, Geyer's estimator).
    static func estimate(_ draws: DrawMatrix) -> (mean: Double, mcse: Double) {
        let all = draws.flattened
        let mean = all.reduce(0, +) / Double(all.count)
        let variance = all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count - 1)
        let ess = ConvergenceDiagnostics.effectiveSampleSize(draws.split)
        return (mean, (variance / ess).squareRoot())
    }

    /// Whether E[f] is within `z` Monte Carlo standard errors of `truth`; returns a message for failures.
    static func check(_ chains: [ChainResult], truth: Double, z: Double = 4, _ f: ([Double]) -> Double) -> (ok: Bool, message: String) {
        let (mean, mcse) = estimate(matrix(chains, f))
        return (abs(mean - truth) <= z * mcse, "estimate \(mean) ± \(mcse) (MCSE) vs truth \(truth)")
    }
}
