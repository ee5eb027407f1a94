import MMMCore

/// Everything `mmm-cli runs show` prints about one run.
public struct RunDetails: Sendable, Encodable {
    /// One named number.
    public struct Metric: Sendable, Equatable, Encodable {
        /// The metric's name, e.g. `nrmse_val`.
        public var name: String
        /// Its value (nil when missing or not finite).
        public var value: Double?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encodeFinite(value, forKey: .value)
        }

        enum CodingKeys: String, CodingKey { case name, value }
    }

    /// The metrics of a best model, in this order.
    public static let modelMetricNames = [
        "rsq_train", "rsq_val", "rsq_test", "nrmse_train", "nrmse_val", "nrmse_test", "nrmse", "decomp_rssd", "mape",
    ]

    /// The row of `runs list`.
    public var record: RunRecord
    /// The files in the folder.
    public var files: [String]
    /// The best model's metrics (empty without a summary).
    public var bestModelMetrics: [Metric]
    /// Candidates evaluated.
    public var candidateCount: Int?
    /// Models on the kept Pareto fronts.
    public var paretoModelCount: Int?
    /// Step timings from the run manifest, in order.
    public var timings: [Metric]
    /// The configuration as run (`job_config.json`, else the summary's copy).
    public var config: BenchmarkJSONValue?

    init(files: RunFiles, path: [String], location: String) {
        record = RunRecord(files: files, path: path, location: location)
        self.files = files.names
        let best = files.summary?["best_model"]
        bestModelMetrics = best == nil ? [] : Self.modelMetricNames.map { Metric(name: $0, value: best?[$0]?.number) }
        candidateCount = (files.summary?.first("candidate_count", "candidate_model_count")?.number).map { Int($0) }
        paretoModelCount = (files.summary?["pareto_model_count"]?.number).map { Int($0) }
        if case .array(let steps)? = files.manifest?["timings"] {
            timings = steps.compactMap { step in step["step"]?.text.map { Metric(name: $0, value: step["seconds"]?.number) } }
        } else {
            timings = []
        }
        config = files.runConfig
    }

    enum CodingKeys: String, CodingKey {
        case record = "run"
        case files
        case bestModelMetrics = "best_model_metrics"
        case candidateCount = "candidate_count"
        case paretoModelCount = "pareto_model_count"
        case timings, config
    }
}
