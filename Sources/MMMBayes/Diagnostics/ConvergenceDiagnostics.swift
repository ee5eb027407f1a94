import Foundation

/// Rank-normalised split R-hat, bulk ESS and tail ESS (Vehtari, Gelman, Simpson, Carpenter & Bürkner 2021), computed
/// as ArviZ computes them (`rhat(method="rank")`, `ess(method="bulk")`, `ess(method="tail")`).
public enum ConvergenceDiagnostics {
    /// max(R-hat of the rank-normalised split chains, R-hat of the rank-normalised folded split chains).
    /// - Parameter draws: At least 2 chains of at least 4 draws.
    /// - Returns: R̂ (≥ 1 in practice; < 1.01 is the recommended threshold); NaN if undefined.
    public static func rankNormalizedRHat(_ draws: DrawMatrix) -> Double {
        guard draws.chainCount >= 2, draws.drawCount >= 4, isValid(draws) else { return .nan }
        let split = draws.split
        return Swift.max(rHat(split.rankNormalised), rHat(split.folded.rankNormalised))
    }

    /// Bulk effective sample size: the ESS of the rank-normalised split chains.
    /// - Parameter draws: At least 1 chain of at least 4 draws.
    /// - Returns: The bulk ESS; NaN if undefined.
    public static func bulkESS(_ draws: DrawMatrix) -> Double {
        guard draws.drawCount >= 4, isValid(draws) else { return .nan }
        return effectiveSampleSize(draws.split.rankNormalised)
    }

    /// Tail effective sample size: the smaller ESS of the indicators x ≤ q₀.₀₅ and x ≤ q₀.₉₅ (split chains).
    /// - Parameter draws: At least 1 chain of at least 4 draws.
    /// - Returns: The tail ESS; NaN if undefined.
    public static func tailESS(_ draws: DrawMatrix) -> Double {
        guard draws.drawCount >= 4, isValid(draws) else { return .nan }
        let sorted = draws.flattened.sorted()
        return [0.05, 0.95].map { p in
            let q = DrawMatrix.quantile(sorted: sorted, p)
            return effectiveSampleSize(DrawMatrix(draws.chains.map { $0.map { $0 <= q ? 1 : 0 } }).split)
        }.min() ?? .nan
    }

    /// The classic (Gelman–Rubin) potential scale reduction of the given chains, without splitting or ranking.
    /// - Parameter draws: The chains.
    /// - Returns: √((B/W + n − 1) / n).
    public static func rHat(_ draws: DrawMatrix) -> Double {
        let n = Double(draws.drawCount)
        let means = draws.chains.map(mean)
        let within = draws.chains.map { variance($0) }.reduce(0, +) / Double(draws.chainCount)
        let between = n * variance(means)
        return ((between / within + n - 1) / n).squareRoot()
    }

    /// The effective sample size of the given chains with Geyer's initial monotone sequence estimator of the
    /// autocorrelation time (no splitting or ranking).
    /// - Parameter draws: The chains.
    /// - Returns: The ESS.
    public static func effectiveSampleSize(_ draws: DrawMatrix) -> Double {
        let all = draws.flattened
        guard let lo = all.min(), let hi = all.max() else { return .nan }
        if hi - lo < 1e-15 { return Double(all.count) }
        let m = draws.chainCount
        let n = draws.drawCount
        let autocovariance = Autocovariance(draws.chains)
        let means = draws.chains.map(mean)
        let meanVariance = autocovariance.mean(lag: 0) * Double(n) / Double(n - 1)
        var variancePlus = meanVariance * Double(n - 1) / Double(n)
        if m > 1 { variancePlus += variance(means) }
        func rho(_ lag: Int) -> Double { 1 - (meanVariance - autocovariance.mean(lag: lag)) / variancePlus }
        var rhoHat = [Double](repeating: 0, count: n)
        var even = 1.0
        var odd = rho(1)
        rhoHat[0] = even
        rhoHat[1] = odd
        // Geyer's initial positive sequence.
        var t = 1
        while t < n - 3, even + odd > 0 {
            even = rho(t + 1)
            odd = rho(t + 2)
            if even + odd >= 0 {
                rhoHat[t + 1] = even
                rhoHat[t + 2] = odd
            }
            t += 2
        }
        let maxT = t - 2
        if even > 0 { rhoHat[maxT + 1] = even }
        // Geyer's initial monotone sequence.
        t = 1
        while t <= maxT - 2 {
            if rhoHat[t + 1] + rhoHat[t + 2] > rhoHat[t - 1] + rhoHat[t] {
                rhoHat[t + 1] = (rhoHat[t - 1] + rhoHat[t]) / 2
                rhoHat[t + 2] = rhoHat[t + 1]
            }
            t += 2
        }
        let total = Double(m * n)
        let head = rhoHat[0..<Swift.max(maxT + 1, 0)].reduce(0, +)
        let next = maxT + 1 < n ? rhoHat[maxT + 1] : 0
        let tau = Swift.max(-1 + 2 * head + next, 1 / Foundation.log10(total))
        return rhoHat.contains(where: \.isNaN) ? .nan : total / tau
    }

    static func isValid(_ draws: DrawMatrix) -> Bool {
        draws.chainCount > 0 && draws.chains.allSatisfy { $0.count == draws.drawCount && $0.allSatisfy(\.isFinite) }
    }

    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    /// Unbiased variance (ddof = 1).
    static func variance(_ x: [Double]) -> Double {
        let m = mean(x)
        return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
    }
}

/// Per-chain autocovariances (biased, ÷ n), computed lag by lag on demand: the ESS estimator usually needs only
/// the first few lags.
struct Autocovariance {
    private let centred: [[Double]]

    init(_ chains: [[Double]]) {
        centred = chains.map { chain in
            let m = ConvergenceDiagnostics.mean(chain)
            return chain.map { $0 - m }
        }
    }

    /// The mean over chains of the lag-`lag` autocovariance.
    func mean(lag: Int) -> Double {
        var total = 0.0
        for x in centred {
            let n = x.count
            var sum = 0.0
            x.withUnsafeBufferPointer { p in
                for i in 0..<(n - lag) { sum += p[i] * p[i + lag] }
            }
            total += sum / Double(n)
        }
        return total / Double(centred.count)
    }
}
