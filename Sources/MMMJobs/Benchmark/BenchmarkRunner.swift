import Foundation
import MMMCore
import MMMEngine

/// Trains every variant of a plan (with ``backend``: the native engine by default), each as an ordinary ``TrainingJob`` into
/// `variants/<variant id>/` of the benchmark folder, several at once without oversubscribing the cores.
///
/// - The data is loaded once; a snapshot (a query result) is kept once as `input_snapshot.csv` at the root.
/// - Before training, each variant's data is prepared; variants that would train exactly the same model are linked
///   by `same_as` (plan.json is rewritten with the links) and trained once.
/// - Resumable: a variant whose run folder finished (SUCCEEDED or SKIPPED) on the same data is not trained again;
///   an unfinished or failed folder is discarded and run again.
/// - Cancelling the task (Ctrl-C) stops the variants in flight (their status says FAILED `cancelled`) and leaves
///   every finished variant usable.
public struct BenchmarkRunner: Sendable {
    /// The plan.
    public var plan: BenchmarkPlan
    /// The data, loaded once.
    public var table: LoadedTable
    /// The benchmark folder.
    public var workspace: LocalBenchmarkWorkspace
    /// Variants in flight and threads each.
    public var schedule: BenchmarkSchedule
    /// Which files each variant writes (the per-candidate table only with `.full`).
    public var outputs = OutputLevel.small
    /// Whether each variant allocates its best model's budget (the `allocate` step; its metrics go into
    /// `results.csv`).
    public var allocate = true
    /// The clock.
    public var clock: any JobClock = SystemJobClock()
    /// Holiday calendar; nil means the built-in table.
    public var holidays: HolidayCalendar?
    /// What trains each variant (a finished variant trained by another engine is trained again).
    public var backend: any TrainingBackend = NativeBackend()

    /// Creates a runner.
    public init(plan: BenchmarkPlan, table: LoadedTable, workspace: LocalBenchmarkWorkspace, schedule: BenchmarkSchedule) {
        self.plan = plan
        self.table = table
        self.workspace = workspace
        self.schedule = schedule
    }

    /// Runs the benchmark.
    /// - Parameters:
    ///   - diagnostics: every variant's diagnostics (their `step` is prefixed with the variant id).
    ///   - progress: variants and candidates.
    /// - Returns: what was trained, resumed, linked, skipped and failed. A failing variant does not stop the others.
    /// - Throws: `CancellationError` when cancelled; ``BenchmarkUsageError`` when the folder holds runs on other data.
    public func run(
        diagnostics: any DiagnosticSink = DiscardingDiagnosticSink(),
        progress: @escaping @Sendable (BenchmarkProgress) -> Void = { _ in }
    ) async throws -> BenchmarkRunReport {
        try workspace.create()
        let lock = try workspace.lock()
        defer { withExtendedLifetime(lock) {} }
        if let snapshot = table.snapshot, workspace.read(snapshot.fileName) == nil {
            try workspace.write(snapshot.bytes, to: snapshot.fileName)
        }
        let (linkedPlan, fingerprints) = Self.link(plan, table: table, backend: backend)
        try workspace.write(try StrictJSON.encode(linkedPlan), to: "plan.json")
        do {
            let baseline = try NaiveBaseline.fit(config: linkedPlan.baseConfig, table: table, holidays: holidays)
            try workspace.write(try StrictJSON.encode(baseline), to: "naive_baseline.json")
        } catch {
            diagnostics.emit(.warning("naive_baseline_failed", "the naive baseline could not be fitted: \(error)"))
        }

        var report = BenchmarkRunReport(
            plan: linkedPlan, trained: [], resumed: [], linked: [], failed: [], skipped: [], parallel: schedule.parallel,
            threads: schedule.threads)
        var todo: [BenchmarkVariant] = []
        for variant in linkedPlan.variants {
            if try await isFinished(variant) {
                report.resumed.append(variant.id)
            } else {
                todo.append(variant)
            }
        }
        let training = todo.filter { $0.sameAs == nil }
        let perVariant = backend.workUnits(iterations: linkedPlan.iterations, trials: linkedPlan.trials)
        let tracker = ProgressTracker(
            BenchmarkProgress(variantsDone: 0, variantsTotal: todo.count, candidatesDone: 0, candidatesTotal: training.count * perVariant),
            report: progress)
        for variant in todo where variant.sameAs != nil {
            try await writeLinkedRun(variant, fingerprint: fingerprints[variant.id])
            report.linked.append(variant.id)
            tracker.variantFinished(variant.id, candidates: 0)
        }
        let outcomes = await train(training, tracker: tracker, diagnostics: diagnostics)
        for (id, outcome) in outcomes {
            switch outcome {
            case .trained: report.trained.append(id)
            case .skipped(let reason): report.skipped.append((id, reason))
            case .failed(let message): report.failed.append((id, message))
            }
        }
        try Task.checkCancellation()
        return report
    }

