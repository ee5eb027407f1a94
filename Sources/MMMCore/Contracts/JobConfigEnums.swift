/// Time aggregation applied before modelling.
public enum ResampleFrequency: String, Codable, Sendable, CaseIterable {
    /// Keep the data's own cadence.
    case none
    /// Weekly, weeks starting on Monday; each period is labelled with its Monday.
    case weekly = "W"
    /// Calendar months, labelled with the 1st.
    case monthly = "M"

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// How a column is aggregated when resampling.
public enum AggregationStrategy: String, Codable, Sendable, CaseIterable {
    case sum, mean, max, min
    /// The period's first non-missing value (the previous system called this `auto`).
    case first

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// Named hyperparameter bound sets (reference-system §4.4 and Robyn's defaults).
public enum HyperparameterPreset: String, Codable, Sendable, CaseIterable {
    /// The previous system's default: wide decay (theta 0.9–0.99) for ORGANIC_TRAFFIC, TV tuned, etc.
    case meshedRecommend = "Meshed recommend"
    /// Robyn's documented recommendation (alpha 0.5–3, gamma 0.3–1, theta 0–0.3; TV_COST 0.3–0.8).
    case facebookRecommend = "Facebook recommend"
    /// Robyn's `set_default_hyppar()` bounds.
    case robynDefault = "Robyn default"
    /// Only `custom_hyperparameters`, with the previous system's custom defaults for anything not given.
    case custom = "Custom"

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// Which budget the allocator optimises.
public enum BudgetScenario: String, Codable, Sendable, CaseIterable {
    /// Re-allocate the historical spend of the allocation window.
    case maxHistoricalResponse = "max_historical_response"
    /// Allocate `expected_spend` (optionally split by `channel_budgets`).
    case maxResponseExpectedSpend = "max_response_expected_spend"

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// Baseline (non-media) terms the engine builds from the dates, as Robyn's Prophet variables.
public enum BaselineTerm: String, Codable, Sendable, CaseIterable {
    case trend, season, holiday, weekday, monthly

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// What preparation does with periods whose dependent variable has no value (an empty or `NaN` cell, or a date
/// missing from the data).
public enum MissingDepVarPolicy: String, Codable, Sendable, CaseIterable {
    /// An input error naming the dates (the default: a zero would be modelled as "no response").
    case error
    /// Leave them out: when resampling, each period is built from the dates that have a value; periods without any
    /// value are trimmed at the start and end of the data. One inside the series stays an error, because the model
    /// needs consecutive periods.
    case drop
    /// Model them as zero response, with a warning (the behaviour before this option existed).
    case zero

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}
