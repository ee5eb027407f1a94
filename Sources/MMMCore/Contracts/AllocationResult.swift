/// What the budget allocator optimises.
public enum AllocationScenario: String, Codable, Sendable, CaseIterable {
    /// The most response for a fixed total budget (Robyn's `max_response`).
    case maxResponse = "max_response"
    /// The most spend (and response) that still meets a target ROAS or CPA (Robyn's `target_efficiency`).
    case targetEfficiency = "target_efficiency"

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// `allocation.json`: one allocation of one model, in the spirit of Robyn's `dt_optimOut`, with the bounded run, the
/// extended run (bounds widened ×3, Robyn's "Bounded x3"), per-channel diagnostics in words, and the response curves
/// a plot needs.
///
/// Channel values are **per period** (a week for weekly data), as Robyn's `…Unit` columns; run totals cover the date
/// range (per-period value × ``periods``). Numbers that are not defined (a ROI at zero spend) are omitted.
public struct AllocationResult: Codable, Sendable, Equatable {
    /// Format version (1).
    public var schemaVersion = 1
    /// The run that trained the model.
    public var runId: String
    /// The allocated model.
    public var modelId: String
    /// Revenue (ROI) or conversion (CPA).
    public var depVarType: DepVarType
    /// The scenario.
    public var scenario: AllocationScenario
    /// Where the budget came from, in words (e.g. "historical spend of the date range", "--budget").
    public var budgetSource: String
    /// First date of the allocation range (inside the modelling window).
    public var dateStart: CalendarDate
    /// Last date of the allocation range.
    public var dateEnd: CalendarDate
    /// Periods (rows) in the range.
    public var periods: Int
    /// The target ROAS (revenue) or CPA (conversion) of a target_efficiency allocation.
    public var target: Double?
    /// The run with the requested bounds.
    public var bounded: AllocationRun
    /// The same problem with every bound widened ×3 around its reference spend (Robyn's extended run).
    public var extended: AllocationRun
    /// One entry per paid channel, in model order.
    public var channels: [AllocationChannel]
    /// Response curves for plots, one per paid channel.
    public var curves: [AllocationCurve]
    /// Problem-level notes and warnings (infeasible budget, unreachable target), in words.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(
        runId: String, modelId: String, depVarType: DepVarType, scenario: AllocationScenario, budgetSource: String,
        dateStart: CalendarDate, dateEnd: CalendarDate, periods: Int, target: Double?, bounded: AllocationRun,
        extended: AllocationRun, channels: [AllocationChannel], curves: [AllocationCurve], diagnostics: [Diagnostic]
    ) {
        self.runId = runId
        self.modelId = modelId
        self.depVarType = depVarType
        self.scenario = scenario
        self.budgetSource = budgetSource
        self.dateStart = dateStart
        self.dateEnd = dateEnd
        self.periods = periods
        self.target = target
        self.bounded = bounded
        self.extended = extended
        self.channels = channels
        self.curves = curves
        self.diagnostics = diagnostics
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case runId = "run_id"
        case modelId = "model_id"
        case depVarType = "dep_var_type"
        case scenario
        case budgetSource = "budget_source"
        case dateStart = "date_start"
        case dateEnd = "date_end"
        case periods, target, bounded, extended, channels, curves, diagnostics
    }

    /// The JSON keys this contract writes.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))
}

/// The totals of one solved allocation over the date range.
public struct AllocationRun: Codable, Sendable, Equatable {
    /// 1 for the bounded run, 3 for the extended run.
    public var boundsMultiplier: Double
    /// Whether the budget (or target) could be met within the bounds.
    public var feasible: Bool
    /// The budget allocated over the range (for target_efficiency: the spend that meets the target).
    public var budgetTotal: Double
    /// Historical spend of the range.
    public var initialSpendTotal: Double
    /// Response of the historical spend (each channel's curve at its mean spend) × periods.
    public var initialResponseTotal: Double
    /// Optimised spend over the range.
    public var optimalSpendTotal: Double
    /// Optimised response over the range.
    public var optimalResponseTotal: Double
    /// `optimal / initial response − 1`.
    public var responseLift: Double?
    /// The common marginal response of the channels that are not held by a bound (response per extra unit of
    /// spend per period; the value of one more unit of budget). Nil when every channel is held by a bound.
    public var marginalResponse: Double?
    /// Guaranteed distance of ``optimalResponseTotal`` from the true optimum (0 up to rounding when every curve is
    /// concave on its bounds; the solver's bound otherwise).
    public var optimalityGap: Double

    /// Creates a run summary.
    public init(
        boundsMultiplier: Double, feasible: Bool, budgetTotal: Double, initialSpendTotal: Double,
        initialResponseTotal: Double, optimalSpendTotal: Double, optimalResponseTotal: Double, responseLift: Double?,
        marginalResponse: Double?, optimalityGap: Double
    ) {
        self.boundsMultiplier = boundsMultiplier
        self.feasible = feasible
        self.budgetTotal = budgetTotal
        self.initialSpendTotal = initialSpendTotal
        self.initialResponseTotal = initialResponseTotal
        self.optimalSpendTotal = optimalSpendTotal
        self.optimalResponseTotal = optimalResponseTotal
        self.responseLift = responseLift
        self.marginalResponse = marginalResponse
        self.optimalityGap = optimalityGap
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case boundsMultiplier = "bounds_multiplier"
        case feasible
        case budgetTotal = "budget_total"
        case initialSpendTotal = "initial_spend_total"
        case initialResponseTotal = "initial_response_total"
        case optimalSpendTotal = "optimal_spend_total"
        case optimalResponseTotal = "optimal_response_total"
        case responseLift = "response_lift"
        case marginalResponse = "marginal_response"
        case optimalityGap = "optimality_gap"
    }
}

/// Points of one channel's response curve (per period, with the historical mean carryover), for plots.
public struct AllocationCurve: Codable, Sendable, Equatable {
    /// The channel's modelled name.
    public var channel: String
    /// Spend per period at each point, ascending from 0.
    public var spend: [Double]
    /// Response per period at each point.
    public var response: [Double]
    /// Marginal response (d response / d spend) at each point; null where it is infinite (α < 1 at zero level).
    public var marginalResponse: [Double?]

    /// Creates a curve.
    public init(channel: String, spend: [Double], response: [Double], marginalResponse: [Double?]) {
        self.channel = channel
        self.spend = spend
        self.response = response
        self.marginalResponse = marginalResponse
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case channel, spend, response
        case marginalResponse = "marginal_response"
    }
}
