import MMMBayes
import MMMCore
import MMMEngine

/// Builds the posterior's input from the native engine's design, so both backends see the same columns: the
/// prophet-like baseline terms and context variables become standardised controls, paid media (exposures in spend
/// units) and organic variables become channels with Robyn's adstock and Hill, and lift studies become likelihood
/// terms over their rows.
package struct BayesInputBuilder {
    /// The posterior's input.
    package var input: MMMPosteriorInput
    /// Names of controls left out because they are constant over the window (their coefficient is 0).
    var droppedControls: [String]
    /// Notes on interpretations made (dropped controls, the lift formula).
    var notes: [Diagnostic]

    /// Relative standard error assumed for a lift study: the measurement error of a typical geo or conversion-lift
    /// experiment (and the simulator's default `--lift-error`).
    static let liftRelativeError = 0.1

    /// - Parameters:
    ///   - model: the prepared model (the native engine's design).
    ///   - rangePrior: how Robyn's hyperparameter ranges become priors.
    /// - Throws: ``ConfigError`` for bad `roi_priors` or lift studies, ``EngineError`` for bad bounds.
    package init(_ model: PreparedModel, rangePrior: BayesSettings.RangePrior = .bounded) throws {
        let design = model.design
        let config = model.config
        let bounds = try config.resolvedHyperparameterBounds()
        let kind = Self.adstockKind(model.settings.adstock)
        var channels: [ChannelInput] = []
        var controls: [ControlInput] = []
        droppedControls = []
        notes = []
        for regressor in design.regressors {
            switch regressor.role {
            case .baseline, .context:
                let values = regressor.values[design.window]
                if let first = values.first, values.allSatisfy({ $0 == first }) {
                    droppedControls.append(regressor.name)
                    notes.append(
                        .note(
                            "bayes_constant_control",
                            "'\(regressor.name)' is constant over the window; the Bayesian model leaves it out (coefficient 0)",
                            column: regressor.name))
                    continue
                }
                controls.append(ControlInput(name: regressor.name, values: regressor.values))
            case .paidMedia(let spendName, let spend, _):
                guard let channelBounds = bounds[regressor.name] else {
                    throw EngineError(.invalidHyperparameters, "No hyperparameter bounds for '\(regressor.name)'.")
                }
                let pair = MediaPair(spend: spendName, variable: regressor.name)
                let key = config.roiPriors[regressor.name] != nil ? regressor.name : spendName
                let effect = try BayesPriors.effect(config.roiPrior(for: pair), key: key)
                channels.append(
                    ChannelInput(
                        name: regressor.name, media: regressor.values, spend: spend, adstock: kind,
                        priors: BayesPriors.channelPriors(channelBounds, effect: effect, rangePrior: rangePrior)))
            case .organic:
                guard let channelBounds = bounds[regressor.name] else {
                    throw EngineError(.invalidHyperparameters, "No hyperparameter bounds for '\(regressor.name)'.")
                }
                channels.append(
                    ChannelInput(
                        name: regressor.name, media: regressor.values, spend: nil, adstock: kind,
                        priors: BayesPriors.channelPriors(channelBounds, effect: nil, rangePrior: rangePrior)))
            }
        }
        let lifts = try Self.liftTests(model)
        if !lifts.isEmpty, config.calibrationFormula == .robyn {
            notes.append(
                .note(
                    "bayes_lift_days",
                    "lift studies enter the Bayesian likelihood with the corrected day counts (a study of whole periods is predicted over exactly its periods); Robyn's period-scaling quirk is not applied",
                    path: "$.calibration_formula"))
        }
        input = MMMPosteriorInput(
            response: design.dependent, window: design.window, channels: channels, controls: controls, liftTests: lifts)
    }

    /// Robyn's adstock names as the posterior's.
    static func adstockKind(_ type: AdstockType) -> AdstockKind {
        switch type {
        case .geometric: return .geometric
        case .weibullCDF: return .weibullCDF
        case .weibullPDF: return .weibullPDF
        }
    }

    /// The job's lift studies resolved against the rows (Robyn's rows, corrected day counts), with a standard error
    /// of ``liftRelativeError`` × the measured lift.
    static func liftTests(_ model: PreparedModel) throws -> [LiftTest] {
        guard case .studies(let studies)? = model.config.calibrationInput, !studies.isEmpty else { return [] }
        try model.config.validateCalibration()
        let plans = try CalibrationPlan.resolve(
            studies, dates: model.dates, window: model.design.window, mediaNames: model.design.mediaNames,
            formula: .corrected, modelledName: model.config.modelledName(ofChannel:))
        return plans.map { plan in
            let rows = (plan.rows.first ?? 0)..<((plan.rows.last ?? 0) + 1)
            return LiftTest(
                channels: plan.slots.map { model.design.mediaNames[$0] }, rows: rows, lift: plan.study.liftAbs,
                standardError: liftRelativeError * plan.study.liftAbs, scale: plan.scale,
                scope: plan.study.calibrationScope == .immediate ? .immediate : .total)
        }
    }
}
