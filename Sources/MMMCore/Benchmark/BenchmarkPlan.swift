import Foundation

/// `plan.json`: every variant of a benchmark with its tags and merged configuration. Written before anything
/// trains (and rewritten by `run` once the data shows which variants train the same thing); `collect` joins results
/// to it by variant id.
public struct BenchmarkPlan: Codable, Sendable, Equatable {
    /// Format version (1).
    public var schemaVersion = 1
    /// `<name>_<short hash of the variant ids>` plus `_test`/`_testall` in test modes: the same plan always gets
    /// the same id, which is what makes a benchmark folder resumable.
    public var benchmarkId: String
    /// The benchmark's name.
    public var name: String
    /// Free text.
    public var description: String
    /// When the plan was made (ISO 8601 UTC).
    public var createdAt: String
    /// Counts mode.
    public var mode: BenchmarkMode
    /// single or cartesian.
    public var combinationMode: CombinationMode
    /// Iterations per variant.
    public var iterations: Int
    /// Trials per variant.
    public var trials: Int
    /// The base configuration's file.
    public var base: String
    /// The base configuration as every variant starts from it (run placement cleared, the mode's counts); the naive
    /// baseline row is fitted with it.
    public var baseConfig: JobConfig
    /// Variants before truncation and test-run selection.
    public var combinations: Int
    /// The variants, in generation order.
    public var variants: [BenchmarkVariant]
    /// What generation noted or warned about (old keys, truncation).
    public var notes: [Diagnostic]

    /// Creates a plan.
    public init(
        benchmarkId: String, name: String, description: String, createdAt: Date, mode: BenchmarkMode,
        combinationMode: CombinationMode, iterations: Int, trials: Int, base: String, baseConfig: JobConfig, combinations: Int,
        variants: [BenchmarkVariant], notes: [Diagnostic]
    ) {
        self.benchmarkId = benchmarkId
        self.name = name
        self.description = description
        self.createdAt = ISOTime.format(createdAt)
        self.mode = mode
        self.combinationMode = combinationMode
        self.iterations = iterations
        self.trials = trials
        self.base = base
        self.baseConfig = baseConfig
        self.combinations = combinations
        self.variants = variants
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case benchmarkId = "benchmark_id"
        case name, description
        case createdAt = "created_at"
        case mode
        case combinationMode = "combination_mode"
        case iterations, trials, base
        case baseConfig = "base_job_config"
        case combinations
        case variantCount = "variant_count"
        case variants, notes
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeSchemaVersion(forKey: .schemaVersion)
        benchmarkId = try c.decode(String.self, forKey: .benchmarkId)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        createdAt = try c.decode(String.self, forKey: .createdAt)
        mode = try c.decode(BenchmarkMode.self, forKey: .mode)
        combinationMode = try c.decode(CombinationMode.self, forKey: .combinationMode)
        iterations = try c.decode(Int.self, forKey: .iterations)
        trials = try c.decode(Int.self, forKey: .trials)
        base = try c.decode(String.self, forKey: .base)
        baseConfig = try c.decode(JobConfig.self, forKey: .baseConfig)
        combinations = try c.decode(Int.self, forKey: .combinations)
        variants = try c.decode([BenchmarkVariant].self, forKey: .variants)
        notes = try c.decode([Diagnostic].self, forKey: .notes)
        let count = try c.decode(Int.self, forKey: .variantCount)
        guard count == variants.count else {
            throw ConfigError(path: "$.variant_count", "says \(count) but the plan lists \(variants.count) variants")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(benchmarkId, forKey: .benchmarkId)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(mode, forKey: .mode)
        try c.encode(combinationMode, forKey: .combinationMode)
        try c.encode(iterations, forKey: .iterations)
        try c.encode(trials, forKey: .trials)
        try c.encode(base, forKey: .base)
        try c.encode(baseConfig, forKey: .baseConfig)
        try c.encode(combinations, forKey: .combinations)
        try c.encode(variants.count, forKey: .variantCount)
        try c.encode(variants, forKey: .variants)
        try c.encode(notes, forKey: .notes)
    }

    /// The variants that train (those without ``BenchmarkVariant/sameAs``).
    public var trainedVariants: [BenchmarkVariant] { variants.filter { $0.sameAs == nil } }

    /// The variant with this id.
    public func variant(_ id: String) -> BenchmarkVariant? { variants.first { $0.id == id } }
}
