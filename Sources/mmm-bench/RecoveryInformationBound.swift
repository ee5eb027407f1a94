import Foundation
import MMMBayes
import MMMCore
import MMMEngine

/// How well ANY estimator could recover the main channels' ROIs on a simulated data set: a lower bound on the
/// expected ROI MAE of issue 17's quality figure (docs/bayes.md "How far the data can go").
///
/// The bound gives the estimator strictly more than any model has: the true baseline, every channel's true adstock and
/// Hill curve, every *other* channel's true effect, the noise level, and the simulator's own ROI distribution
/// (uniform on `roiRange`) as its prior. What remains is one number per channel — its coefficient — seen through
/// Gaussian noise: the data give the ROI with standard error σ·Σh / (spend·√Σh²) (h the true saturated series over the
/// window), a lift study adds a measurement with relative error `liftError`. Under absolute loss (the MAE) the best
/// estimator is the posterior median, which still errs by the Bayes risk E|median(r | x) − r|, computed here by
/// quadrature; the bound is its mean over the main channels. More unknowns (the curves, the baseline, correlated
/// channels) can only add to it.
enum RecoveryInformationBound {
    /// Per main channel: its variable, the ROI standard error from the data alone and with its lift study, if any.
    struct Channel {
        var variable: String
        var dataSE: Double
        var combinedSE: Double
    }

    /// The main channels' standard errors.
    /// - Parameters:
    ///   - truth: the simulation's truth.
    ///   - lifts: whether the truth's lift studies count.
    ///   - liftError: a study's relative measurement error.
    ///   - mainShare: the spend share from which a paid channel is main (as `evaluate`).
    static func channels(_ truth: Truth, lifts: Bool, liftError: Double, mainShare: Double = 0.03) -> [Channel] {
        let window = windowRows(truth)
        let spendTotal = truth.paidChannels.reduce(0.0) { $0 + ($1.totalSpend ?? 0) }
        let tested = Set(truth.liftTests.map(\.study.channel))
        var result: [Channel] = []
        for channel in truth.paidChannels where !channel.placebo {
            guard let spend = channel.totalSpend, spendTotal > 0, spend / spendTotal >= mainShare, channel.coefficient > 0,
                let contributions = truth.rows.contributions[channel.variable], let roi = channel.roi
            else { continue }
            guard let dataSE = roiSE(saturated: window.map { contributions[$0] / channel.coefficient }, spend: spend, noiseSD: truth.noiseSD)
            else { continue }
            var combined = dataSE
            if lifts, tested.contains(channel.spendColumn ?? channel.variable) || tested.contains(channel.variable) {
                let liftSE = liftError * roi
                combined = 1 / (1 / (dataSE * dataSE) + 1 / (liftSE * liftSE)).squareRoot()
            }
            result.append(Channel(variable: channel.variable, dataSE: dataSE, combinedSE: combined))
        }
        return result
    }

    /// The placebo channel's ROI standard error from the data, as ``channels(_:lifts:liftError:mainShare:)`` computes
    /// it for a real channel (its true adstock and Hill curve, the engine's transforms, applied to its spend), and the
    /// probability that an estimator given everything else and the backend's HalfNormal(`priorScale`) ROI prior
    /// reports a 5 % quantile below 0.05 for it (issue 17's placebo check): the posterior is Normal(x, se²)·HalfNormal
    /// on ROI > 0, x ~ Normal(0, se²). Nil without a placebo.
    /// - Parameters:
    ///   - truth: the simulation's truth.
    ///   - data: the simulated table (the placebo's spend).
    ///   - priorScale: the half-normal's scale (`BayesPriors.defaultROIScale`).
    static func placebo(_ truth: Truth, data: DataTable, priorScale: Double) -> (se: Double, passChance: Double)? {
        guard let channel = truth.paidChannels.first(where: \.placebo), let column = channel.spendColumn,
            let spend = data[column]?.numbers, spend.count == truth.rows.dates.count, let total = channel.totalSpend,
            let alpha = channel.hyperparameters["alphas"]
        else { return nil }
        let h = truth.adstock == .geometric
            ? AdstockParameters.geometric(theta: channel.hyperparameters["thetas"] ?? 0)
            : AdstockParameters.weibull(shape: channel.hyperparameters["shapes"] ?? 0, scale: channel.hyperparameters["scales"] ?? 0)
        guard let adstocked = try? Adstock.transform(spend, type: truth.adstock, parameters: h).decayed else { return nil }
        let saturated = HillSaturation.saturate(adstocked, alpha: alpha, inflexion: channel.inflexion)
        guard let se = roiSE(saturated: windowRows(truth).map { saturated[$0] }, spend: total, noiseSD: truth.noiseSD) else { return nil }
        // P over x of P(r < 0.05 | x) > 0.05, by a trapezoid over x = se·z.
        let precision = 1 / (priorScale * priorScale) + 1 / (se * se)
        let tau = 1 / precision.squareRoot()
        let zPoints = 4001, zMax = 8.0
        let dz = 2 * zMax / Double(zPoints - 1)
        var chance = 0.0
        for j in 0..<zPoints {
            let z = -zMax + Double(j) * dz
            let m = z / se / precision
            let below0 = cdf(-m / tau)
            let lowTail = (cdf((0.05 - m) / tau) - below0) / Swift.max(1 - below0, 1e-300)
            if lowTail > 0.05 { chance += (j == 0 || j == zPoints - 1 ? 0.5 : 1) * dz * density(z) }
        }
        return (se, chance)
    }

