import MMMCore
import MMMEngine

/// Everything a one-pager shows about one model of a run, read from the run folder's tables.
struct ModelView: Sendable {
    /// One variable's share of the prediction.
    struct Contribution: Sendable {
        var variable: String
        var role: VariableContribution.Role
        /// Σ of the variable's contribution over the window.
        var totalEffect: Double
        /// Share of the summed prediction.
        var effectPercent: Double?
        /// Paid media only: share of paid effect and of paid spend.
        var effectShare: Double?
        var spendShare: Double?
        /// Paid media only: ROI (revenue) or CPA (conversion) over the window.
        var efficiency: Double?
    }

    /// A paid channel's response curve and where the channel spends today.
    struct Channel: Sendable {
        var name: String
        var curve: ResponseCurve
        /// Mean spend per period over the window.
        var currentSpend: Double
        /// The allocator's recommended mean spend per period, when the run has an allocation for this model.
        var optimalSpend: Double?
    }

    /// How one unit of a media variable carries over into later periods.
    struct Carryover: Sendable {
        var name: String
        /// Weight at lag 0, 1, 2, … (what one unit at lag 0 becomes).
        var weights: [Double]
        /// The parameters in words (`θ = 0.35`, `shape 1.2, scale 0.1`).
        var parameters: String
    }

    var modelId: String
    var metrics: ModelMetrics
    var depVar: String
    var depVarType: DepVarType
    var adstock: AdstockType
    /// Cadence word for axis titles (`weeks`), from the preparation manifest.
    var periodName: String
    var dates: [CalendarDate]
    var actual: [Double]
    var fitted: [Double]
    /// The train / validation / test split of the window rows.
    var split: TimeSeriesSplit
    var contributions: [Contribution]
    var channels: [Channel]
    /// The dates the curves' carryover and today's spend are averaged over, when not the whole window (an
    /// allocation's date range).
    var curveRange: String?
    var carryover: [Carryover]
    /// What could not be shown and why (missing files or columns), for the report.
    var gaps: [String]

    /// Residuals: actual − fitted.
    var residuals: [Double] { zip(actual, fitted).map { $0 - $1 } }

    /// ROI for revenue models, CPA for conversion models.
    var efficiencyName: String { depVarType == .conversion ? "CPA" : "ROI" }
}
