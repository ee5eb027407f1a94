/// One evaluated candidate of the search.
public struct CandidateRecord: Sendable {
    /// Trial (1-based).
    public var trial: Int
    /// Batch number within the trial (1-based; Robyn's `iterNG`).
    public var batch: Int
    /// Position within the batch (1-based; Robyn's `iterPar`).
    public var position: Int
    /// Candidate number within the trial (1-based; Robyn's `iterations`).
    public var iteration: Int
    /// Every hyperparameter value, in ``SearchSpace/names`` order.
    public var values: [Double]
    /// The evaluation (`yPred` dropped to save memory; re-evaluate for per-row series), or nil if it failed.
    public var result: CandidateResult?
    /// Why the evaluation failed (e.g. a media series that adstocks to all zeros).
    public var failure: String?

    /// Robyn's `solID`: `<trial>_<iterNG>_<iterPar>`.
    public var modelId: String { "\(trial)_\(batch)_\(position)" }

    /// The objective losses (NRMSE, DECOMP.RSSD), worst possible for a failed candidate.
    public var losses: [Double] { losses(calibrated: false) }

    /// The objective losses: (NRMSE, DECOMP.RSSD), plus MAPE.LIFT when calibrating (Robyn's third objective).
    /// - Parameter calibrated: whether the search has lift studies.
    /// - Returns: the losses, worst possible for a failed candidate.
    package func losses(calibrated: Bool) -> [Double] {
        guard let m = result?.metrics else { return Array(repeating: .infinity, count: calibrated ? 3 : 2) }
        return calibrated ? [m.nrmse, m.decompRSSD, m.mape] : [m.nrmse, m.decompRSSD]
    }
}

/// What the search reports while it runs.
public struct SearchProgress: Sendable, Equatable {
    /// Candidates evaluated so far.
    public var done: Int
    /// Candidates planned.
    public var total: Int
    /// Lowest objective NRMSE seen.
    public var bestNRMSE: Double?
    /// Lowest DECOMP.RSSD seen.
    public var bestDecompRSSD: Double?
    /// Lowest MAPE.LIFT seen (calibrated searches only).
    public var bestMAPE: Double?

    /// Creates a progress report (backends other than the native search report through this too).
    public init(done: Int, total: Int, bestNRMSE: Double? = nil, bestDecompRSSD: Double? = nil, bestMAPE: Double? = nil) {
        self.done = done
        self.total = total
        self.bestNRMSE = bestNRMSE
        self.bestDecompRSSD = bestDecompRSSD
        self.bestMAPE = bestMAPE
    }
}
