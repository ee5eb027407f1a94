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
    public var losses: [Double] {
        guard let m = result?.metrics else { return [.infinity, .infinity] }
        return [m.nrmse, m.decompRSSD]
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

    /// Creates a progress report (backends other than the native search report through this too).
    public init(done: Int, total: Int, bestNRMSE: Double? = nil, bestDecompRSSD: Double? = nil) {
        self.done = done
        self.total = total
        self.bestNRMSE = bestNRMSE
        self.bestDecompRSSD = bestDecompRSSD
    }
}
