import MMMCore

extension CandidateEvaluator {
    /// The lift studies' outcomes of the candidate last evaluated in `workspace` (empty without calibration).
    /// - Parameters:
    ///   - hyperparameters: the candidate just evaluated.
    ///   - coefficients: its coefficients.
    ///   - workspace: the workspace that evaluated it (holds its adstocked and saturated series).
    /// - Returns: one outcome per study.
    func liftOutcomes(
        _ hyperparameters: CandidateHyperparameters, coefficients: [Double], _ workspace: EvaluationWorkspace
    ) -> [LiftOutcome] {
        guard let calibration else { return [] }
        let ws = workspace
        return LiftCalibration.outcomes(calibration, rowCount: rowCount) { slot in
            let column = mediaColumns[slot]
            let parameters = hyperparameters.media[slot]
            return LiftChannelSeries(
                raw: design.regressors[column].values, adstocked: Array(ws.block(ws.adstocked, slot, rowCount)),
                saturatedTotal: Array(ws.block(ws.x, column, windowLength)), coefficient: coefficients[column],
                alpha: parameters.alpha, inflexion: ws.mediaScalars[slot].inflexion, adstock: parameters.adstock,
                adstockType: settings.adstock)
        }
    }
}
