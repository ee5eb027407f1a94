/// The previous system's one-command benchmark (`run_full_benchmark.py`): 3 adstocks × 3 train splits × 2 time
/// aggregations × 3 spend→var mappings = 54 variants at 1,000 × 3, built for any base configuration.
public enum ComprehensiveBenchmark {
    /// The benchmark config for `base`.
    ///
    /// The mapping levels are spend_to_spend, spend_to_proxy (the base's own proxies) and mixed_by_funnel (the
    /// `upperFunnel` channels by their proxy, the rest by their spend). Levels the base cannot have are left out,
    /// each with a note: without any proxy only spend_to_spend remains; with one proxy mixed_by_funnel would equal
    /// spend_to_proxy.
    /// - Parameters:
    ///   - base: the base configuration.
    ///   - upperFunnel: channels (spend columns) for mixed_by_funnel; nil means every proxied channel but the last.
    /// - Returns: the config and the notes.
    public static func config(base: JobConfig, upperFunnel: [String]? = nil) -> (BenchmarkConfig, [Diagnostic]) {
        var notes: [Diagnostic] = []
        func spec(_ dimension: BenchmarkDimension, _ index: Int, _ name: String, _ change: BenchmarkChange) -> BenchmarkVariantSpec {
            BenchmarkVariantSpec(name: name, change: change, path: "$.variants.\(dimension.rawValue)[\(index)]")
        }
        let proxied = base.paidMedia.filter(\.usesExposure).map(\.spend)
        var mapping = [spec(.spendVarMapping, 0, "spend_to_spend", .spendVarMapping(.init(strategy: .spendToSpend)))]
        if proxied.isEmpty {
            notes.append(.note("comprehensive_mapping", "the base models every channel by its spend, so spend_var_mapping has only spend_to_spend"))
        } else {
            mapping.append(spec(.spendVarMapping, 1, "spend_to_proxy", .spendVarMapping(.init(strategy: .spendToProxy))))
            let upper = upperFunnel ?? Array(proxied.dropLast())
            if upper.isEmpty {
                notes.append(.note("comprehensive_mapping", "the base has one proxied channel, so mixed_by_funnel would equal spend_to_proxy; left out"))
            } else {
                mapping.append(
                    spec(.spendVarMapping, 2, "mixed_by_funnel", .spendVarMapping(.init(strategy: .mixedByFunnel, upperFunnelChannels: upper))))
            }
        }
        var config = BenchmarkConfig(
            name: "comprehensive_benchmark",
            description: "Every combination of adstock, train split, time aggregation and spend→var mapping",
            variants: [
                .adstock: [
                    spec(.adstock, 0, "geometric", .adstock(.geometric, preset: .meshedRecommend)),
                    spec(.adstock, 1, "weibull_cdf", .adstock(.weibullCDF, preset: .facebookRecommend)),
                    spec(.adstock, 2, "weibull_pdf", .adstock(.weibullPDF, preset: .facebookRecommend)),
                ],
                .trainSplits: [
                    spec(.trainSplits, 0, "70_90", .trainSize(.range(0.7, 0.9))),
                    spec(.trainSplits, 1, "75_90", .trainSize(.range(0.75, 0.9))),
                    spec(.trainSplits, 2, "65_80", .trainSize(.range(0.65, 0.8))),
                ],
                .timeAggregation: [
                    spec(.timeAggregation, 0, "daily", .timeAggregation(.none, strategies: [:])),
                    spec(.timeAggregation, 1, "weekly", .timeAggregation(.weekly, strategies: [:])),
                ],
                .spendVarMapping: mapping,
            ])
        config.iterations = 1000
        config.trials = 3
        config.maxCombinations = 60
        config.combinationMode = .cartesian
        return (config, notes)
    }
}
