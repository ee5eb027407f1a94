import MMMBayes
import MMMCore
import MMMEngine

/// The posterior-mean model of a fit, as the engine's ``EstimatedModel``: per-row contributions are posterior means
/// (so each channel's ROI is its posterior mean ROI), curve parameters are posterior means, control coefficients
/// are posterior means in raw units, and each paid channel's ROI (or CPA) interval is its posterior 90 % interval.
struct BayesEstimate {
    var model: EstimatedModel

    /// - Parameters:
    ///   - fit: the fit.
    ///   - posterior: the posterior it sampled.
    ///   - model: the prepared model (design order).
    ///   - dropped: controls left out of the posterior (coefficient 0).
    /// - Throws: ``BayesError`` when the fit has no draws.
    init(fit: BayesFit, posterior: MMMPosterior, model prepared: PreparedModel, dropped: [String]) throws {
        let draws = fit.parameterDraws.flatMap { $0 }
        guard let mean = posterior.meanDecomposition(over: draws) else {
            throw BayesError(.numericalFailure, "the fit has no draws")
        }
        let design = prepared.design
        let rows = design.window.count
        let channelIndex = Dictionary(uniqueKeysWithValues: posterior.channelNames.enumerated().map { ($1, $0) })
        let controlIndex = Dictionary(uniqueKeysWithValues: posterior.controlNames.enumerated().map { ($1, $0) })
        func value(_ name: String, _ owner: String) -> Double { fit.summary(name, owner: owner)?.mean ?? .nan }
        var coefficients: [Double] = []
        var contributions: [[Double]] = []
        var media: [MediaHyperparameters] = []
        for regressor in design.regressors {
            if let c = channelIndex[regressor.name] {
                coefficients.append(0)
                contributions.append(mean.channelContributions[c])
                let adstock: AdstockParameters =
                    prepared.settings.adstock == .geometric
                    ? .geometric(theta: value("adstock_theta", regressor.name))
                    : .weibull(shape: value("weibull_shape", regressor.name), scale: value("weibull_scale", regressor.name))
                media.append(
                    MediaHyperparameters(
                        adstock: adstock, alpha: value("hill_alpha", regressor.name), gamma: value("hill_gamma", regressor.name)))
            } else if let k = controlIndex[regressor.name] {
                coefficients.append(value("control", regressor.name))
                contributions.append(mean.controlContributions[k])
            } else {
                coefficients.append(0)
                contributions.append(Array(repeating: 0, count: rows))
            }
        }
        let conversion = prepared.settings.depVarType == .conversion
        var intervals: [String: EstimatedModel.Interval] = [:]
        for name in design.paidMediaNames {
            let summary = conversion ? Self.cpa(fit, channel: name) : fit.summary("roi", owner: name)
            if let s = summary { intervals[name] = .init(mean: s.mean, sd: s.sd, low: s.q05, high: s.q95) }
        }
        model = EstimatedModel(
            media: media, intercept: mean.intercept, coefficients: coefficients, contributions: contributions,
            intervals: intervals)
    }

    /// The posterior of a channel's CPA (window spend ÷ contribution = 1 / ROI, draw by draw).
    static func cpa(_ fit: BayesFit, channel: String) -> QuantitySummary? {
        guard let r = fit.quantityNames.firstIndex(of: QuantityName("roi", owner: channel)) else { return nil }
        let draws = DrawMatrix(fit.draws.map { chain in chain.map { 1 / $0[r] } })
        return QuantitySummary(name: QuantityName("cpa", owner: channel), draws: draws, diagnostics: false)
    }
}
