/// Evaluates one candidate model with Robyn's exact semantics: transform, split, fit, decompose, score.
///
/// Immutable and `Sendable`: share one evaluator across threads and give each thread its own
/// `EvaluationWorkspace`. Results depend only on the evaluator and the hyperparameters, never on the workspace,
/// the thread or the evaluation order.
///
/// ```swift
/// let evaluator = try CandidateEvaluator(design: design, settings: ModelSettings(adstock: .geometric))
/// let workspace = EvaluationWorkspace(for: evaluator)
/// let result = try evaluator.evaluate(candidate, in: workspace)
/// print(result.metrics.nrmse, result.metrics.decompRSSD)
/// ```
package struct CandidateEvaluator: Sendable {
    /// The prepared model data.
    package let design: ModelDesign
    /// Run-level options.
    package let settings: ModelSettings
    /// The per-trial lambda range (from the raw design over all rows unless given).
    package let lambdaRange: LambdaRange

    let rowCount: Int
    let windowLength: Int
    let columnCount: Int
    let mediaCount: Int
    let windowStart: Int
    let yWindow: [Double]
    /// Window design matrix with the non-media columns filled in, column-major.
    let template: [Double]
    /// Regressor index of each media slot.
    let mediaColumns: [Int]
    let mediaNames: [String]
    let regressorNames: [String]
    /// Σ raw value over all rows, per media slot (inflation denominator).
    let rawMediaSums: [Double]
    /// Media slot of each paid channel, in design order.
    let paidSlots: [Int]
    /// Spend name, window total and mean spend per media slot (`nil` for organic).
    let spendNames: [String?]
    let totalSpend: [Double]
    let baseLower: [Double]
    let baseUpper: [Double]
    let trendColumn: Int?
    /// Lift studies: when set, every candidate's MAPE.LIFT is computed (Robyn's third objective).
    package var calibration: CalibrationPlan?

    /// Prepares an evaluator.
    /// - Parameters:
    ///   - design: The prepared model data.
    ///   - settings: Run-level options.
    ///   - lambdaRange: The trial's lambda range; defaults to `design.lambdaRange`.
    /// - Throws: `EngineError` if the design has no paid media.
    package init(design: ModelDesign, settings: ModelSettings, lambdaRange: LambdaRange? = nil) throws(EngineError) {
        self.design = design
        self.settings = settings
        self.lambdaRange = lambdaRange ?? design.lambdaRange
        let window = design.window
        rowCount = design.rowCount
        windowLength = window.count
        columnCount = design.regressors.count
        windowStart = window.lowerBound
        yWindow = Array(design.dependent[window])
        regressorNames = design.regressorNames
        var template = [Double](repeating: 0, count: columnCount * windowLength)
        var mediaColumns: [Int] = []
        var lower: [Double] = []
        var upper: [Double] = []
        var trend: Int?
        for (j, regressor) in design.regressors.enumerated() {
            let limits: (lower: Double, upper: Double)
            switch regressor.role {
            case .baseline(let isTrend):
                limits = (0, 1)
                if isTrend, trend == nil { trend = j }
            case .context(let sign), .paidMedia(_, _, let sign), .organic(let sign):
                limits = sign.limits
            }
            lower.append(limits.lower)
            upper.append(limits.upper)
            if regressor.role.isMedia {
                mediaColumns.append(j)
            } else {
                for (k, value) in regressor.values[window].enumerated() { template[j * windowLength + k] = value }
            }
        }
        self.template = template
        self.mediaColumns = mediaColumns
        mediaCount = mediaColumns.count
        mediaNames = mediaColumns.map { design.regressors[$0].name }
        rawMediaSums = mediaColumns.map { design.regressors[$0].values.reduce(0, +) }
        baseLower = lower
        baseUpper = upper
        trendColumn = trend
        var paidSlots: [Int] = []
        var spendNames: [String?] = []
        var totals: [Double] = []
        for (slot, j) in mediaColumns.enumerated() {
            if case .paidMedia(let spendName, let spend, _) = design.regressors[j].role {
                paidSlots.append(slot)
                spendNames.append(spendName)
                totals.append(spend[window].reduce(0, +))
            } else {
                spendNames.append(nil)
                totals.append(0)
            }
        }
        guard !paidSlots.isEmpty else {
            throw EngineError(.invalidHyperparameters, "The design has no paid media; DECOMP.RSSD needs at least one.")
        }
        self.paidSlots = paidSlots
        self.spendNames = spendNames
        totalSpend = totals
    }

    /// Evaluates one candidate into a full result, reusing the workspace's memory.
    /// - Parameters:
    ///   - hyperparameters: The candidate.
    ///   - workspace: A workspace created for this evaluator, used by one thread at a time.
    /// - Returns: Everything Robyn records for the model.
    /// - Throws: `EngineError` for invalid hyperparameters, a foreign workspace or a constant training response.
    package func evaluate(
        _ hyperparameters: CandidateHyperparameters, in workspace: EvaluationWorkspace
    ) throws(EngineError) -> CandidateResult {
        guard workspace.fits(self) else {
            throw EngineError(.workspaceMismatch, "The workspace was created for a design of a different shape.")
        }
        try hyperparameters.validate(mediaNames: mediaNames, regressorCount: columnCount, adstock: settings.adstock)
        try transformMedia(hyperparameters, workspace)
        let split = TimeSeriesSplit(count: windowLength, trainSize: hyperparameters.trainSize)
        setLimits(split: split, workspace)
        let lambda: Double
        let lambdaHP: Double?
        switch hyperparameters.lambda {
        case .normalized(let hp):
            lambda = lambdaRange.lambda(forHyperparameter: hp)
            lambdaHP = hp
        case .fixed(let value):
            lambda = value
            lambdaHP = nil
        }
        let fit = try fitRidge(
            split: split, lambda: lambda, penaltyFactors: hyperparameters.penaltyFactors, workspace)
        predict(intercept: fit.intercept, workspace)
        var result = assemble(
            hyperparameters: hyperparameters, split: split, lambda: lambda, lambdaHP: lambdaHP, fit: fit,
            workspace)
        if calibration != nil {
            result.metrics.mape = LiftCalibration.mape(liftOutcomes(hyperparameters, coefficients: result.coefficients, workspace))
        }
        return result
    }
}
