/// One entry of a dimension's list in a benchmark config: a name and the change it makes to the base.
public struct BenchmarkVariantSpec: Sendable, Equatable {
    /// The variant's name within its dimension (`benchmark_variant`).
    public var name: String
    /// Free text.
    public var description: String
    /// What the variant changes.
    public var change: BenchmarkChange
    /// The spec's JSON path in the benchmark config, e.g. `$.variants.adstock[1]`, for later errors.
    public var path: String

    /// Creates a spec.
    public init(name: String, description: String = "", change: BenchmarkChange, path: String) {
        self.name = name
        self.description = description
        self.change = change
        self.path = path
    }
}

/// The delta a spec applies to a job configuration. Each case sets only its own fields, so combining dimensions
/// never resets what an earlier dimension set (the previous system copied whole dicts and did).
public enum BenchmarkChange: Sendable, Equatable {
    /// Adstock type and/or hyperparameter preset.
    case adstock(AdstockType?, preset: HyperparameterPreset?)
    /// Training share (fixed or searched range).
    case trainSize(TrainSize)
    /// Time aggregation, with optional per-column strategies.
    case timeAggregation(ResampleFrequency, strategies: [String: AggregationStrategy])
    /// Which column models each paid channel.
    case spendVarMapping(SpendVarMappingSpec)
    /// The modelling window.
    case window(start: CalendarDate?, end: CalendarDate?)
    /// The random seed.
    case seed(UInt64)
    /// Any job config fields, by their JSON name.
    case overrides([String: BenchmarkJSONValue])
}

/// A `spend_var_mapping` spec as read.
public struct SpendVarMappingSpec: Sendable, Equatable {
    /// The strategy; nil when `paid_media_vars_override` lists the vars explicitly (the previous system's `mixed`).
    public var strategy: MappingStrategy?
    /// Spend column → proxy column, over the base's own proxies.
    public var proxyMapping: [String: String]
    /// Channels (spend columns) modelled by their proxy in `mixed_by_funnel`.
    public var upperFunnelChannels: [String]
    /// Channels (spend columns) modelled by their spend in `mixed_by_funnel` (the rest are too; listed to check).
    public var lowerFunnelChannels: [String]
    /// The previous system's explicit list of modelled vars, one per paid channel.
    public var varsOverride: [String]?

    /// Creates a spec.
    public init(
        strategy: MappingStrategy?, proxyMapping: [String: String] = [:], upperFunnelChannels: [String] = [],
        lowerFunnelChannels: [String] = [], varsOverride: [String]? = nil
    ) {
        self.strategy = strategy
        self.proxyMapping = proxyMapping
        self.upperFunnelChannels = upperFunnelChannels
        self.lowerFunnelChannels = lowerFunnelChannels
        self.varsOverride = varsOverride
    }
}
