import Foundation
import MMMCore
import MMMJobs

/// Turns a job configuration or a benchmark plan into queued jobs. Everything a worker needs is decided here and
/// recorded in the job: its own configuration file (uploaded to `<queue>/configs/<id>.json`, never a shared
/// "latest"), its data, its run folder, and the benchmark identity.
public struct QueueSubmission: Sendable {
    /// The queue.
    public let queue: JobQueue
    /// Who submits (recorded in the job's history).
    public let by: String
    /// Attempts each job gets.
    public var maxAttempts = 3
    /// The training backend (`native`, `robyn` or `bayes`).
    public var backend = "native"
    /// The Bayesian backend's settings (with `backend` `bayes`; nil: its defaults).
    public var bayes: BayesSettings?

    /// A submission into `queue`.
    public init(queue: JobQueue, by: String) {
        self.queue = queue
        self.by = by
    }

    /// What was submitted.
    public struct Result: Sendable, Equatable {
        /// Jobs created.
        public var submitted: [String] = []
        /// Jobs that were already in the queue (left as they are: submission is repeatable).
        public var existing: [String] = []

        /// Creates a result.
        public init(submitted: [String] = [], existing: [String] = []) {
            self.submitted = submitted
            self.existing = existing
        }
    }

    /// The side file holding a job's configuration.
    public static func configFile(_ id: String) -> String { "configs/\(id).json" }

    /// Submits one job configuration.
    /// - Parameters:
    ///   - config: The configuration (already loaded and validated).
    ///   - id: The job id; default `<UTC time>-<random>`.
    ///   - data: The input table; default the config's `data_path`.
    ///   - output: The parent of the run folder; default the config's `output_location`, else `runs`.
    /// - Throws: ``QueueUsageError`` without data, or for a bad id.
    public func submit(config: JobConfig, id: String?, data: String?, output: String?) async throws -> Result {
        let jobId = id ?? Self.generatedId(now: queue.clock.now())
        guard PathSegment.isSafe(jobId) else {
            throw QueueUsageError("--id '\(jobId)' must be one path segment of letters, digits, '-', '_' or '.'")
        }
        guard let table = data ?? config.dataPath else {
            throw QueueUsageError("no data for the job: pass --data gs://…|FILE or set data_path in the config")
        }
        let runId = config.outputTimestamp ?? jobId
        let result = QueueFiles.join(output ?? config.outputLocation ?? "runs", runId)
        let spec = QueueJobSpec(config: "", data: table, result: result, backend: backend, outputs: "full", allocate: true,
                                benchmarkId: config.benchmark?.id, variantId: config.benchmark?.variantId, bayes: bayes)
        return try await submit([(jobId, config, spec)])
    }

    /// Submits every variant of a benchmark plan: job `<benchmark id>-<variant id>`, run folder
    /// `<output>/<benchmark id>/variants/<variant id>/` (the layout `benchmark collect` reads). Variants linked by
    /// `same_as` are queued too; their worker records SKIPPED with the reason.
    /// - Parameters:
    ///   - plan: The plan.
    ///   - data: The input table (every variant reads the same table).
    ///   - output: The parent of the benchmark folder.
    public func submit(plan: BenchmarkPlan, data: String, output: String) async throws -> Result {
        let folder = QueueFiles.join(output, plan.benchmarkId)
        var jobs: [(String, JobConfig, QueueJobSpec)] = []
        for variant in plan.variants {
            let spec = QueueJobSpec(
                config: "", data: data, result: QueueFiles.join(folder, "variants/\(variant.id)"), backend: backend,
                outputs: "small", allocate: true, benchmarkId: plan.benchmarkId, variantId: variant.id,
                sameAs: variant.sameAs, sameAsReason: variant.sameAsReason, bayes: bayes)
            jobs.append((Self.jobId(benchmark: plan.benchmarkId, variant: variant.id), variant.config, spec))
        }
        return try await submit(jobs)
    }

    /// The job id of a benchmark variant.
    public static func jobId(benchmark: String, variant: String) -> String { "\(benchmark)-\(variant)" }

    /// `20261122T031815Z-1a2b3c`.
    static func generatedId(now: Date) -> String {
        let suffix = String(UInt32.random(in: 0...0xFF_FFFF), radix: 16)
        return RunTimestamp(now).description + "-" + String(repeating: "0", count: 6 - suffix.count) + suffix
    }

    private func submit(_ jobs: [(id: String, config: JobConfig, spec: QueueJobSpec)]) async throws -> Result {
        var result = Result()
        let now = queue.clock.now()
        for (id, config, template) in jobs {
            var spec = template
            // The configuration first: a job never points at a file that is not there yet.
            spec.config = try await queue.store.putFile(Self.configFile(id), try StrictJSON.encode(config))
            let job = QueueJob(id: id, queue: queue.name, spec: spec, maxAttempts: maxAttempts, now: now, by: by)
            if try await queue.submit(job) { result.submitted.append(id) } else { result.existing.append(id) }
        }
        return result
    }
}
