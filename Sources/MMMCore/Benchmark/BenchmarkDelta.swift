import Foundation

/// Applies one spec's delta to a configuration: only the fields the spec names change.
enum BenchmarkDelta {
    /// Applies `spec` to `config`.
    /// - Parameter base: the base configuration (its proxies are what `spend_to_proxy` falls back on).
    /// - Returns: notes about what was interpreted.
    static func apply(_ spec: BenchmarkVariantSpec, to config: inout JobConfig, base: JobConfig) throws -> [Diagnostic] {
        var notes: [Diagnostic] = []
        switch spec.change {
        case .adstock(let type, let preset):
            if let preset { config.hyperparameterPreset = preset }
            if let type {
                let result = config.overridingAdstock(type, origin: "\(spec.path).adstock \(type.rawValue)")
                config = result.config
                notes += result.notes
            }
        case .trainSize(let size):
            config.trainSize = size
        case .timeAggregation(let frequency, let strategies):
            config.resampleFreq = frequency
            if !strategies.isEmpty { config.columnAggStrategies = strategies }
        case .spendVarMapping(let mapping):
            notes += try SpendVarMapper(spec: mapping, path: spec.path, base: base).apply(to: &config)
        case .window(let start, let end):
            if let start { config.startDate = start }
            if let end { config.endDate = end }
            if let start = config.startDate, let end = config.endDate, start > end {
                throw ConfigError(path: spec.path, "the window \(start) … \(end) is empty after merging with the base")
            }
        case .seed(let seed):
            config.seed = seed
        case .overrides(let set):
            notes += try overriding(&config, with: set, path: spec.path + ".set")
        }
        return notes
    }

    /// Sets job config fields by JSON name through the strict decoder, so values are checked exactly as in a job
    /// config file; `adstock` goes through ``JobConfig/overridingAdstock(_:origin:)`` like the adstock dimension.
    private static func overriding(_ config: inout JobConfig, with set: [String: BenchmarkJSONValue], path: String) throws
        -> [Diagnostic]
    {
        let current = try JSONDecoder().decode(BenchmarkJSONValue.self, from: try JSONEncoder().encode(config))
        guard case .object(var fields) = current else { return [] }
        for (key, value) in set where key != "adstock" { fields[key] = value }
        let data = try JSONEncoder().encode(BenchmarkJSONValue.object(fields))
        do {
            config = try StrictJSON.decode(JobConfig.self, from: data)
        } catch let error as ConfigError {
            throw ConfigError(path: path + error.path.dropFirst(), error.message)
        }
        guard let value = set["adstock"] else { return [] }
        guard case .string(let text) = value, let type = AdstockType(rawValue: text) else {
            throw ConfigError(path: path + ".adstock", "expected 'geometric', 'weibull_cdf' or 'weibull_pdf'")
        }
        let result = config.overridingAdstock(type, origin: "\(path).adstock \(type.rawValue)")
        config = result.config
        return result.notes
    }
}

/// The `spend_var_mapping` delta: decides, per paid channel, whether its spend or a proxy (exposure) column is
/// modelled, and keeps per-variable hyperparameter bounds attached to the channel when its variable changes.
struct SpendVarMapper {
    let spec: SpendVarMappingSpec
    let path: String
    let base: JobConfig

