import MMMCore

/// How two runs differ: `mmm-cli runs compare A B`.
public struct RunComparison: Sendable, Encodable {
    /// A configuration value that differs (nil on the side where the path is absent).
    public struct ConfigDifference: Sendable, Equatable, Encodable {
        /// JSON path, e.g. `$.adstock` or `$.paid_media[1].spend`.
        public var path: String
        /// The value in run A.
        public var a: String?
        /// The value in run B.
        public var b: String?

        /// Creates a difference.
        public init(path: String, a: String?, b: String?) {
            self.path = path
            self.a = a
            self.b = b
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(a, forKey: .a)  // null when absent on that side
            try c.encode(b, forKey: .b)
        }

        enum CodingKeys: String, CodingKey { case path, a, b }
    }

    /// One metric of both runs.
    public struct MetricDifference: Sendable, Equatable, Encodable {
        /// The metric.
        public var metric: String
        /// Run A's value.
        public var a: Double?
        /// Run B's value.
        public var b: Double?
        /// `b − a` when both are known.
        public var delta: Double? { a.flatMap { a in b.map { $0 - a } } }

        /// Creates a metric pair.
        public init(metric: String, a: Double?, b: Double?) {
            self.metric = metric
            self.a = a
            self.b = b
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(metric, forKey: .metric)
            try c.encodeFinite(a, forKey: .a)
            try c.encodeFinite(b, forKey: .b)
            try c.encodeFinite(delta, forKey: .delta)
        }

        enum CodingKeys: String, CodingKey { case metric, a, b, delta }
    }

    /// Run A.
    public var a: RunRecord
    /// Run B.
    public var b: RunRecord
    /// Whether both runs have a configuration to compare.
    public var configsCompared: Bool
    /// Configuration values that differ, by path.
    public var configDifferences: [ConfigDifference]
    /// Best-model metrics, counts and duration of both runs (every metric either run has).
    public var metrics: [MetricDifference]
    /// Whether the input data had the same SHA-256 (nil when either run does not record it).
    public var dataDigestsEqual: Bool?
    /// Whether the configurations as run had the same SHA-256 (nil when either is unknown).
    public var configDigestsEqual: Bool?

    /// Compares two runs.
    /// - Parameters:
    ///   - a: The first run.
    ///   - b: The second run.
    public init(_ a: RunDetails, _ b: RunDetails) {
        self.a = a.record
        self.b = b.record
        configsCompared = a.config != nil && b.config != nil
        if let left = a.config, let right = b.config {
            let l = Dictionary(left.flattened().map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
            let r = Dictionary(right.flattened().map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
            configDifferences = Set(l.keys).union(r.keys).sorted().compactMap { path in
                l[path] == r[path] ? nil : ConfigDifference(path: path, a: l[path], b: r[path])
            }
        } else {
            configDifferences = []
        }
        func value(_ details: RunDetails, _ name: String) -> Double? {
            details.bestModelMetrics.first { $0.name == name }?.value
        }
        var metrics = RunDetails.modelMetricNames.compactMap { name -> MetricDifference? in
            let (x, y) = (value(a, name), value(b, name))
            return x == nil && y == nil ? nil : MetricDifference(metric: name, a: x, b: y)
        }
        metrics.append(MetricDifference(metric: "candidate_count", a: a.candidateCount.map(Double.init),
                                        b: b.candidateCount.map(Double.init)))
        metrics.append(MetricDifference(metric: "pareto_model_count", a: a.paretoModelCount.map(Double.init),
                                        b: b.paretoModelCount.map(Double.init)))
        metrics.append(MetricDifference(metric: "duration_seconds", a: a.record.durationSeconds, b: b.record.durationSeconds))
        self.metrics = metrics.filter { $0.a != nil || $0.b != nil }
        dataDigestsEqual = Self.equal(a.record.dataSHA256, b.record.dataSHA256)
        configDigestsEqual = Self.equal(a.record.configSHA256, b.record.configSHA256)
    }

    private static func equal(_ x: String?, _ y: String?) -> Bool? {
        guard let x, let y else { return nil }
        return x.lowercased() == y.lowercased()
    }

    enum CodingKeys: String, CodingKey {
        case a, b
        case configsCompared = "configs_compared"
        case configDifferences = "config_differences"
        case metrics
        case dataDigestsEqual = "data_digests_equal"
        case configDigestsEqual = "config_digests_equal"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(a, forKey: .a)
        try c.encode(b, forKey: .b)
        try c.encode(configsCompared, forKey: .configsCompared)
        try c.encode(configDifferences, forKey: .configDifferences)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(dataDigestsEqual, forKey: .dataDigestsEqual)
        try c.encode(configDigestsEqual, forKey: .configDigestsEqual)
    }
}
