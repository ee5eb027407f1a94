/// Reads one dimension spec strictly: the keys the generator uses, the previous system's old names for them where
/// the meaning is unambiguous (each with a note), and an error for any other key, so a spec can never be a silent
/// no-op (the previous system's `type`, `aggregation_level` and `paid_media_vars_override` were).
enum BenchmarkSpecParser {
    typealias Keys = KeyedDecodingContainer<AnyCodingKey>

    /// The keys each dimension reads (besides `name` and `description`), and the old names it accepts.
    static func keys(for dimension: BenchmarkDimension) -> (current: [String], legacy: [String]) {
        switch dimension {
        case .adstock: return (["adstock", "hyperparameter_preset"], ["type"])
        case .trainSplits: return (["train_size"], [])
        case .timeAggregation: return (["resample_freq", "column_agg_strategies"], ["frequency", "aggregation_level"])
        case .spendVarMapping:
            return (
                ["mapping_strategy", "proxy_mapping", "upper_funnel_channels", "lower_funnel_channels"],
                ["type", "paid_media_vars_override"]
            )
        case .seasonalityWindow: return (["start_date", "end_date"], [])
        case .seed: return (["seed"], [])
        case .overrides: return (["set"], [])
        }
    }

    static func parse(_ dimension: BenchmarkDimension, from decoder: any Decoder, notes: inout [Diagnostic]) throws
        -> BenchmarkVariantSpec
    {
        let path = ConfigError.jsonPath(decoder.codingPath)
        let (current, legacy) = keys(for: dimension)
        try decoder.rejectUnknownKeys(allowed: Set(["name", "description"] + current + legacy))
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let name = try c.decodeUnlessNull(String.self, forKey: AnyCodingKey("name")),
            !name.trimmingCharactersInSet().isEmpty
        else {
            throw ConfigError(path: path + ".name", "every variant needs a non-empty name")
        }
        let description = try c.decodeUnlessNull(String.self, forKey: AnyCodingKey("description")) ?? ""
        let change: BenchmarkChange
        switch dimension {
        case .adstock: change = try adstock(c, path, &notes)
        case .trainSplits: change = .trainSize(try required(TrainSize.self, c, "train_size", path))
        case .timeAggregation: change = try timeAggregation(c, path, &notes)
        case .spendVarMapping: change = .spendVarMapping(try mapping(c, path, &notes))
        case .seasonalityWindow:
            let start = try c.decodeUnlessNull(CalendarDate.self, forKey: AnyCodingKey("start_date"))
            let end = try c.decodeUnlessNull(CalendarDate.self, forKey: AnyCodingKey("end_date"))
            guard start != nil || end != nil else { throw noOp(path, "start_date or end_date") }
            if let start, let end, start > end {
                throw ConfigError(path: path + ".start_date", "start_date \(start) is after end_date \(end)")
            }
            change = .window(start: start, end: end)
        case .seed:
            guard let seed = try c.decodeIntegerUnlessNull(UInt64.self, forKey: AnyCodingKey("seed")) else {
                throw noOp(path, "seed")
            }
            change = .seed(seed)
        case .overrides: change = .overrides(try overrides(c, path))
        }
        return BenchmarkVariantSpec(name: name, description: description, change: change, path: path)
    }

    private static func required<T: Decodable>(_ type: T.Type, _ c: Keys, _ key: String, _ path: String) throws -> T {
        guard let value = try c.decodeUnlessNull(type, forKey: AnyCodingKey(key)) else { throw noOp(path, key) }
        return value
    }

    /// A spec that would change nothing is an error: the variant would silently train the base.
    private static func noOp(_ path: String, _ needed: String) -> ConfigError {
        ConfigError(path: path, "this variant sets nothing (it would train the base unchanged); give \(needed)")
    }

    /// Reads `key`, or its old name `old` (with a note); both at once is an error.
    private static func aliased(_ c: Keys, _ key: String, old: String, _ path: String, _ notes: inout [Diagnostic], why: String)
        throws -> String?
    {
        let hasOld = c.contains(AnyCodingKey(old))
        if hasOld, c.contains(AnyCodingKey(key)) {
            throw ConfigError(path: path + "." + old, "'\(old)' is the old name of '\(key)'; give only '\(key)'")
        }
        guard hasOld else { return try c.decodeUnlessNull(String.self, forKey: AnyCodingKey(key)) }
        notes.append(.note("benchmark_legacy_key", "\(path).\(old) read as '\(key)' (\(why))", path: path + "." + old))
        return try c.decodeUnlessNull(String.self, forKey: AnyCodingKey(old))
    }

