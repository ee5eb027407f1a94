import Foundation
import MMMCore
import MMMEngine
import MMMJobs
import MMMTestSupport
import Testing

/// The job through its seams, with in-memory fakes: no file system, no engine, a frozen clock.
@Suite struct JobSeamTests {
    static func table() throws -> DataTable {
        var csv = "date,revenue,tv_S\n"
        let start = try #require(CalendarDate(year: 2024, month: 1, day: 1))
        for week in 0..<40 { csv += "\(start.adding(days: 7 * week)),\(100 + week * 3 % 17),\(week % 5 * 10)\n" }
        return try CSVReader().parse(csv)
    }

    static let config = JobConfig(depVar: "revenue", paidMedia: [MediaPair(spend: "tv_S", variable: "tv_S")])

    static func summary() -> ModelSummary {
        ModelSummary(
            runId: "", engine: EngineInfo(name: "scripted", version: "1"), config: config, candidateCount: 7,
            paretoModelCount: 1, paretoModels: [ModelMetrics(modelId: "1_1_1")], bestModel: ModelMetrics(modelId: "1_1_1"),
            bestModelRule: "scripted", decomposition: [])
    }

    private func job(_ backend: ScriptedBackend, store: InMemoryRunStore, clock: FrozenClock, source: (any TableSource)? = nil)
        throws -> TrainingJob
    {
        var job = TrainingJob(
            config: Self.config, source: try source ?? InMemoryTableSource(table: Self.table()),
            options: TrainingOptions(iterations: 7, trials: 1, seed: 1, threads: 1), store: store, runId: "r1")
        job.backend = backend
        job.clock = clock
        return job
    }

    @Test func statusIsWrittenFirstAndLastAndEveryFileOnce() async throws {
        let store = InMemoryRunStore()
        let sink = CollectingDiagnosticSink()
        let outcome = try await job(ScriptedBackend(.succeed(Self.summary())), store: store, clock: FrozenClock()).run(diagnostics: sink)
        #expect(outcome.state == .succeeded)
        let writes = store.writes.filter { $0.kind != .append }.map(\.name)
        #expect(writes.first == "status.json")
        #expect(writes.last == "status.json")
        #expect(writes.filter { $0 == "status.json" }.count == 2)
        #expect(
            writes == [
                "status.json", "preparation_manifest.json", "job_config.json", "model_summary.json", "run_manifest.json",
                "status.json",
            ])
        let status = try StrictJSON.decode(RunStatus.self, from: try #require(store.file("status.json", run: "r1")))
        #expect(status.state == .succeeded)
        #expect(status.engine?.name == "scripted")
        #expect(try #require(store.file("model_summary.json", run: "r1")).count > 10)
    }

