extension BenchmarkConfig {
    /// Checks that every column a spec names exists in the data, before anything trains.
    /// - Parameter columns: the data's column names.
    /// - Throws: ``ConfigError`` naming the spec's JSON path (an unknown proxy column would otherwise fail each
    ///   variant that uses it, one by one).
    public func checkColumns(in columns: Set<String>) throws {
        func check(_ name: String, _ path: String) throws {
            guard !columns.contains(name) else { return }
            let near = EditDistance.closestKey(to: name, in: columns).map { "; did you mean '\($0)'?" } ?? ""
            throw ConfigError(path: path, "'\(name)' is not a column of the data\(near)")
        }
        for dimension in BenchmarkDimension.cartesianOrder {
            for spec in variants[dimension] ?? [] {
                switch spec.change {
                case .spendVarMapping(let mapping):
                    for key in mapping.proxyMapping.keys.sorted() {
                        try check(mapping.proxyMapping[key] ?? "", "\(spec.path).proxy_mapping.\(key)")
                    }
                    for (i, name) in (mapping.varsOverride ?? []).enumerated() {
                        try check(name, "\(spec.path).paid_media_vars_override[\(i)]")
                    }
                case .timeAggregation(_, let strategies):
                    for key in strategies.keys.sorted() { try check(key, "\(spec.path).column_agg_strategies.\(key)") }
                default:
                    continue
                }
            }
        }
    }
}