    func apply(to config: inout JobConfig) throws -> [Diagnostic] {
        let spends = config.paidMedia.map(\.spend)
        let spendSet = Set(spends)
        for key in spec.proxyMapping.keys.sorted() where !spendSet.contains(key) {
            throw ConfigError(path: "\(path).proxy_mapping.\(key)", "'\(key)' is not a paid media spend of the base (spends: \(spends.joined(separator: ", ")))")
        }
        for (key, list) in [("upper_funnel_channels", spec.upperFunnelChannels), ("lower_funnel_channels", spec.lowerFunnelChannels)] {
            for (i, channel) in list.enumerated() where !spendSet.contains(channel) {
                throw ConfigError(path: "\(path).\(key)[\(i)]", "'\(channel)' is not a paid media spend of the base (spends: \(spends.joined(separator: ", ")))")
            }
        }
        var proxies: [String: String] = [:]
        for pair in base.paidMedia where pair.usesExposure { proxies[pair.spend] = pair.variable }
        for (spend, proxy) in spec.proxyMapping {
            guard !proxy.trimmingCharactersInSet().isEmpty else {
                throw ConfigError(path: "\(path).proxy_mapping.\(spend)", "the proxy column name is empty")
            }
            proxies[spend] = proxy
        }
        let chosen = try variables(spends: spends, proxies: proxies)
        var notes: [Diagnostic] = []
        var renamed: [String] = []
        for (index, pair) in config.paidMedia.enumerated() {
            guard let variable = chosen[pair.spend], variable != pair.variable else { continue }
            // Bounds keyed by the old variable follow the channel (keys named by the spend already do).
            if pair.usesExposure {
                for key in config.customHyperparameters.keys.sorted() where key.hasPrefix(pair.variable + "_") {
                    let suffix = key.dropFirst(pair.variable.count + 1)
                    guard HyperparameterKind(rawValue: String(suffix)) != nil, let bound = config.customHyperparameters[key] else { continue }
                    config.customHyperparameters.removeValue(forKey: key)
                    config.customHyperparameters[variable + "_" + suffix] = bound
                    renamed.append("\(key) → \(variable)_\(suffix)")
                }
            }
            config.paidMedia[index].variable = variable
        }
        if !renamed.isEmpty {
            notes.append(.note("benchmark_bounds_renamed", "\(path): custom_hyperparameters follow their channel: \(renamed.joined(separator: ", "))", path: "$.custom_hyperparameters"))
        }
        return notes
    }

    /// The modelled variable of each spend.
    private func variables(spends: [String], proxies: [String: String]) throws -> [String: String] {
        if let list = spec.varsOverride { return try explicit(list, spends: spends, proxies: proxies) }
        switch spec.strategy {
        case .spendToSpend, .none:
            return Dictionary(uniqueKeysWithValues: spends.map { ($0, $0) })
        case .spendToProxy:
            guard !proxies.isEmpty else {
                throw ConfigError(path: path + ".proxy_mapping", "no channel has a proxy (the base models every channel by its spend); give proxy_mapping {spend: proxy column}")
            }
            return Dictionary(uniqueKeysWithValues: spends.map { ($0, proxies[$0] ?? $0) })
        case .mixedByFunnel:
            let upper = Set(spec.upperFunnelChannels)
            for (i, channel) in spec.upperFunnelChannels.enumerated() where proxies[channel] == nil {
                throw ConfigError(path: "\(path).upper_funnel_channels[\(i)]", "'\(channel)' has no proxy; add it to proxy_mapping")
            }
            return Dictionary(uniqueKeysWithValues: spends.map { ($0, upper.contains($0) ? proxies[$0] ?? $0 : $0) })
        }
    }

    /// The previous system's `paid_media_vars_override`: one modelled var per channel, each a spend or a known proxy.
    private func explicit(_ list: [String], spends: [String], proxies: [String: String]) throws -> [String: String] {
        var spendOfProxy: [String: String] = [:]
        for (spend, proxy) in proxies { spendOfProxy[proxy] = spend }
        var result: [String: String] = [:]
        for (i, name) in list.enumerated() {
            let itemPath = "\(path).paid_media_vars_override[\(i)]"
            guard let spend = spends.contains(name) ? name : spendOfProxy[name] else {
                throw ConfigError(path: itemPath, "'\(name)' is neither a paid media spend nor a known proxy; add it to proxy_mapping {spend: \"\(name)\"}")
            }
            if spec.strategy == .spendToSpend, name != spend {
                throw ConfigError(path: itemPath, "'\(name)' is a proxy, but mapping_strategy is spend_to_spend")
            }
            guard result[spend] == nil else { throw ConfigError(path: itemPath, "channel '\(spend)' is listed twice") }
            result[spend] = name
        }
        if let missing = spends.first(where: { result[$0] == nil }) {
            throw ConfigError(path: path + ".paid_media_vars_override", "has no var for the paid channel '\(missing)'; list one var per channel")
        }
        return result
    }
}
