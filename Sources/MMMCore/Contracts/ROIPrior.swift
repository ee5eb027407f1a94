/// A prior belief about one paid channel's ROI over the modelling window (`roi_priors` in the job config), used by
/// the Bayesian backend: the ROI's mean and standard deviation, turned into a moment-matched log-normal (Meridian's
/// `roi_m` idea; docs/bayes.md). Other backends ignore it.
public struct ROIPrior: Codable, Sendable, Hashable {
    /// Prior mean ROI (> 0): incremental `dep_var` per unit of spend.
    public var mean: Double
    /// Prior standard deviation (> 0).
    public var sd: Double

    /// Creates a prior.
    /// - Parameters:
    ///   - mean: Prior mean ROI.
    ///   - sd: Prior standard deviation.
    public init(mean: Double, sd: Double) {
        self.mean = mean
        self.sd = sd
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case mean, sd }

    /// Strict decoding: exactly `mean` and `sd` (values are checked by ``JobConfig/validateROIPriors()``).
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mean = try c.decode(Double.self, forKey: .mean)
        sd = try c.decode(Double.self, forKey: .sd)
    }
}

extension JobConfig {
    /// Checks `roi_priors`: every key a paid media spend column or var, mean and sd positive finite numbers.
    /// - Throws: ``ConfigError`` naming `$.roi_priors.<channel>` or `$.roi_priors.<channel>.mean|sd`.
    public func validateROIPriors() throws {
        let names = paidMedia.flatMap { $0.usesExposure ? [$0.spend, $0.variable] : [$0.spend] }
        var seen: [String: String] = [:]
        for key in roiPriors.keys.sorted() {
            let path = "$.roi_priors.\(key)"
            guard let pair = paidMedia.first(where: { $0.spend == key || $0.variable == key }) else {
                throw ConfigError(
                    path: path, "'\(key)' is not a paid media channel; use a spend column or var of paid_media: "
                        + names.joined(separator: ", "))
            }
            if let other = seen[pair.spend] {
                throw ConfigError(path: path, "'\(key)' and '\(other)' name the same channel; give one prior per channel")
            }
            seen[pair.spend] = key
            guard let prior = roiPriors[key] else { continue }
            for (field, value) in [("mean", prior.mean), ("sd", prior.sd)] where !(value.isFinite && value > 0) {
                throw ConfigError(
                    path: "\(path).\(field)", "must be a positive number (got \(NumberFormatting.shortest(value)))")
            }
        }
    }

    /// The ROI prior of a paid channel, by its spend column or var.
    /// - Parameter pair: the channel.
    /// - Returns: its prior, if the config has one.
    public func roiPrior(for pair: MediaPair) -> ROIPrior? {
        roiPriors[pair.variable] ?? roiPriors[pair.spend]
    }
}