    private static func adstock(_ c: Keys, _ path: String, _ notes: inout [Diagnostic]) throws -> BenchmarkChange {
        let text = try aliased(
            c, "adstock", old: "type", path, &notes, why: "the previous system's key before e178fad, which then trained geometric for every variant")
        var type: AdstockType?
        if let text {
            guard let value = AdstockType(rawValue: text) else {
                let key = c.contains(AnyCodingKey("type")) ? "type" : "adstock"
                throw ConfigError(path: "\(path).\(key)", "unknown value '\(text)'; expected 'geometric', 'weibull_cdf' or 'weibull_pdf'")
            }
            type = value
        }
        var preset: HyperparameterPreset?
        if let name = try c.decodeUnlessNull(String.self, forKey: AnyCodingKey("hyperparameter_preset")) {
            if let value = HyperparameterPreset(rawValue: name) {
                preset = value
            } else if name == "Meta default" || name == "Meta recommend" {
                preset = .facebookRecommend
                notes.append(
                    .note(
                        "benchmark_legacy_preset",
                        "\(path).hyperparameter_preset '\(name)' read as 'Facebook recommend' (Meta's recommended bounds; the previous system's R code did not know the name and silently used 'Meshed recommend'); write 'Robyn default' for Robyn's set_default_hyppar bounds",
                        path: path + ".hyperparameter_preset"))
            } else {
                let allowed = HyperparameterPreset.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                throw ConfigError(path: path + ".hyperparameter_preset", "unknown preset '\(name)'; expected one of \(allowed)")
            }
        }
        guard type != nil || preset != nil else { throw noOp(path, "adstock and/or hyperparameter_preset") }
        return .adstock(type, preset: preset)
    }

    private static func timeAggregation(_ c: Keys, _ path: String, _ notes: inout [Diagnostic]) throws -> BenchmarkChange {
        let present = ["resample_freq", "frequency", "aggregation_level"].filter { c.contains(AnyCodingKey($0)) }
        guard present.count <= 1 else {
            throw ConfigError(path: path + "." + present[1], "give only 'resample_freq' (frequency and aggregation_level are its old names)")
        }
        guard let key = present.first, let text = try c.decodeUnlessNull(String.self, forKey: AnyCodingKey(key)) else {
            throw noOp(path, "resample_freq (none, W or M)")
        }
        let frequency: ResampleFrequency?
        if key == "aggregation_level" {
            frequency = ["day": .none, "week": .weekly, "month": .monthly][text]
            guard frequency != nil else {
                throw ConfigError(path: path + ".aggregation_level", "unknown value '\(text)'; expected 'day', 'week' or 'month' (or write resample_freq none, W or M)")
            }
            notes.append(
                .note(
                    "benchmark_legacy_key",
                    "\(path).aggregation_level '\(text)' read as resample_freq '\(frequency?.rawValue ?? "")' (the previous system never read this key and trained daily data for every variant)",
                    path: path + ".aggregation_level"))
        } else {
            frequency = ResampleFrequency(rawValue: text)
            guard frequency != nil else {
                throw ConfigError(path: "\(path).\(key)", "unknown value '\(text)'; expected 'none', 'W' or 'M'")
            }
            if key == "frequency" {
                notes.append(
                    .note("benchmark_legacy_key", "\(path).frequency read as 'resample_freq' (the previous system's key before e178fad)", path: path + ".frequency"))
            }
        }
        let strategies = try c.decodeUnlessNull([String: AggregationStrategy].self, forKey: AnyCodingKey("column_agg_strategies")) ?? [:]
        if frequency == ResampleFrequency.none, !strategies.isEmpty {
            throw ConfigError(path: path + ".column_agg_strategies", "only used when resampling; resample_freq is none")
        }
        return .timeAggregation(frequency ?? .none, strategies: strategies)
    }

