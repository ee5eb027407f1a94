import Foundation

/// Turns a benchmark config and a base job configuration into a plan: the variants, each the base with its specs'
/// deltas applied, with a deterministic id.
///
/// - `single`: one variant per spec (count = sum of the list lengths), in the order spend_var_mapping, adstock,
///   train_splits, time_aggregation, seasonality_window, seed, overrides.
/// - `cartesian`: every combination (count = product), deltas applied in the order adstock, train_splits,
///   time_aggregation, spend_var_mapping, seasonality_window, seed, overrides. Each delta sets only its own fields.
/// - More than `max_combinations` variants are cut to the first ones, with a warning.
/// - Two variants whose merged configurations are identical are linked by `same_as` (trained once).
public struct BenchmarkGenerator: Sendable {
    /// The benchmark config.
    public var config: BenchmarkConfig
    /// The base job configuration.
    public var base: JobConfig
    /// Where the base came from (recorded in the plan).
    public var baseLabel: String
    /// Counts mode.
    public var mode: BenchmarkMode

    /// Creates a generator.
    public init(config: BenchmarkConfig, base: JobConfig, baseLabel: String, mode: BenchmarkMode = .configured) {
        self.config = config
        self.base = base
        self.baseLabel = baseLabel
        self.mode = mode
    }

    /// Job config fields the `overrides` dimension may not set, and why.
    static let reservedOverrideKeys: [String: String] = [
        "schema_version": "not a setting", "benchmark": "set by the benchmark itself",
        "output_location": "the benchmark decides where variants run (--output)",
        "output_timestamp": "the benchmark names variant folders by variant id",
        "data_path": "every variant trains on the benchmark's --data", "threads": "the benchmark runner chooses threads (results do not depend on them)",
        "iterations": "set at the benchmark's top level (iterations) or by the run mode",
        "trials": "set at the benchmark's top level (trials) or by the run mode",
    ]

    /// Generates the plan.
    /// - Parameter createdAt: the plan's creation time (the only non-deterministic field).
    /// - Returns: the plan; its ``BenchmarkPlan/notes`` include the config's notes and any truncation warning.
    /// - Throws: ``ConfigError`` naming the spec's JSON path when a delta does not fit the base.
    public func plan(createdAt: Date) throws -> BenchmarkPlan {
        var notes = config.notes
        var root = base
        root.outputLocation = nil
        root.outputTimestamp = nil
        root.dataPath = nil
        root.threads = nil
        root.benchmark = nil
        (root.iterations, root.trials) = mode.counts(iterations: config.iterations, trials: config.trials)

        var combos = combinations()
        let total = combos.count
        if combos.count > config.maxCombinations {
            notes.append(
                .warning(
                    "benchmark_truncated",
                    "\(total) variants exceed max_combinations \(config.maxCombinations); only the first \(config.maxCombinations) are planned",
                    path: "$.max_combinations"))
            combos = Array(combos.prefix(config.maxCombinations))
        }
        if mode == .testRun { combos = Array(combos.prefix(1)) }

        var variants: [BenchmarkVariant] = []
        var byConfig: [Data: String] = [:]
        var ids: Set<String> = []
        for combo in combos {
            var variant = try makeVariant(combo, root: root)
            let bytes = try StrictJSON.encode(variant.trainedConfig)
            guard ids.insert(variant.id).inserted else {
                throw ConfigError(path: combo.last?.spec.path ?? "$.variants", "variant '\(variant.name)' is listed twice (same choices and configuration)")
            }
            if let other = byConfig[bytes] {
                variant.sameAs = other
                variant.sameAsReason = "its merged configuration is identical to variant \(other)'s"
            } else {
                byConfig[bytes] = variant.id
            }
            variants.append(variant)
        }
        let benchmarkId = "\(config.name)_\(ShortHash.hex(Data(variants.map(\.id).joined(separator: ",").utf8), length: 8))\(mode.idSuffix)"
        for index in variants.indices {
            let v = variants[index]
            variants[index].config.benchmark = BenchmarkTags(
                id: benchmarkId, dimension: v.test, variant: v.name, description: v.description.isEmpty ? nil : v.description,
                variantId: v.id)
        }
        return BenchmarkPlan(
            benchmarkId: benchmarkId, name: config.name, description: config.description, createdAt: createdAt, mode: mode,
            combinationMode: config.combinationMode, iterations: root.iterations, trials: root.trials, base: baseLabel, baseConfig: root,
            combinations: total, variants: variants, notes: notes)
    }

    typealias Choice = (dimension: BenchmarkDimension, spec: BenchmarkVariantSpec)

    /// The spec combinations in generation order.
    func combinations() -> [[Choice]] {
        switch config.combinationMode {
        case .single:
            return BenchmarkDimension.singleOrder.flatMap { d in (config.variants[d] ?? []).map { [(d, $0)] } }
        case .cartesian:
            var result: [[Choice]] = [[]]
            for d in BenchmarkDimension.cartesianOrder {
                guard let specs = config.variants[d] else { continue }
                result = result.flatMap { prefix in specs.map { prefix + [(d, $0)] } }
            }
            return result
        }
    }

    private func makeVariant(_ combo: [Choice], root: JobConfig) throws -> BenchmarkVariant {
        var merged = root
        var notes: [Diagnostic] = []
        for choice in combo.sorted(by: { $0.dimension < $1.dimension }) {
            notes += try BenchmarkDelta.apply(choice.spec, to: &merged, base: root)
        }
        let names = combo.map(\.spec.name)
        let single = combo.count == 1 && config.combinationMode == .single
        let test = single ? combo[0].dimension.tag : "combination"
        let name = names.joined(separator: "_")
        let description = single ? combo[0].spec.description : "Combination: " + names.joined(separator: ", ")
        do {
            try merged.validate()
        } catch let error as ConfigError {
            let origin = combo.map(\.spec.path).joined(separator: " + ")
            throw ConfigError(path: origin, "variant '\(name)' is not a valid job config: \(error.path): \(error.message)")
        }
        var idBytes = Data("\(test)\n\(name)\n".utf8)
        idBytes.append(try StrictJSON.encode(merged))
        return BenchmarkVariant(
            id: ShortHash.hex(idBytes, length: 12), test: test, name: name, description: description,
            choices: Dictionary(uniqueKeysWithValues: combo.map { ($0.dimension.rawValue, $0.spec.name) }), notes: notes,
            config: merged)
    }
}
