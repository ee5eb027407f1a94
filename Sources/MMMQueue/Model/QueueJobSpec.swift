import MMMCore
import MMMJobs

/// What a queued job runs, decided once at submission and never changed: its own configuration file, its data,
/// where its run folder goes, and (for benchmark variants) the identity that travels into the results.
///
/// The previous system passed a shared "latest" config and let the worker choose where results went
/// (reference-system.md §9 items 1, 2, 5); here every path is explicit and recorded before anything runs.
public struct QueueJobSpec: Codable, Sendable, Equatable {
    /// The job's configuration file (`gs://…/configs/<job id>.json` or a local path), written at submission.
    public var config: String
    /// The input table (`gs://…` or a local CSV/Parquet file); nil uses the config's `data_path`.
    public var data: String?
    /// The run folder (`gs://bucket/prefix/<run id>/` or a local directory); its last segment is the run id.
    public var result: String
    /// The training backend: `native`, `robyn` or `bayes`.
    public var backend: String
    /// The Bayesian backend's settings (only with `backend` `bayes`; nil: its defaults).
    public var bayes: BayesSettings?
    /// Which files the run writes: `full` or `small` (benchmark variants: small).
    public var outputs: String
    /// Whether the run allocates its best model's budget after training.
    public var allocate: Bool
    /// The benchmark this job belongs to, if any.
    public var benchmarkId: String?
    /// The benchmark variant, if any.
    public var variantId: String?
    /// Another variant that trains exactly the same model; this job then only records SKIPPED.
    public var sameAs: String?
    /// Why ``sameAs`` holds.
    public var sameAsReason: String?

    /// Creates a spec.
    public init(
        config: String, data: String?, result: String, backend: String = "native", outputs: String = "full",
        allocate: Bool = true, benchmarkId: String? = nil, variantId: String? = nil, sameAs: String? = nil,
        sameAsReason: String? = nil, bayes: BayesSettings? = nil
    ) {
        self.config = config
        self.data = data
        self.result = result
        self.backend = backend
        self.outputs = outputs
        self.allocate = allocate
        self.benchmarkId = benchmarkId
        self.variantId = variantId
        self.sameAs = sameAs
        self.sameAsReason = sameAsReason
        self.bayes = bayes
    }

    /// The run id: the last path segment of ``result``.
    public var runId: String {
        result.split(separator: "/").last.map(String.init) ?? result
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case config, data, result, backend, bayes, outputs, allocate
        case benchmarkId = "benchmark_id"
        case variantId = "variant_id"
        case sameAs = "same_as"
        case sameAsReason = "same_as_reason"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        config = try c.decode(String.self, forKey: .config)
        data = try c.decodeUnlessNull(String.self, forKey: .data)
        result = try c.decode(String.self, forKey: .result)
        backend = try c.decode(String.self, forKey: .backend)
        outputs = try c.decode(String.self, forKey: .outputs)
        allocate = try c.decode(Bool.self, forKey: .allocate)
        benchmarkId = try c.decodeUnlessNull(String.self, forKey: .benchmarkId)
        variantId = try c.decodeUnlessNull(String.self, forKey: .variantId)
        sameAs = try c.decodeUnlessNull(String.self, forKey: .sameAs)
        sameAsReason = try c.decodeUnlessNull(String.self, forKey: .sameAsReason)
        bayes = try c.decodeUnlessNull(BayesSettings.self, forKey: .bayes)
        guard BackendName(rawValue: backend) != nil else {
            throw DecodingError.dataCorruptedError(forKey: .backend, in: c, debugDescription: "'\(backend)' is not native, robyn or bayes")
        }
        if bayes != nil, backend != BackendName.bayes.rawValue {
            throw DecodingError.dataCorruptedError(forKey: .bayes, in: c, debugDescription: "only a bayes job takes Bayesian settings (backend is '\(backend)')")
        }
        guard ["full", "small"].contains(outputs) else {
            throw DecodingError.dataCorruptedError(forKey: .outputs, in: c, debugDescription: "'\(outputs)' is not full or small")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(config, forKey: .config)
        try c.encodeIfPresent(data, forKey: .data)
        try c.encode(result, forKey: .result)
        try c.encode(backend, forKey: .backend)
        try c.encodeIfPresent(bayes, forKey: .bayes)
        try c.encode(outputs, forKey: .outputs)
        try c.encode(allocate, forKey: .allocate)
        try c.encodeIfPresent(benchmarkId, forKey: .benchmarkId)
        try c.encodeIfPresent(variantId, forKey: .variantId)
        try c.encodeIfPresent(sameAs, forKey: .sameAs)
        try c.encodeIfPresent(sameAsReason, forKey: .sameAsReason)
    }
}
