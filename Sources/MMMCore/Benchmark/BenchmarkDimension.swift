/// A dimension a benchmark varies (the keys of a benchmark config's `variants`).
public enum BenchmarkDimension: String, Codable, Sendable, CaseIterable, Comparable {
    case adstock
    case trainSplits = "train_splits"
    case timeAggregation = "time_aggregation"
    case spendVarMapping = "spend_var_mapping"
    case seasonalityWindow = "seasonality_window"
    case seed
    case overrides

    /// The `benchmark_test` tag of a variant that changes only this dimension (the previous system's values, §2.2).
    public var tag: String {
        switch self {
        case .trainSplits: return "train_split"
        default: return rawValue
        }
    }

    /// Order of `single` mode: the previous system's (spend_var_mapping first), then the new dimensions.
    public static let singleOrder: [BenchmarkDimension] = [
        .spendVarMapping, .adstock, .trainSplits, .timeAggregation, .seasonalityWindow, .seed, .overrides,
    ]

    /// Order of `cartesian` mode, which is also the order the deltas are applied in (later dimensions win only on
    /// the fields they set themselves).
    public static let cartesianOrder: [BenchmarkDimension] = [
        .adstock, .trainSplits, .timeAggregation, .spendVarMapping, .seasonalityWindow, .seed, .overrides,
    ]

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (cartesianOrder.firstIndex(of: lhs) ?? 0) < (cartesianOrder.firstIndex(of: rhs) ?? 0)
    }
}

/// How the dimensions' variants combine.
public enum CombinationMode: String, Codable, Sendable, CaseIterable {
    /// One variant per spec, each changing one dimension of the base: the count is the sum of the list lengths.
    case single
    /// Every combination of one spec per dimension: the count is the product of the list lengths.
    case cartesian

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// How paid media channels are modelled in a `spend_var_mapping` variant.
public enum MappingStrategy: String, Codable, Sendable, CaseIterable {
    /// Every channel by its spend.
    case spendToSpend = "spend_to_spend"
    /// Every channel that has a proxy (exposure) by it: `proxy_mapping` over the base's own proxies.
    case spendToProxy = "spend_to_proxy"
    /// Upper-funnel channels by their proxy, the others by their spend.
    case mixedByFunnel = "mixed_by_funnel"
}