    enum Outcome: Sendable {
        case trained
        case skipped(String)
        case failed(String)
    }

    /// Trains variants, at most `schedule.parallel` at a time, in plan order.
    private func train(_ variants: [BenchmarkVariant], tracker: ProgressTracker, diagnostics: any DiagnosticSink) async
        -> [(String, Outcome)]
    {
        await withTaskGroup(of: (Int, String, Outcome).self) { group in
            var results: [(Int, String, Outcome)] = []
            var next = 0
            func startNext() {
                guard next < variants.count, !Task.isCancelled else { return }
                let index = next
                let variant = variants[index]
                next += 1
                group.addTask { (index, variant.id, await self.train(variant, tracker: tracker, diagnostics: diagnostics)) }
            }
            for _ in 0..<schedule.parallel { startNext() }
            for await result in group {
                results.append(result)
                startNext()
            }
            return results.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
        }
    }

    private func train(_ variant: BenchmarkVariant, tracker: ProgressTracker, diagnostics: any DiagnosticSink) async -> Outcome {
        let config = variant.config
        let options = TrainingOptions(iterations: config.iterations, trials: config.trials, seed: config.seed, threads: schedule.threads)
        var job = TrainingJob(
            config: config, source: PreloadedTableSource(table), options: options, store: workspace.variants, runId: variant.id)
        job.outputs = outputs
        job.clock = clock
        job.holidays = holidays
        job.notes = variant.notes
        if allocate { job.afterTraining = [AllocateStep()] }
        job.backend = backend
        let sink = ClosureDiagnosticSink { d in
            var tagged = d
            tagged.step = "\(variant.id)" + (d.step.map { "/" + $0 } ?? "")
            diagnostics.emit(tagged)
        }
        let units = backend.workUnits(iterations: options.iterations, trials: options.trials)
        do {
            let outcome = try await job.run(diagnostics: sink, progress: { p in tracker.candidates(variant.id, done: p.done) })
            tracker.variantFinished(variant.id, candidates: units)
            return outcome.state == .skipped ? .skipped(outcome.skipReason ?? "skipped") : .trained
        } catch {
            tracker.variantFinished(variant.id, candidates: units)
            return .failed("\(error)")
        }
    }

    /// The plan with `same_as` links between variants that prepare the same table from `table` and hand `backend`
    /// the same configuration as it trains it (e.g. weekly aggregation of weekly data, or `train_size` for the
    /// Bayesian backend, which fits the whole window); links the plan already has are kept.
    public static func linkingSameAs(
        _ plan: BenchmarkPlan, table: LoadedTable, backend: any TrainingBackend = NativeBackend()
    ) -> BenchmarkPlan {
        link(plan, table: table, backend: backend).0
    }

    static func link(
        _ plan: BenchmarkPlan, table: LoadedTable, backend: any TrainingBackend
    ) -> (BenchmarkPlan, [String: TrainingFingerprint]) {
        var linked = plan
        var fingerprints: [String: TrainingFingerprint] = [:]
        var owner: [String: String] = [:]
        for index in linked.variants.indices {
            let variant = linked.variants[index]
            guard let fingerprint = TrainingFingerprint.of(variant.config, table: table, backend: backend) else { continue }
            fingerprints[variant.id] = fingerprint
            guard variant.sameAs == nil else { continue }
            if let other = owner[fingerprint.digest], let first = linked.variant(other) {
                let fields = TrainingFingerprint.differingFields(first.trainedConfig, variant.trainedConfig)
                let what = fields.isEmpty ? "the same configuration" : fields.joined(separator: ", ")
                var reason = "prepares the same table and trains the same model as variant \(other): \(what) change\(fields.count == 1 ? "s" : "") nothing on this data"
                if fields == ["resample_freq"], fingerprint.cadence == "weekly", variant.config.resampleFreq == .weekly {
                    reason += " (the data is already weekly)"
                }
                // The fields that differ as written but not as the backend trains them: the ones it does not read.
                let read = Set(TrainingFingerprint.differingFields(
                    backend.trainedConfiguration(first.trainedConfig), backend.trainedConfiguration(variant.trainedConfig)))
                let unread = fields.filter { !read.contains($0) }
                if !unread.isEmpty {
                    reason += " (\(backend.engine.name) does not use \(unread.joined(separator: ", ")))"
                }
                linked.variants[index].sameAs = other
                linked.variants[index].sameAsReason = reason
            } else {
                owner[fingerprint.digest] = variant.id
            }
        }
        return (linked, fingerprints)
    }