    private static func mapping(_ c: Keys, _ path: String, _ notes: inout [Diagnostic]) throws -> SpendVarMappingSpec {
        let text = try aliased(
            c, "mapping_strategy", old: "type", path, &notes, why: "the previous system's key before 3b86939")
        let key = c.contains(AnyCodingKey("type")) ? "type" : "mapping_strategy"
        var spec = SpendVarMappingSpec(strategy: nil)
        spec.proxyMapping = try c.decodeUnlessNull([String: String].self, forKey: AnyCodingKey("proxy_mapping")) ?? [:]
        spec.upperFunnelChannels = try c.decodeStringList(forKey: AnyCodingKey("upper_funnel_channels")) ?? []
        spec.lowerFunnelChannels = try c.decodeStringList(forKey: AnyCodingKey("lower_funnel_channels")) ?? []
        spec.varsOverride = try c.decodeStringList(forKey: AnyCodingKey("paid_media_vars_override"))
        if let list = spec.varsOverride {
            guard !list.isEmpty else { throw ConfigError(path: path + ".paid_media_vars_override", "must not be empty") }
            notes.append(
                .note(
                    "benchmark_legacy_key",
                    "\(path).paid_media_vars_override read as the modelled var of each paid channel (the previous system never read it)",
                    path: path + ".paid_media_vars_override"))
        }
        guard let text else { throw noOp(path, "mapping_strategy (spend_to_spend, spend_to_proxy or mixed_by_funnel)") }
        if let strategy = MappingStrategy(rawValue: text) {
            spec.strategy = strategy
        } else if text == "mixed" {
            if spec.varsOverride != nil {
                notes.append(.note("benchmark_legacy_value", "\(path).\(key) 'mixed' with paid_media_vars_override: the listed vars are used as they are", path: "\(path).\(key)"))
            } else if !spec.upperFunnelChannels.isEmpty {
                spec.strategy = .mixedByFunnel
                notes.append(.note("benchmark_legacy_value", "\(path).\(key) 'mixed' read as 'mixed_by_funnel' (it has upper_funnel_channels)", path: "\(path).\(key)"))
            } else {
                throw ConfigError(
                    path: "\(path).\(key)",
                    "'mixed' without upper_funnel_channels or paid_media_vars_override says nothing about which channel uses which column (the previous system trained the base unchanged); use 'mixed_by_funnel' with upper_funnel_channels")
            }
        } else {
            let allowed = MappingStrategy.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw ConfigError(path: "\(path).\(key)", "unknown value '\(text)'; expected one of \(allowed)")
        }
        if spec.strategy == .mixedByFunnel, spec.upperFunnelChannels.isEmpty {
            throw ConfigError(path: path + ".upper_funnel_channels", "mixed_by_funnel needs the upper-funnel channels (spend columns) modelled by their proxy")
        }
        if spec.strategy != .mixedByFunnel, spec.varsOverride == nil,
            !(spec.upperFunnelChannels.isEmpty && spec.lowerFunnelChannels.isEmpty)
        {
            throw ConfigError(path: path + ".upper_funnel_channels", "only used by mixed_by_funnel")
        }
        if spec.strategy == .spendToSpend, !spec.proxyMapping.isEmpty {
            throw ConfigError(path: path + ".proxy_mapping", "spend_to_spend uses no proxies; remove proxy_mapping")
        }
        let overlap = Set(spec.upperFunnelChannels).intersection(spec.lowerFunnelChannels).sorted()
        if let first = overlap.first {
            throw ConfigError(path: path + ".lower_funnel_channels", "'\(first)' is also an upper-funnel channel")
        }
        return spec
    }

    private static func overrides(_ c: Keys, _ path: String) throws -> [String: BenchmarkJSONValue] {
        guard let set = try c.decodeUnlessNull([String: BenchmarkJSONValue].self, forKey: AnyCodingKey("set")), !set.isEmpty
        else { throw noOp(path, "set: {<job config field>: <value>, …}") }
        for key in set.keys.sorted() {
            if BenchmarkGenerator.reservedOverrideKeys[key] != nil || !JobConfig.jsonKeys.contains(key) {
                let reason = BenchmarkGenerator.reservedOverrideKeys[key]
                    ?? (EditDistance.closestKey(to: key, in: JobConfig.jsonKeys).map { "not a job config field; did you mean '\($0)'?" }
                        ?? "not a job config field")
                throw ConfigError(path: "\(path).set.\(key)", reason)
            }
        }
        return set
    }
}

extension EditDistance {
    /// The allowed key within two edits of `key`, if any.
    static func closestKey(to key: String, in allowed: Set<String>) -> String? {
        allowed.map { ($0, between(key.lowercased(), $0.lowercased())) }.filter { $0.1 <= 2 }
            .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }
}
