import Foundation

/// A small generator of weekly MMM data with a known truth, for benchmarks and recovery tests.
///
/// Media follow seeded on/off flighting, each channel's contribution is β·Hill(geometric adstock) with Robyn's
/// own-scale inflexion, β is solved so the channel's window ROI equals its true ROI, and the baseline is an
/// intercept plus trend and yearly seasonality (given to the model as controls), with Gaussian noise.
/// (Issue 12's simulator, patterned on real data, is the yardstick for quality studies; this one only needs to be
/// self-contained.)
public struct SyntheticMMM: Sendable {
    /// The true parameters of one channel.
    public struct ChannelTruth: Sendable, Hashable {
        /// Channel name.
        public var name: String
        /// Geometric decay θ.
        public var theta: Double
        /// Hill α.
        public var alpha: Double
        /// Hill γ.
        public var gamma: Double
        /// ROI over the window (contribution ÷ spend).
        public var roi: Double
        /// β in response units.
        public var beta: Double = 0
        /// Total contribution over the window.
        public var contribution: Double = 0

        /// Creates a channel truth (β and the contribution are filled in by the generator).
        public init(name: String, theta: Double, alpha: Double, gamma: Double, roi: Double) {
            self.name = name
            self.theta = theta
            self.alpha = alpha
            self.gamma = gamma
            self.roi = roi
        }
    }

    /// The model input, with default priors.
    public var input: MMMPosteriorInput
    /// The true channel parameters.
    public var truth: [ChannelTruth]
    /// The noise standard deviation in response units.
    public var noiseSD: Double

    /// A default channel line-up: `count` channels with decays, shapes and ROIs spread over typical ranges.
    /// - Parameter count: Number of channels.
    /// - Returns: The truths, named `ch1`, `ch2`, ….
    public static func defaultChannels(_ count: Int) -> [ChannelTruth] {
        (0..<count).map { c in
            let f = count > 1 ? Double(c) / Double(count - 1) : 0.5
            return ChannelTruth(
                name: "ch\(c + 1)", theta: 0.1 + 0.6 * f, alpha: 2.5 - 1.3 * f, gamma: 0.35 + 0.4 * (1 - f),
                roi: [0.8, 2.5, 1.4, 3.2, 0.5, 1.9, 1.1][c % 7])
        }
    }

    /// Generates a data set.
    /// - Parameters:
    ///   - weeks: Number of rows.
    ///   - channels: The true channel parameters.
    ///   - noise: Noise sd as a fraction of the mean response.
    ///   - seed: Fixes every random number.
    public init(weeks: Int = 156, channels: [ChannelTruth] = defaultChannels(7), noise: Double = 0.05, seed: UInt64 = 1) {
        var rng = KeyedRNG(seed, 0x5159)
        var truth = channels
        var inputs = [ChannelInput]()
        var media = [Double](repeating: 0, count: weeks)
        for (c, channel) in channels.enumerated() {
            let level = 1000 * Double(c + 1)
            var spend = (0..<weeks).map { _ in rng.uniform() < 0.7 ? level * (0.4 + 1.2 * rng.uniform()) : 0 }
            if !spend.contains(where: { $0 > 0 }) { spend[0] = level }
            let adstocked = GeometricAdstock.apply(spend, theta: channel.theta)
            let (h, _) = HillSaturation.apply(adstocked, window: 0..<weeks, alpha: channel.alpha, gamma: channel.gamma)
            let beta = channel.roi * spend.reduce(0, +) / h.reduce(0, +)
            for t in 0..<weeks { media[t] += beta * h[t] }
            truth[c].beta = beta
            truth[c].contribution = beta * h.reduce(0, +)
            inputs.append(ChannelInput(name: channel.name, media: spend, spend: spend))
        }
        let mediaMean = media.reduce(0, +) / Double(weeks)
        let trend = (0..<weeks).map { Double($0) / Double(weeks) }
        let seasonSin = (0..<weeks).map { Foundation.sin(2 * Double.pi * Double($0) / 52) }
        let seasonCos = (0..<weeks).map { Foundation.cos(2 * Double.pi * Double($0) / 52) }
        let base = 2 * mediaMean
        var response = (0..<weeks).map { t in
            media[t] + base * (1 + 0.3 * trend[t] + 0.15 * seasonSin[t] - 0.1 * seasonCos[t])
        }
        let sd = noise * response.reduce(0, +) / Double(weeks)
        for t in 0..<weeks { response[t] += sd * rng.normal() }
        input = MMMPosteriorInput(
            response: response, channels: inputs,
            controls: [
                ControlInput(name: "trend", values: trend), ControlInput(name: "season_sin", values: seasonSin),
                ControlInput(name: "season_cos", values: seasonCos),
            ])
        self.truth = truth
        noiseSD = sd
    }
}
