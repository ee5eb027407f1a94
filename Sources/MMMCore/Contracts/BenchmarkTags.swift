/// Identifies a job as one variant of a benchmark, carried end to end into the model summary and results rows so
/// every result can be matched to the variant that produced it (the previous system lost this and matched by
/// "newest summary for the country").
public struct BenchmarkTags: Codable, Sendable, Equatable {
    /// The benchmark's id, e.g. `adstock_comparison_20261122T031815Z`.
    public var id: String
    /// The dimension varied (`adstock`, `train_split`, `time_aggregation`, `spend_var_mapping`,
    /// `seasonality_window`, or `combination`).
    public var dimension: String
    /// The variant's name within the dimension, e.g. `weibull_pdf`.
    public var variant: String
    /// Free-text description.
    public var description: String?
    /// The variant's id in its benchmark plan (a short hash); its run folder is `variants/<variant_id>`.
    public var variantId: String?

    /// Creates tags.
    public init(id: String, dimension: String, variant: String, description: String? = nil, variantId: String? = nil) {
        self.id = id
        self.dimension = dimension
        self.variant = variant
        self.description = description
        self.variantId = variantId
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, dimension, variant, description
        case variantId = "variant_id"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        dimension = try c.decode(String.self, forKey: .dimension)
        variant = try c.decode(String.self, forKey: .variant)
        description = try c.decodeUnlessNull(String.self, forKey: .description)
        variantId = try c.decodeUnlessNull(String.self, forKey: .variantId)
    }
}
