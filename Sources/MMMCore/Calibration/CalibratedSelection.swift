/// How the best model is chosen when the job has lift studies (without studies Robyn's rule is always used).
public enum CalibratedSelection: String, Codable, Sendable, CaseIterable, Hashable {
    /// Robyn's rule unchanged: the `calibration_constraint` MAPE quantile and the 90 % NRMSE and DECOMP.RSSD
    /// quantiles, Pareto fronts on (NRMSE, DECOMP.RSSD), clusters, lowest error score.
    case robyn
    /// Robyn's filters and clusters, then the lowest error score on (NRMSE, MAPE.LIFT) only: once experiments
    /// measure channel effects, DECOMP.RSSD — which rewards effect shares equal to spend shares — is not used to
    /// choose among the calibrated models (see docs/calibration.md).
    case fitAndLift = "fit_and_lift"

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

extension CalibratedSelection {
    /// The rule used when a job has lift studies and does not name one.
    public static let defaultRule: CalibratedSelection = .robyn
}
