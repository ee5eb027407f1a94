/// Why a channel ended where it did in an allocation.
public enum AllocationStatus: String, Codable, Sendable, CaseIterable {
    /// Between its bounds, where its marginal response equals the other free channels'.
    case optimal
    /// Held at its lower bound: it would spend less.
    case atLowerBound = "at_lower_bound"
    /// Held at its upper bound: it would spend more.
    case atUpperBound = "at_upper_bound"
    /// Its bounds are equal (e.g. [0, 0]), so it cannot move.
    case fixedByBounds = "fixed_by_bounds"
    /// The model gives it no effect (coefficient 0); it is held at its lower bound.
    case zeroCoefficient = "zero_coefficient"
    /// The budget is below the sum of the lower bounds: every channel is held at its lower bound.
    case budgetBelowLowerBounds = "budget_below_lower_bounds"
    /// The budget is above the sum of the upper bounds: every channel is held at its upper bound.
    case budgetAboveUpperBounds = "budget_above_upper_bounds"

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// One paid channel of an allocation: its historical position, its curve, and both solved runs. Per period.
public struct AllocationChannel: Codable, Sendable, Equatable {
    /// The modelled name (e.g. `facebook_I`).
    public var channel: String
    /// The spend column (e.g. `facebook_S`).
    public var spendColumn: String
    /// The coefficient of the curve `coef / (1 + (inflexion / (spend + carryover))^alpha)`.
    public var coefficient: Double
    /// Hill α.
    public var alpha: Double
    /// The stored inflexion.
    public var inflexion: Double
    /// Mean carryover input over the date range (the curve's shift).
    public var carryoverMean: Double
    /// Mean spend over the whole modelling window (Robyn's `histSpendAllUnit`).
    public var windowMeanSpend: Double
    /// Mean spend over the date range (Robyn's `initSpendUnit`): the starting point and the bounds' reference.
    public var initialSpend: Double
    /// Share of the range's total spend.
    public var initialSpendShare: Double?
    /// The curve at ``initialSpend`` (Robyn's `initResponseUnitSim`).
    public var initialResponse: Double
    /// Mean decomposed response over the range (`coef × Hill(adstocked)` per row; differs from ``initialResponse``
    /// because the curve of a mean is not the mean of the curve).
    public var historicalResponse: Double
    /// Marginal response at ``initialSpend``.
    public var initialMarginalResponse: Double?
    /// ``initialResponse`` ÷ ``initialSpend`` (revenue models).
    public var initialROI: Double?
    /// ``initialSpend`` ÷ ``initialResponse`` (conversion models).
    public var initialCPA: Double?
    /// The bounded run.
    public var bounded: AllocationChannelRun
    /// The extended run (bounds ×3).
    public var extended: AllocationChannelRun

    /// Creates a channel entry.
    public init(
        channel: String, spendColumn: String, coefficient: Double, alpha: Double, inflexion: Double,
        carryoverMean: Double, windowMeanSpend: Double, initialSpend: Double, initialSpendShare: Double?,
        initialResponse: Double, historicalResponse: Double, initialMarginalResponse: Double?, initialROI: Double?,
        initialCPA: Double?, bounded: AllocationChannelRun, extended: AllocationChannelRun
    ) {
        self.channel = channel
        self.spendColumn = spendColumn
        self.coefficient = coefficient
        self.alpha = alpha
        self.inflexion = inflexion
        self.carryoverMean = carryoverMean
        self.windowMeanSpend = windowMeanSpend
        self.initialSpend = initialSpend
        self.initialSpendShare = initialSpendShare
        self.initialResponse = initialResponse
        self.historicalResponse = historicalResponse
        self.initialMarginalResponse = initialMarginalResponse
        self.initialROI = initialROI
        self.initialCPA = initialCPA
        self.bounded = bounded
        self.extended = extended
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case channel
        case spendColumn = "spend_column"
        case coefficient, alpha, inflexion
        case carryoverMean = "carryover_mean"
        case windowMeanSpend = "window_mean_spend"
        case initialSpend = "initial_spend"
        case initialSpendShare = "initial_spend_share"
        case initialResponse = "initial_response"
        case historicalResponse = "historical_response"
        case initialMarginalResponse = "initial_marginal_response"
        case initialROI = "initial_roi"
        case initialCPA = "initial_cpa"
        case bounded, extended
    }
}

/// One channel's outcome in one solved run. Per period.
public struct AllocationChannelRun: Codable, Sendable, Equatable {
    /// Lower bound of spend.
    public var lowerBound: Double
    /// Upper bound of spend.
    public var upperBound: Double
    /// Lower bound as a multiple of the initial spend (nil when the initial spend is 0).
    public var lowerMultiplier: Double?
    /// Upper bound as a multiple of the initial spend.
    public var upperMultiplier: Double?
    /// Optimised spend.
    public var spend: Double
    /// `spend / initial − 1` (nil when the initial spend is 0).
    public var spendChange: Double?
    /// Share of the run's total optimised spend.
    public var spendShare: Double?
    /// The curve at ``spend``.
    public var response: Double
    /// Marginal response at ``spend``.
    public var marginalResponse: Double?
    /// ``response`` ÷ ``spend`` (revenue models).
    public var roi: Double?
    /// ``spend`` ÷ ``response`` (conversion models).
    public var cpa: Double?
    /// Why the channel ended here.
    public var status: AllocationStatus
    /// Whether the spend moved by more than 0.1 % from the initial spend.
    public var moved: Bool
    /// The reason in words, e.g. "held at its upper bound (2 × its mean spend, 41,870): its marginal response there
    /// (1.9) is above the 1.2 the other channels reach".
    public var explanation: String

    /// Creates a channel run.
    public init(
        lowerBound: Double, upperBound: Double, lowerMultiplier: Double?, upperMultiplier: Double?, spend: Double,
        spendChange: Double?, spendShare: Double?, response: Double, marginalResponse: Double?, roi: Double?,
        cpa: Double?, status: AllocationStatus, moved: Bool, explanation: String
    ) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.lowerMultiplier = lowerMultiplier
        self.upperMultiplier = upperMultiplier
        self.spend = spend
        self.spendChange = spendChange
        self.spendShare = spendShare
        self.response = response
        self.marginalResponse = marginalResponse
        self.roi = roi
        self.cpa = cpa
        self.status = status
        self.moved = moved
        self.explanation = explanation
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case lowerBound = "lower_bound"
        case upperBound = "upper_bound"
        case lowerMultiplier = "lower_multiplier"
        case upperMultiplier = "upper_multiplier"
        case spend
        case spendChange = "spend_change"
        case spendShare = "spend_share"
        case response
        case marginalResponse = "marginal_response"
        case roi, cpa, status, moved, explanation
    }
}
