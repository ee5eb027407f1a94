import Foundation
import MMMCore
import MMMEngine
import MMMJobs
import MMMTestSupport
import Testing

/// The `allocate` step on a real (small) demo run: what it writes, that the files validate, and that decisions from
/// `model.json` — or from the run's tables for another model — equal those from the training result exactly.
@Suite(.serialized) struct AllocateStepTests {
    struct Run: Sendable {
        var outcome: TrainingOutcome
        var step: AllocateStep
        var folder: URL
        var result: TrainingResult
    }

    /// One 150 × 2 demo run with the step, made once and shared by the (serialized) tests of this suite.
    actor Shared {
        static let instance = Shared()
        private var cached: Run?

        func run() async throws -> Run {
            if let cached { return cached }
            let root = try TrainingFixtures.temporaryDirectory()
            let step = AllocateStep()
            var job = TrainingJob(
                config: try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config,
                source: CSVFileSource(path: TrainingFixtures.demoData),
                options: TrainingOptions(iterations: 150, trials: 2, seed: 11, threads: 2),
                store: LocalRunStore(root: root.path), runId: "alloc")
            job.afterTraining = [step]
            let outcome = try await job.run()
            guard let result = outcome.result else { throw EngineError(.noSelectableModel, "no native result") }
            let run = Run(outcome: outcome, step: step, folder: URL(fileURLWithPath: outcome.location), result: result)
            cached = run
            return run
        }
    }

    private func file(_ name: String, _ run: Run) throws -> Data {
        try Data(contentsOf: run.folder.appendingPathComponent(name))
    }

    @Test func trainWritesTheModelFileTheAllocationAndTheSummary() async throws {
        let run = try await Shared.instance.run()
        #expect(run.outcome.state == .succeeded)
        let manifest = try StrictJSON.decode(RunManifest.self, from: try file("run_manifest.json", run))
        #expect(Array(manifest.files.suffix(4)) == ["model.json", "allocation.json", "allocation.csv", "allocator_metrics.csv"])
        let allocation = try #require(run.step.lastResult.withLock { $0 })
        let summary = try StrictJSON.decode(ModelSummary.self, from: try file("model_summary.json", run))
        #expect(summary.allocation == AllocationSummary(allocation))
        #expect(summary.allocation?.modelId == summary.bestModel.modelId)
        // The summary is the backend's plus the allocation, nothing else changed.
        var withoutAllocation = summary
        withoutAllocation.allocation = nil
        #expect(withoutAllocation == run.outcome.summary)
        let written = try JSONDecoder().decode(AllocationResult.self, from: try file("allocation.json", run))
        #expect(written == allocation)
        // The demo config allocates the historical spend of the last 365 days of the window (53 weeks).
        #expect(allocation.scenario == .maxResponse && allocation.periods == 53 && allocation.dateEnd.description == "2018-12-31")
        #expect(Swift.abs(allocation.bounded.optimalSpendTotal - allocation.bounded.initialSpendTotal) <= 1e-6 * allocation.bounded.initialSpendTotal)
        let metrics = try #require(String(data: try file("allocator_metrics.csv", run), encoding: .utf8)).split(separator: "\n")
        #expect(metrics.first == "model_id,training_time_mins,max_cores_used,r2_train,nrmse_train,r2_val,nrmse_val,r2_test,nrmse_test,decomp_rssd_train,allocator_total_response,allocator_total_spend")
        #expect(metrics.count == 2 && metrics[1].hasPrefix("\(summary.bestModel.modelId),"))
        let table = try #require(String(data: try file("allocation.csv", run), encoding: .utf8)).split(separator: "\n")
        #expect(table.count == 1 + 5)
    }

    @Test(arguments: [("model", "model.json"), ("allocation", "allocation.json"), ("model_summary", "model_summary.json")])
    func writtenFilesValidateAgainstTheirSchemas(schema: String, name: String) async throws {
        let run = try await Shared.instance.run()
        let script = """
            import json, sys, pathlib
            from jsonschema import Draft202012Validator
            from referencing import Registry, Resource
            root = pathlib.Path(sys.argv[1])
            docs = [json.loads(p.read_text()) for p in root.glob('*.schema.json')]
            registry = Registry().with_resources([(d['$id'], Resource.from_contents(d)) for d in docs])
            schema = json.loads((root / (sys.argv[2] + '.schema.json')).read_text())
            Draft202012Validator.check_schema(schema)
            errors = list(Draft202012Validator(schema, registry=registry).iter_errors(json.load(open(sys.argv[3]))))
            for e in errors[:5]: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """
        let r = try ProcessRunner.run(
            "/usr/bin/env",
            ["python3", "-c", script, TrainingFixtures.repoRoot.appendingPathComponent("schema").path, schema,
             run.folder.appendingPathComponent(name).path])
        #expect(r.code == 0, "\(name): \(r.stdout) \(r.stderr)")
    }