    @Test func aFrozenClockMakesStatusAndManifestReproducible() async throws {
        var outputs: [Data] = []
        for _ in 0..<2 {
            let store = InMemoryRunStore()
            _ = try await job(ScriptedBackend(.succeed(Self.summary())), store: store, clock: FrozenClock()).run()
            outputs.append(try #require(store.file("status.json", run: "r1")))
            outputs.append(try #require(store.file("run_manifest.json", run: "r1")))
            outputs.append(try #require(store.file("console.log", run: "r1")))
        }
        #expect(outputs[0] == outputs[3])
        #expect(outputs[1] == outputs[4])
        #expect(outputs[2] == outputs[5])
        let manifest = try StrictJSON.decode(RunManifest.self, from: outputs[1])
        #expect(manifest.startedAt == "2027-01-15T08:00:00Z")
        #expect(manifest.timings.allSatisfy { $0.seconds == 0 })
        #expect(manifest.engine.name == "scripted")
    }

    @Test func diagnosticsAreDeliveredOnceEachAndRecordedEverywhere() async throws {
        let store = InMemoryRunStore()
        let sink = CollectingDiagnosticSink()
        let warning = Diagnostic.warning("scripted_warning", "the scripted backend warns once")
        let outcome = try await job(ScriptedBackend(.succeed(Self.summary()), diagnostics: [warning]), store: store, clock: FrozenClock())
            .run(diagnostics: sink)
        #expect(sink.all.filter { $0.code == "scripted_warning" }.count == 1)
        #expect(sink.all == outcome.diagnostics)
        // Preparation detail arrives as values attributed to its step, not as text to parse.
        #expect(sink.all.contains { $0.step == "detect_cadence" && $0.severity == .info && $0.message.hasPrefix("cadence weekly") })
        let console = String(decoding: try #require(store.file("console.log", run: "r1")), as: UTF8.self)
        #expect(console.components(separatedBy: "warning: the scripted backend warns once").count == 2)
        #expect(console.hasPrefix("2027-01-15T08:00:00Z run r1: memory:r1\n"))
        let manifest = try StrictJSON.decode(RunManifest.self, from: try #require(store.file("run_manifest.json", run: "r1")))
        #expect(manifest.diagnostics.contains(warning))
        #expect(!manifest.diagnostics.contains { $0.severity == .info })
    }

    @Test func aBackendFailureEndsFailedWithItsStep() async throws {
        let store = InMemoryRunStore()
        let clock = FrozenClock()
        let failing = ScriptedBackend(.fail(EngineError(.noSelectableModel, "no model passed")))
        await #expect(throws: TrainingJobError.self) { try await job(failing, store: store, clock: clock).run() }
        let status = try StrictJSON.decode(RunStatus.self, from: try #require(store.file("status.json", run: "r1")))
        #expect(status.state == .failed)
        #expect(status.failedStep == "train")
        #expect(status.message?.contains("no model passed") == true)
        #expect(store.writes.last?.name == "status.json")
        #expect(store.file("run_manifest.json", run: "r1") == nil)
    }

    @Test func aFailedOutputWriteNeverLeavesASucceededStatus() async throws {
        let store = InMemoryRunStore()
        store.failWrites(of: "model_summary.json")
        do {
            _ = try await job(ScriptedBackend(.succeed(Self.summary())), store: store, clock: FrozenClock()).run()
            Issue.record("a failed write succeeded")
        } catch let error as TrainingJobError {
            #expect(error.step == "write_outputs")
        }
        let status = try StrictJSON.decode(RunStatus.self, from: try #require(store.file("status.json", run: "r1")))
        #expect(status.state == .failed && status.failedStep == "write_outputs")
    }

    @Test func aSnapshotSourceIsKeptInTheRunAndItsDigestRecorded() async throws {
        let store = InMemoryRunStore()
        var csv = "date,revenue,tv_S\n"
        let start = try #require(CalendarDate(year: 2024, month: 1, day: 1))
        for week in 0..<30 { csv += "\(start.adding(days: 7 * week)),\(50 + week % 7),\(week % 4)\n" }
        let file = try TemporaryDirectory.make().appendingPathComponent("snapshot.csv")
        try Data(csv.utf8).write(to: file)
        let source = CSVSnapshotSource(bytes: Data(csv.utf8), label: "snowflake:DB.S.T")
        _ = try await job(ScriptedBackend(.succeed(Self.summary())), store: store, clock: FrozenClock(), source: source).run()
        #expect(store.file("input_snapshot.csv", run: "r1") == Data(csv.utf8))
        let manifest = try StrictJSON.decode(RunManifest.self, from: try #require(store.file("run_manifest.json", run: "r1")))
        #expect(manifest.dataSource == "snowflake:DB.S.T")
        #expect(manifest.dataSHA256 == (try ProcessRunner.pythonSHA256(file.path)))
        // The snapshot is written before the preparation manifest: a failing preparation still leaves the input.
        let order = store.writes.map(\.name)
        #expect(try #require(order.firstIndex(of: "input_snapshot.csv")) < (try #require(order.firstIndex(of: "preparation_manifest.json"))))
    }

    @Test func afterTrainingStepsRunInOrderBeforeTheFinalStatus() async throws {
        struct Step: AfterTrainingStep {
            let name: String
            func run(
                _ model: any TrainedModel, request: TrainingRequest, folder: any RunFolder,
                report: @escaping @Sendable (Diagnostic) -> Void
            ) async throws -> [String] {
                report(.note("\(name)_ran", "\(name) saw best model \(model.summary.bestModel.modelId)"))
                try await folder.write(Data(name.utf8), to: "\(name).txt")
                return ["\(name).txt"]
            }
        }
        let store = InMemoryRunStore()
        var job = try job(ScriptedBackend(.succeed(Self.summary())), store: store, clock: FrozenClock())
        job.afterTraining = [Step(name: "allocate"), Step(name: "report")]
        let outcome = try await job.run()
        let order = store.writes.filter { $0.kind != .append }.map(\.name)
        #expect(order.suffix(4) == ["allocate.txt", "report.txt", "run_manifest.json", "status.json"])
        #expect(outcome.diagnostics.contains { $0.code == "report_ran" && $0.message.contains("1_1_1") })
        let manifest = try StrictJSON.decode(RunManifest.self, from: try #require(store.file("run_manifest.json", run: "r1")))
        #expect(manifest.files == ["model_summary.json", "allocate.txt", "report.txt"])
        #expect(manifest.timings.map(\.step) == ["load_data", "prepare_data", "scripted", "write_outputs", "allocate", "report"])
    }

    @Test func aConstantTargetIsSkippedWithoutCallingTheBackend() async throws {
        var csv = "date,revenue,tv_S\n"
        let start = try #require(CalendarDate(year: 2024, month: 1, day: 1))
        for week in 0..<20 { csv += "\(start.adding(days: 7 * week)),5,\(week % 3)\n" }
        let store = InMemoryRunStore()
        let backend = ScriptedBackend(.fail(EngineError(.noSelectableModel, "must not be called")))
        let outcome = try await job(backend, store: store, clock: FrozenClock(), source: InMemoryTableSource(table: try CSVReader().parse(csv)))
            .run()
        #expect(outcome.state == .skipped)
        let status = try StrictJSON.decode(RunStatus.self, from: try #require(store.file("status.json", run: "r1")))
        #expect(status.state == .skipped && status.skipReason?.contains("constant") == true)
        #expect(store.file("model_summary.json", run: "r1") == nil)
    }
}