    /// The rows of the truth's modelling window.
    private static func windowRows(_ truth: Truth) -> [Int] {
        truth.rows.dates.indices.filter { truth.rows.dates[$0] >= truth.windowStart && truth.rows.dates[$0] <= truth.windowEnd }
    }

    /// A channel's ROI standard error from the data: σ·Σh / (spend·√Σh²), h its saturated series over the window (nil
    /// when h is 0 or the spend is not positive).
    private static func roiSE(saturated h: [Double], spend: Double, noiseSD: Double) -> Double? {
        let squares = h.reduce(0) { $0 + $1 * $1 }
        guard squares > 0, spend > 0 else { return nil }
        return noiseSD * h.reduce(0, +) / (spend * squares.squareRoot())
    }

    /// The bound: the mean Bayes risk over the main channels (from ``channels(_:lifts:liftError:mainShare:)``).
    static func expectedMAE(_ channels: [Channel], roiRange: ClosedRange<Double>) -> Double? {
        guard !channels.isEmpty else { return nil }
        return channels.map { bayesRisk(standardError: $0.combinedSE, range: roiRange) }.reduce(0, +) / Double(channels.count)
    }

    /// E|median(r | x) − r| for r ~ Uniform(range) and x ~ Normal(r, s²): the posterior is Normal(x, s²) truncated to
    /// the range, whose median is x + s·Φ⁻¹(midpoint of Φ over the range); the outer expectation is a midpoint rule
    /// over r and a trapezoid over the noise. (The posterior mean, the best estimator under squared loss, errs more in
    /// absolute terms: an earlier version of this bound used it and was up to 0.004 higher.)
    static func bayesRisk(standardError s: Double, range: ClosedRange<Double>) -> Double {
        let a = range.lowerBound, b = range.upperBound
        let rPoints = 200, zPoints = 481, zMax = 6.0
        let dz = 2 * zMax / Double(zPoints - 1)
        var total = 0.0
        for i in 0..<rPoints {
            let r = a + (b - a) * (Double(i) + 0.5) / Double(rPoints)
            for j in 0..<zPoints {
                let z = -zMax + Double(j) * dz
                let weight = (j == 0 || j == zPoints - 1 ? 0.5 : 1) * dz * density(z)
                let x = r + s * z
                total += weight * abs(truncatedMedian(x, s, a, b) - r)
            }
        }
        return total / Double(rPoints)
    }

    /// The median of Normal(x, s²) truncated to [a, b]. In the upper tail the survival function keeps the precision
    /// (Φ of both ends rounds to 1 there); a range with no representable mass gives its nearest end.
    static func truncatedMedian(_ x: Double, _ s: Double, _ a: Double, _ b: Double) -> Double {
        let lower = (a - x) / s, upper = (b - x) / s
        let median: Double
        if lower > 0 {
            let tailMass = cdf(-lower) - cdf(-upper)
            guard tailMass > 1e-300 else { return a }
            median = x - s * NormalQuantile.value((cdf(-lower) + cdf(-upper)) / 2)
        } else {
            let mass = cdf(upper) - cdf(lower)
            guard mass > 1e-300 else { return b }
            median = x + s * NormalQuantile.value((cdf(lower) + cdf(upper)) / 2)
        }
        return Swift.min(Swift.max(median, a), b)
    }

    static func density(_ z: Double) -> Double { exp(-z * z / 2) / (2 * Double.pi).squareRoot() }
    static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
