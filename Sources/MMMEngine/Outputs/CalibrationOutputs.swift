import MMMCore

/// `calibration.csv` and the `calibration` object of `model_summary.json`: each lift study as the chosen model
/// predicts it (Robyn's `liftCollect` for that model).
enum CalibrationOutputs {
    /// Robyn's `liftCollect` columns, with the model id and the study's scope.
    static let header = [
        "solID", "liftMedia", "calibration_scope", "liftStart", "liftEnd", "liftAbs", "decompStart", "decompEnd",
        "decompAbsScaled", "decompAbsTotalScaled", "calibrated_pct", "mape_lift",
    ]

    /// Renders the table for the chosen model.
    static func write(_ result: TrainingResult, emit: @escaping ([UInt8]) throws -> Void) throws {
        var table = RobynCSV(header: header, sink: emit)
        for outcome in result.details[result.selection.best]?.lift ?? [] {
            let study = outcome.plan.study
            table.text(result.bestRecord.modelId)
            table.text(study.channel)
            table.text(study.calibrationScope.rawValue)
            table.text(study.liftStartDate.description)
            table.text(study.liftEndDate.description)
            table.number(study.liftAbs)
            table.text(outcome.plan.decompStart.description)
            table.text(outcome.plan.decompEnd.description)
            table.number(outcome.predicted)
            table.number(outcome.predictedTotal)
            table.number(outcome.calibratedShare)
            table.number(outcome.mapeLift)
            try table.endRow()
        }
        try table.finish()
    }

    /// The summary object, or nil without calibration.
    static func summary(_ result: TrainingResult) -> CalibrationSummary? {
        guard let plan = result.calibration else { return nil }
        let studies = (result.details[result.selection.best]?.lift ?? []).map { outcome in
            let study = outcome.plan.study
            var row = CalibrationSummary.Study(
                channel: study.channel, scope: study.calibrationScope, liftStart: study.liftStartDate,
                liftEnd: study.liftEndDate, liftAbs: study.liftAbs, decompStart: outcome.plan.decompStart,
                decompEnd: outcome.plan.decompEnd)
            row.predicted = outcome.predicted
            row.predictedTotal = outcome.predictedTotal
            row.calibratedShare = outcome.calibratedShare
            row.mapeLift = outcome.mapeLift
            return row
        }
        return CalibrationSummary(
            constraint: plan.constraint, formula: plan.formula, selection: plan.selection,
            mape: result.bestRecord.result?.metrics.mape, eligibleModelCount: result.selection.eligibleModelCount,
            studies: studies)
    }
}

extension TrainingResult {
    /// The file name of the calibration table.
    public static let calibrationFileName = "calibration.csv"

    /// Whether the run had lift studies (then `calibration.csv` is written).
    public var isCalibrated: Bool { calibration != nil }

    /// Renders `calibration.csv`: each lift study as the chosen model predicts it.
    /// - Parameter emit: receives the CSV bytes in order.
    /// - Throws: whatever `emit` throws.
    public func renderCalibrationTable(emit: @escaping ([UInt8]) throws -> Void) throws {
        try CalibrationOutputs.write(self, emit: emit)
    }
}
