import MMMCore

/// Hyperparameters of one media or organic variable.
public struct MediaHyperparameters: Sendable, Hashable, Codable {
    /// Adstock parameters (θ, or Weibull shape and scale).
    package var adstock: AdstockParameters
    /// Hill α in (0, 10).
    public var alpha: Double
    /// Hill γ in (0, 1].
    public var gamma: Double

    /// Creates media hyperparameters.
    /// - Parameters:
    ///   - adstock: Adstock parameters.
    ///   - alpha: Hill α.
    ///   - gamma: Hill γ.
    package init(adstock: AdstockParameters, alpha: Double, gamma: Double) {
        self.adstock = adstock
        self.alpha = alpha
        self.gamma = gamma
    }
}

/// How the ridge penalty is given.
public enum LambdaChoice: Sendable, Hashable, Codable {
    /// Robyn's normalised `lambda_hp` in [0, 1], scaled with the trial's `LambdaRange`.
    case normalized(Double)
    /// An already scaled λ (recreating a stored model).
    case fixed(Double)
}

/// One candidate: every hyperparameter Robyn samples for a model.
public struct CandidateHyperparameters: Sendable, Hashable, Codable {
    /// One entry per media/organic variable, in `ModelDesign.mediaNames` order.
    public var media: [MediaHyperparameters]
    /// The ridge penalty.
    public var lambda: LambdaChoice
    /// `train_size` in (0, 1]; 1 means no validation split.
    public var trainSize: Double
    /// Optional `<col>_penalty` factors, one per regressor in design order (`nil` = all 1).
    public var penaltyFactors: [Double]?

    /// Creates a candidate.
    /// - Parameters:
    ///   - media: Per-variable hyperparameters in `mediaNames` order.
    ///   - lambda: The ridge penalty.
    ///   - trainSize: `train_size`.
    ///   - penaltyFactors: Optional per-regressor penalty factors.
    public init(
        media: [MediaHyperparameters], lambda: LambdaChoice, trainSize: Double = 1, penaltyFactors: [Double]? = nil
    ) {
        self.media = media
        self.lambda = lambda
        self.trainSize = trainSize
        self.penaltyFactors = penaltyFactors
    }

    /// Checks counts, adstock families and Robyn's hard limits (§2.2).
    func validate(mediaNames: [String], regressorCount: Int, adstock: AdstockType) throws(EngineError) {
        guard media.count == mediaNames.count else {
            throw EngineError(
                .invalidHyperparameters,
                "Expected hyperparameters for \(mediaNames.count) media variables, got \(media.count).")
        }
        for (name, value) in zip(mediaNames, media) {
            guard value.adstock.matches(adstock) else { throw .mismatchedAdstockParameters(variable: name, adstock: adstock) }
            let adstockOK: Bool
            switch value.adstock {
            case .geometric(let theta): adstockOK = theta >= 0 && theta < 1
            case .weibull(let shape, let scale): adstockOK = shape >= 0 && shape < 20 && scale >= 0 && scale <= 1
            }
            guard adstockOK, value.alpha > 0, value.alpha < 10, value.gamma > 0, value.gamma <= 1 else {
                throw EngineError(
                    .invalidHyperparameters,
                    "Hyperparameters of '\(name)' are outside Robyn's limits (theta [0,1), shape [0,20), "
                        + "scale [0,1], alpha (0,10), gamma (0,1]).")
            }
        }
        guard trainSize > 0, trainSize <= 1 else {
            throw EngineError(.invalidHyperparameters, "train_size \(trainSize) must be in (0, 1].")
        }
        switch lambda {
        case .normalized(let value), .fixed(let value):
            guard value.isFinite, value >= 0 else {
                throw EngineError(.invalidHyperparameters, "lambda \(value) must be finite and non-negative.")
            }
        }
        if let penaltyFactors {
            guard penaltyFactors.count == regressorCount, penaltyFactors.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw EngineError(
                    .invalidHyperparameters,
                    "Penalty factors need one finite, non-negative value per regressor (\(regressorCount)).")
            }
        }
    }
}
