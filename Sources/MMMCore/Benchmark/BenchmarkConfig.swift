import Foundation

/// A benchmark configuration (`benchmarks/*.json`): a base model configuration and the variants to compare.
///
/// Decoding is strict like every contract: unknown keys, unknown dimensions, empty lists and specs that set nothing
/// are errors naming the JSON path. The previous system's files load as they were written: its `base_config`
/// `{country, goal, version}` is read as a path hint, and its old spec keys (`type`, `frequency`,
/// `aggregation_level`, `paid_media_vars_override`, the `mixed` strategy) are read where their meaning is
/// unambiguous, each with a note in ``notes``. Field reference: docs/benchmark.md.
public struct BenchmarkConfig: Decodable, Sendable, Equatable {
    /// Format version written by this library.
    public static let currentSchemaVersion = 1

    /// The benchmark's name; it prefixes the benchmark id, so it must be a safe path segment.
    public var name: String
    /// Free text.
    public var description: String
    /// The base configuration: a path (relative to the benchmark file) to a job config, a previous-system
    /// job_config.json or a selected_columns.json.
    public var base: String?
    /// The previous system's `base_config` `{country, goal, version}`: where its selected_columns.json lived.
    public var baseHint: BaseConfigHint?
    /// The variant specs of each dimension.
    public var variants: [BenchmarkDimension: [BenchmarkVariantSpec]]
    /// Candidate models per trial for every variant.
    public var iterations = 2000
    /// Optimiser runs for every variant.
    public var trials = 5
    /// At most this many variants; more are cut (with a warning).
    public var maxCombinations = 50
    /// How dimensions combine.
    public var combinationMode = CombinationMode.single
    /// One note per old key or value that was interpreted.
    public var notes: [Diagnostic] = []

    /// Creates a configuration in code.
    public init(name: String, description: String = "", base: String? = nil, variants: [BenchmarkDimension: [BenchmarkVariantSpec]]) {
        self.name = name
        self.description = description
        self.base = base
        self.variants = variants
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case name, description, base
        case baseConfig = "base_config"
        case variants, iterations, trials
        case maxCombinations = "max_combinations"
        case combinationMode = "combination_mode"
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        _ = try c.decodeSchemaVersion(forKey: .schemaVersion, supported: Self.currentSchemaVersion, required: false)
        name = try c.decode(String.self, forKey: .name)
        guard PathSegment.isSafe(name) else {
            throw ConfigError(path: "$.name", "'\(name)' must be one path segment of letters, digits, '-', '_' or '.' (it names the benchmark folder)")
        }
        description = try c.decodeUnlessNull(String.self, forKey: .description) ?? ""
        base = try c.decodeUnlessNull(String.self, forKey: .base)
        baseHint = try c.decodeUnlessNull(BaseConfigHint.self, forKey: .baseConfig)
        if base != nil, baseHint != nil {
            throw ConfigError(path: "$.base_config", "give 'base' (a path) or the previous system's 'base_config', not both")
        }
        iterations = try c.decodeIntegerUnlessNull(Int.self, forKey: .iterations) ?? iterations
        trials = try c.decodeIntegerUnlessNull(Int.self, forKey: .trials) ?? trials
        maxCombinations = try c.decodeIntegerUnlessNull(Int.self, forKey: .maxCombinations) ?? maxCombinations
        combinationMode = try c.decodeUnlessNull(CombinationMode.self, forKey: .combinationMode) ?? combinationMode
        guard (1...1_000_000).contains(iterations) else { throw ConfigError(path: "$.iterations", "must be 1…1000000") }
        guard (1...1000).contains(trials) else { throw ConfigError(path: "$.trials", "must be 1…1000") }
        guard (1...100_000).contains(maxCombinations) else { throw ConfigError(path: "$.max_combinations", "must be 1…100000") }

        let all = try c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .variants)
        var variants: [BenchmarkDimension: [BenchmarkVariantSpec]] = [:]
        var notes: [Diagnostic] = []
        for key in all.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            let path = "$.variants.\(key.stringValue)"
            guard let dimension = BenchmarkDimension(rawValue: key.stringValue) else {
                let known = BenchmarkDimension.allCases.map(\.rawValue)
                let hint = EditDistance.closestKey(to: key.stringValue, in: Set(known)).map { "did you mean '\($0)'? " } ?? ""
                throw ConfigError(path: path, "unknown dimension '\(key.stringValue)'; \(hint)expected one of \(known.joined(separator: ", "))")
            }
            try all.rejectNull(forKey: key)
            var list = try all.nestedUnkeyedContainer(forKey: key)
            var specs: [BenchmarkVariantSpec] = []
            while !list.isAtEnd {
                specs.append(try BenchmarkSpecParser.parse(dimension, from: try list.superDecoder(), notes: &notes))
            }
            guard !specs.isEmpty else { throw ConfigError(path: path, "the list is empty; give at least one variant or remove the dimension") }
            var seen: Set<String> = []
            for spec in specs where !seen.insert(spec.name).inserted {
                throw ConfigError(path: spec.path + ".name", "'\(spec.name)' is used twice in \(dimension.rawValue); names must be unique")
            }
            variants[dimension] = specs
        }
        guard !variants.isEmpty else { throw ConfigError(path: "$.variants", "no dimensions; give at least one of \(BenchmarkDimension.allCases.map(\.rawValue).joined(separator: ", "))") }
        self.variants = variants
        self.notes = notes
    }

    /// The number of variants before truncation: the sum (single) or product (cartesian) of the list lengths.
    public var combinationCount: Int {
        let counts = variants.values.map(\.count)
        return combinationMode == .single ? counts.reduce(0, +) : counts.reduce(1, *)
    }
}

/// The previous system's `base_config`: its selected_columns.json lived at
/// `training_data/<country lower>/<goal>/<version>/selected_columns.json`.
public struct BaseConfigHint: Codable, Sendable, Equatable {
    /// ISO-2 country.
    public var country: String
    /// The goal (dependent variable).
    public var goal: String
    /// A timestamp folder (`YYYYMMDD_HHMMSS`) or `Latest`.
    public var version: String

    enum CodingKeys: String, CodingKey, CaseIterable { case country, goal, version }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        country = try c.decode(String.self, forKey: .country)
        goal = try c.decode(String.self, forKey: .goal)
        version = try c.decode(String.self, forKey: .version)
    }

    /// The relative path the previous system used.
    public var relativePath: String {
        "training_data/\(country.lowercased())/\(goal)/\(version)/selected_columns.json"
    }
}