    /// Whether the variant's run folder finished on this data; unfinished or failed folders are discarded.
    private func isFinished(_ variant: BenchmarkVariant) async throws -> Bool {
        guard let folder = try await workspace.variants.openRun(id: variant.id) else { return false }
        let status = try? await folder.status()
        guard let status, status.state == .succeeded || status.state == .skipped,
            await backend.trainedAlike(folder, status: status)
        else {
            try workspace.discardVariant(variant.id)
            return false
        }
        let manifest = try? await folder.read("preparation_manifest.json").map {
            try StrictJSON.decode(PreparationManifest.self, from: $0)
        }
        if let digest = manifest?.sourceSHA256, digest != table.provenance.sha256 {
            throw BenchmarkUsageError(
                "\(folder.location) was trained on other data (SHA-256 \(digest.prefix(12))…, now \(table.provenance.sha256.prefix(12))…); use another --output or remove that folder")
        }
        let config = try? await folder.read("job_config.json").map { try StrictJSON.decode(JobConfig.self, from: $0) }
        guard config?.benchmark?.variantId == variant.id else {
            try workspace.discardVariant(variant.id)
            return false
        }
        return true
    }

    /// The run folder of a variant that is not trained itself: its own preparation and configuration, and
    /// status SKIPPED naming the variant that trains the same model.
    private func writeLinkedRun(_ variant: BenchmarkVariant, fingerprint: TrainingFingerprint?) async throws {
        let started = clock.now()
        let folder = try await workspace.variants.createRun(id: variant.id, allowSuffix: false)
        let status = RunStatus.running(runId: variant.id, at: started, engine: backend.engine)
        try await folder.writeJSON(status, to: "status.json")
        if let fingerprint {
            try await folder.writeJSON(fingerprint.manifest, to: "preparation_manifest.json")
            try await folder.write(try StrictJSON.encode(fingerprint.config), to: "job_config.json")
        } else {
            try await folder.write(try StrictJSON.encode(variant.config), to: "job_config.json")
        }
        let reason = "same_as \(variant.sameAs ?? ""): \(variant.sameAsReason ?? "trains exactly the same model")"
        try await folder.writeJSON(status.finished(.skipped, at: clock.now(), skipReason: reason), to: "status.json")
    }
}

/// Sums the candidates of the variants in flight into one progress report.
final class ProgressTracker: Sendable {
    private struct State {
        var progress: BenchmarkProgress
        var inFlight: [String: Int] = [:]
        var finishedCandidates = 0
    }

    private let state: Locked<State>
    private let report: @Sendable (BenchmarkProgress) -> Void

    init(_ initial: BenchmarkProgress, report: @escaping @Sendable (BenchmarkProgress) -> Void) {
        state = Locked(State(progress: initial))
        self.report = report
    }

    func candidates(_ id: String, done: Int) {
        let snapshot = state.withLock { s -> BenchmarkProgress in
            s.inFlight[id] = done
            s.progress.candidatesDone = s.finishedCandidates + s.inFlight.values.reduce(0, +)
            return s.progress
        }
        report(snapshot)
    }

    func variantFinished(_ id: String, candidates: Int) {
        let snapshot = state.withLock { s -> BenchmarkProgress in
            s.inFlight.removeValue(forKey: id)
            s.finishedCandidates += candidates
            s.progress.variantsDone += 1
            s.progress.candidatesDone = min(s.progress.candidatesTotal, s.finishedCandidates + s.inFlight.values.reduce(0, +))
            return s.progress
        }
        report(snapshot)
    }
}
