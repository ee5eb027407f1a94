import Foundation
import MMMCloud
import MMMCore
import MMMEngine
import MMMJobs
import MMMQueue

/// One worker result line (and `worker --json` element).
struct WorkerResult: Encodable {
    var id: String
    var state: String
    var message: String?
    var result: String

    init(id: String, outcome: JobOutcome, result: String) {
        self.id = id
        self.result = result
        switch outcome {
        case .succeeded(let note): (state, message) = ("SUCCEEDED", note)
        case .skipped(let reason): (state, message) = ("SKIPPED", reason)
        case .failed(let why), .crashed(let why): (state, message) = ("FAILED", why)
        }
    }

    init(id: String, state: String, message: String?, result: String) {
        (self.id, self.state, self.message, self.result) = (id, state, message, result)
    }

    var line: String { "\(id): \(state) \(result)" + (message.map { " — \($0)" } ?? "") }
}

/// What the three worker modes share: files, stores, diagnostics.
struct WorkerContext: Sendable {
    let console: Console
    let cloud: GoogleCloudServices
    let backend: String
    /// The Bayesian settings of --config and --plan runs (a queued job carries its own).
    let bayes: BayesSettings?

    var files: QueueFiles { QueueFiles(cloud: cloud) }

    /// A run of `spec` with this context's files and stores.
    func run(_ spec: QueueJobSpec, config: JobConfig? = nil) async throws -> JobOutcome {
        var run = WorkerRun(spec: spec, cloud: cloud)
        run.config = config
        let progress = ProgressReporter(enabled: !console.quiet && !console.json)
        return try await run.run(diagnostics: ConsoleDiagnostics(console)) { p in
            progress.update(done: p.done, total: p.total, bestNRMSE: p.bestNRMSE, bestRSSD: p.bestDecompRSSD)
        }
    }

    /// A queued job: RUNNING under this worker's lease, the run, the outcome recorded in the queue.
    func runQueued(_ reference: QueueJobReference) async throws -> WorkerResult {
        let root = try QueueRoot(reference.root)
        let store = try await root.store(queue: reference.queue, storage: { try await cloud.storage() })
        var session = QueueWorkerSession(
            queue: JobQueue(store: store, name: reference.queue), reference: reference, identity: QueueIdentity.make("worker"))
        let console = self.console
        session.log = { console.info($0) }
        let result = Locked("")
        do {
            let outcome = try await session.run { job in
                result.withLock { $0 = job.spec.result }
                return try await self.run(job.spec)
            }
            return WorkerResult(id: reference.id, outcome: outcome, result: result.withLock { $0 })
        } catch QueueWorkerSession.Stop.notCurrent(let state) {
            return WorkerResult(
                id: reference.id, state: "NOT_RUN",
                message: "attempt \(reference.attempt) is not the job's current attempt (job \(state?.rawValue ?? "deleted")); nothing done",
                result: result.withLock { $0 })
        }
    }

    /// One job configuration.
    func runConfig(_ location: String, data: String?, output: String?, runId: String?) async throws -> WorkerResult {
        let config = try await QueueSubmitCommand.loadConfig(location, cloud: cloud)
        let id = runId ?? config.outputTimestamp ?? RunTimestamp(Date()).description
        let result = QueueFiles.join(output ?? config.outputLocation ?? "runs", id)
        let spec = QueueJobSpec(config: location, data: data, result: result, backend: backend,
                                benchmarkId: config.benchmark?.id, variantId: config.benchmark?.variantId, bayes: bayes)
        return WorkerResult(id: id, outcome: try await run(spec, config: config), result: result)
    }

    /// This task's share of a plan's variants, one after another.
    func runPlan(_ location: String, data: String?, output: String?, task: CloudRunTask) async throws -> [WorkerResult] {
        let plan = try StrictJSON.decode(BenchmarkPlan.self, from: try await files.read(location), file: location)
        guard let data else { throw UsageError("a plan needs --data or MMM_DATA_PATH (every variant reads the same table)") }
        let folder = QueueFiles.join(output ?? "runs/benchmarks", plan.benchmarkId)
        var results: [WorkerResult] = []
        for index in task.share(of: plan.variants.count) {
            let variant = plan.variants[index]
            let spec = QueueJobSpec(
                config: location, data: data, result: QueueFiles.join(folder, "variants/\(variant.id)"), backend: backend,
                outputs: "small", benchmarkId: plan.benchmarkId, variantId: variant.id, sameAs: variant.sameAs,
                sameAsReason: variant.sameAsReason, bayes: bayes)
            console.info("task \(task.index + 1) of \(task.count): variant \(variant.id) (\(variant.test): \(variant.name))")
            results.append(WorkerResult(id: variant.id, outcome: try await run(spec, config: variant.config), result: spec.result))
        }
        return results
    }
}