    @Test func decisionsFromModelJsonEqualThoseFromTheTrainingResultExactly() async throws {
        let run = try await Shared.instance.run()
        let fromRun = try run.result.modelFile(runId: "alloc")
        let fromFile = try StrictJSON.decode(ModelFile.self, from: try file("model.json", run))
        // Every number survives the JSON round trip bit for bit.
        #expect(fromFile.media == fromRun.media)
        #expect(fromFile.dates == fromRun.dates && fromFile.windowStart == fromRun.windowStart)
        // The history is the modelling table's media columns.
        let design = run.result.model.design
        for entry in fromFile.media {
            #expect(entry.values == design.regressors.first { $0.name == entry.name }?.values)
        }
        // The informational window means agree with the training's own per-media fields.
        let outcomes = try #require(run.result.bestRecord.result?.media)
        for (entry, outcome) in zip(fromFile.media, outcomes) {
            #expect(entry.name == outcome.name)
            #expect(Swift.abs(entry.windowMeanCarryover - outcome.meanCarryover) <= 1e-9 * Swift.max(1, outcome.meanCarryover))
            #expect(Swift.abs(entry.windowMeanResponse - outcome.meanResponse) <= 1e-9 * Swift.max(1, outcome.meanResponse))
        }
        let request = AllocationRequest(config: run.result.model.config)
        let a = try BudgetAllocator.allocate(ResponseModel(fromRun), request: request)
        let b = try BudgetAllocator.allocate(ResponseModel(fromFile), request: request)
        #expect(a == b)
        #expect(a == run.step.lastResult.withLock { $0 })
        for channel in fromFile.media {
            for spend in [0.0, 1_234.5, channel.windowMean, 3 * channel.windowMean] {
                let x = try ResponseQuery(model: ResponseModel(fromRun), channel: channel.name, spend: spend, range: .standard)
                let y = try ResponseQuery(model: ResponseModel(fromFile), channel: channel.name, spend: spend, range: .standard)
                #expect(x == y)
            }
        }
    }

    @Test func anyParetoModelIsDerivedFromTheRunTablesExactly() async throws {
        let run = try await Shared.instance.run()
        let folder = LocalRunFolder(directory: run.folder, runId: "alloc")
        let best = try await RunModelFile.load(from: folder)
        #expect(best.modelId == run.result.bestRecord.modelId)
        let hyper = try CSVReader().read(path: run.folder.appendingPathComponent("pareto_hyperparameters.csv").path)
        let aggregated = try CSVReader().read(path: run.folder.appendingPathComponent("pareto_aggregated.csv").path)
        // Deriving the best model from the tables gives model.json back.
        #expect(try RunModelFile.derive(base: best, modelId: best.modelId, hyperparameters: hyper, aggregated: aggregated) == best)
        // Another Pareto model: the same file training would write for it (after the same JSON round trip).
        let other = try #require(run.result.selection.paretoIndices.first { $0 != run.result.selection.best })
        let id = run.result.records[other].modelId
        let derived = try await RunModelFile.load(from: folder, modelId: id)
        let expected = try StrictJSON.decode(ModelFile.self, from: StrictJSON.encode(run.result.modelFile(index: other, runId: "alloc")))
        #expect(derived == expected)
        await #expect(throws: ConfigError.self) { try await RunModelFile.load(from: folder, modelId: "9_9_9") }
    }

    @Test func otherBackendsSkipTheAllocationWithANote() async throws {
        let store = InMemoryRunStore()
        var csv = "date,revenue,tv_S\n"
        let start = try #require(CalendarDate(year: 2024, month: 1, day: 1))
        for week in 0..<40 { csv += "\(start.adding(days: 7 * week)),\(100 + week * 3 % 17),\(week % 5 * 10)\n" }
        let config = JobConfig(depVar: "revenue", paidMedia: [MediaPair(spend: "tv_S", variable: "tv_S")])
        let summary = ModelSummary(
            runId: "", engine: EngineInfo(name: "scripted", version: "1"), config: config, candidateCount: 1,
            paretoModelCount: 1, paretoModels: [ModelMetrics(modelId: "1_1_1")], bestModel: ModelMetrics(modelId: "1_1_1"),
            bestModelRule: "scripted", decomposition: [])
        var job = TrainingJob(
            config: config, source: InMemoryTableSource(table: try CSVReader().parse(csv)),
            options: TrainingOptions(iterations: 1, trials: 1, seed: 1, threads: 1), store: store, runId: "s")
        job.backend = ScriptedBackend(.succeed(summary))
        job.clock = FrozenClock()
        job.afterTraining = [AllocateStep()]
        let outcome = try await job.run()
        #expect(outcome.state == .succeeded)
        #expect(outcome.diagnostics.contains { $0.code == "allocation_skipped" && $0.step == "allocate" })
        #expect(store.file("model.json", run: "s") == nil)
    }
}
