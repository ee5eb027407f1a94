import MMMCore

/// How the Bayesian backend fits (`train --backend bayes` flags): NUTS sizes and target acceptance, or the MAP +
/// Laplace fast path. The seed and threads come from the job's ``TrainingOptions``.
public struct BayesSettings: Sendable, Hashable, Codable {
    /// Full NUTS, or MAP + Laplace (approximate; for benchmarks).
    public enum Inference: String, Sendable, Hashable, Codable, CaseIterable {
        /// The No-U-Turn sampler (Stan's algorithm).
        case nuts
        /// MAP by L-BFGS plus a Laplace approximation.
        case map
    }

    /// How the baseline's trend and seasons enter the model (docs/bayes.md "Baseline").
    public enum Baseline: String, Sendable, Hashable, Codable, CaseIterable {
        /// Linear trend and Fourier seasons estimated together with the media (the default).
        case joint
        /// The baseline decomposition's columns fitted on the response, as the native engine uses them (Robyn's way).
        case prophet
    }

    /// How a Robyn hyperparameter range (adstock, Hill) becomes a prior (docs/bayes.md "Priors from the job").
    public enum RangePrior: String, Sendable, Hashable, Codable, CaseIterable {
        /// Uniform inside the range, with the bounds as hard limits (Robyn's own draw; the default).
        case bounded
        /// A Beta or Gamma with the uniform's mean and sd, without hard limits.
        case matched
    }

    /// The inference method (default NUTS).
    public var inference: Inference = .nuts
    /// Chains (default 4).
    public var chains = 4
    /// Warm-up iterations per chain (default 1000).
    public var warmup = 1000
    /// Kept draws per chain (default 1000; for MAP: the Laplace draws).
    public var draws = 1000
    /// NUTS target acceptance rate δ (default 0.8; raise to 0.95 after divergences).
    public var targetAccept = 0.8
    /// The baseline (default joint).
    public var baseline = Baseline.joint
    /// The hyperparameter-range priors (default bounded).
    public var rangePrior = RangePrior.bounded

    /// The defaults: NUTS, 4 chains × (1000 warm-up + 1000 draws), δ = 0.8.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case inference, chains, warmup, draws, baseline
        case targetAccept = "target_accept"
        case rangePrior = "range_prior"
    }

    /// Decodes strictly (a queue job's `bayes` object): unknown keys and values are errors naming the key; a missing
    /// key keeps its default; the ranges are checked.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func strict<E: RawRepresentable & CaseIterable>(_: E.Type, _ key: CodingKeys) throws -> E? where E.RawValue == String {
            guard let raw = try c.decodeUnlessNull(String.self, forKey: key) else { return nil }
            guard let value = E(rawValue: raw) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: "unknown value '\(raw)'; expected one of \(E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))")
            }
            return value
        }
        inference = try strict(Inference.self, .inference) ?? inference
        baseline = try strict(Baseline.self, .baseline) ?? baseline
        rangePrior = try strict(RangePrior.self, .rangePrior) ?? rangePrior
        chains = try c.decodeUnlessNull(Int.self, forKey: .chains) ?? chains
        warmup = try c.decodeUnlessNull(Int.self, forKey: .warmup) ?? warmup
        draws = try c.decodeUnlessNull(Int.self, forKey: .draws) ?? draws
        targetAccept = try c.decodeUnlessNull(Double.self, forKey: .targetAccept) ?? targetAccept
        do {
            try validate()
        } catch let error as ConfigError {
            let key = CodingKeys(rawValue: error.path) ?? .inference
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: error.message)
        }
    }

    /// Checks the ranges.
    /// - Throws: ``ConfigError`` naming the field.
    public func validate() throws {
        for (name, value) in [("chains", chains), ("warmup", warmup), ("draws", draws)] where value < (name == "warmup" ? 0 : 1) {
            throw ConfigError(path: name, "must be at least \(name == "warmup" ? 0 : 1) (got \(value))")
        }
        if inference == .nuts, warmup < 10 {
            throw ConfigError(path: "warmup", "NUTS needs at least 10 warm-up iterations to adapt its step size (got \(warmup))")
        }
        guard targetAccept > 0, targetAccept < 1 else {
            throw ConfigError(path: "target_accept", "must be in (0, 1) (got \(NumberFormatting.shortest(targetAccept)))")
        }
    }
}
