/// One generated variant: its identity, the choices that made it, and the merged configuration it trains.
public struct BenchmarkVariant: Codable, Sendable, Equatable {
    /// Short hash of the tags and the merged canonical configuration (without the benchmark tags).
    public var id: String
    /// The dimension tag (`adstock`, `train_split`, …) or `combination`.
    public var test: String
    /// The spec name, or the spec names joined by `_` for a combination.
    public var name: String
    /// Free text.
    public var description: String
    /// Dimension → the chosen spec's name.
    public var choices: [String: String]
    /// Another variant of the plan that trains exactly the same thing; this one is then not trained itself.
    public var sameAs: String?
    /// Why ``sameAs`` holds, in words.
    public var sameAsReason: String?
    /// What generation interpreted for this variant (e.g. dropped hyperparameter bounds).
    public var notes: [Diagnostic]
    /// The merged configuration, with the benchmark tags.
    public var config: JobConfig

    /// Creates a variant.
    public init(
        id: String, test: String, name: String, description: String, choices: [String: String], notes: [Diagnostic],
        config: JobConfig
    ) {
        self.id = id
        self.test = test
        self.name = name
        self.description = description
        self.choices = choices
        self.notes = notes
        self.config = config
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id = "variant_id"
        case test = "benchmark_test"
        case name = "benchmark_variant"
        case description, choices
        case sameAs = "same_as"
        case sameAsReason = "same_as_reason"
        case notes, config
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        test = try c.decode(String.self, forKey: .test)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        choices = try c.decode([String: String].self, forKey: .choices)
        sameAs = try c.decodeUnlessNull(String.self, forKey: .sameAs)
        sameAsReason = try c.decodeUnlessNull(String.self, forKey: .sameAsReason)
        notes = try c.decode([Diagnostic].self, forKey: .notes)
        config = try c.decode(JobConfig.self, forKey: .config)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(test, forKey: .test)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(choices, forKey: .choices)
        try c.encodeIfPresent(sameAs, forKey: .sameAs)
        try c.encodeIfPresent(sameAsReason, forKey: .sameAsReason)
        try c.encode(notes, forKey: .notes)
        try c.encode(config, forKey: .config)
    }

    /// The configuration without the benchmark tags: what the variant trains.
    public var trainedConfig: JobConfig {
        var copy = config
        copy.benchmark = nil
        return copy
    }
}
