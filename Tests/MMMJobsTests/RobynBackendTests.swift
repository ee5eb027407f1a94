import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore
@testable import MMMEngine
@testable import MMMJobs

/// The Robyn backend against a fake Rscript that plays r/run_all.R's part: inputs, relaying, checking, copying,
/// failures and cancellation.
@Suite struct RobynBackendTests {
    @Test func aRunWritesRsFilesAndTheJobsOwnStatus() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let work = root.appendingPathComponent("work")
        let backend = try await RobynFixtures.fakeBackend(workRoot: work)
        #expect(backend.engine == EngineInfo(name: "robyn", version: "3.12.1-fake"))
        let sink = CollectingDiagnosticSink()
        let progress = ProgressLog()
        var job = try RobynFixtures.demoJob(backend: backend, root: root, runId: "r1", threads: 3)
        job.outputs = .small
        let outcome = try await job.run(diagnostics: sink, progress: { progress.record($0.done, $0.total) })
        #expect(outcome.state == .succeeded)
        let folder = URL(fileURLWithPath: outcome.location)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(files == [
            "status.json", "console.log", "preparation_manifest.json", "job_config.json", "model_summary.json",
            "pareto_hyperparameters.csv", "pareto_aggregated.csv", "RobynModel-1_1_1.json", "fake_rscript_call.json",
            "run_manifest.json",
        ])
        // The summary is R's, byte for byte, and the job's status names the Robyn engine.
        let summaryBytes = try Data(contentsOf: folder.appendingPathComponent("model_summary.json"))
        let summary = try StrictJSON.decode(ModelSummary.self, from: summaryBytes)
        #expect(outcome.summary == summary)
        #expect(summary.engine.name == "robyn" && summary.runId == "r1" && summary.candidateCount == 40)
        let status = try StrictJSON.decode(RunStatus.self, path: folder.appendingPathComponent("status.json").path)
        #expect(status.state == .succeeded)
        #expect(status.engine == EngineInfo(name: "robyn", version: "3.12.1-fake"))
        #expect(status.message == "best model 1_1_1")
        // R's timings reach the run manifest; R's folder is gone.
        let manifest = try StrictJSON.decode(RunManifest.self, path: folder.appendingPathComponent("run_manifest.json").path)
        #expect(manifest.timings.map(\.step).contains("robyn.robyn_run"))
        #expect(manifest.engine.name == "robyn")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: work.path))?.isEmpty ?? true)
        // Progress and R's messages were relayed; progress bars were not.
        #expect(progress.all.contains { $0 == (40, 40) })
        let codes = sink.all.map(\.code)
        #expect(codes.contains("robyn_message") && codes.contains("robyn_warning") && codes.contains("r_stderr"))
        #expect(!sink.all.contains { $0.message.contains("33%") })
        #expect(sink.all.first { $0.code == "robyn_warning" }?.severity == .warning)
    }

    @Test func rGetsThePreparedTableAndTheResolvedConfiguration() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let backend = try await RobynFixtures.fakeBackend(workRoot: root.appendingPathComponent("work"))
        let job = try RobynFixtures.demoJob(backend: backend, root: root, runId: "r2", threads: 3)
        let outcome = try await job.run()
        let call = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: outcome.location).appendingPathComponent("fake_rscript_call.json")))
                as? [String: Any])
        #expect(call["cores"] as? String == "3")
        #expect(call["run_id"] as? String == "r2")
        #expect((call["script"] as? String)?.hasSuffix("r/run_all.R") == true)
        let header = try #require(call["header"] as? [String])
        #expect(header.first == "DATE" && header.contains("facebook_I") && header.contains("events"))
        #expect(call["rows"] as? Int == 208 && call["first_date"] as? String == "2015-11-23")
        // The configuration R read decodes strictly and resolves to the bounds the native engine searches.
        let configData = try JSONSerialization.data(withJSONObject: try #require(call["config"]))
        let given = try StrictJSON.decode(JobConfig.self, from: configData)
        let original = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        #expect(try given.resolvedHyperparameterBounds() == original.resolvedHyperparameterBounds())
        #expect(given.customHyperparameters.count == 6 * 3 + 1)
        #expect(given.customHyperparameters["facebook_I_thetas"] == ParameterBound(0, 0.3))
        #expect(given.customHyperparameters["lambda"] == ParameterBound(0, 1))
        #expect(given.iterations == 20 && given.trials == 2 && given.seed == 99 && given.threads == nil)
        #expect(given.baselineVars == [.trend, .season, .holiday])
        #expect(given.startDate == CalendarDate(year: 2016, month: 1, day: 4))
        #expect(given.endDate == CalendarDate(year: 2018, month: 12, day: 31))
    }

    @Test func rFailingEndsTheRunFailedWithRsStepAndMessage() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let work = root.appendingPathComponent("work")
        let backend = try await RobynFixtures.fakeBackend(mode: "fail", workRoot: work)
        let job = try RobynFixtures.demoJob(backend: backend, root: root, runId: "f")
        do {
            _ = try await job.run()
            Issue.record("expected a failure")
        } catch let error as TrainingJobError {
            #expect(error.step == "train")
            #expect(
                error.underlying as? RobynBackendError
                    == .robynFailed(step: "robyn_run", message: "You must have nevergrad python library installed."))
            #expect(error.category == .runtime)
        }
        let status = try StrictJSON.decode(RunStatus.self, path: root.appendingPathComponent("f/status.json").path)
        #expect(status.state == .failed && status.failedStep == "train")
        #expect(status.message?.contains("Robyn failed in robyn_run: You must have nevergrad") == true)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: work.path))?.isEmpty ?? true)
    }

    @Test func anInvalidSummaryIsRejected() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let backend = try await RobynFixtures.fakeBackend(mode: "bad_summary", workRoot: root.appendingPathComponent("work"))
        let job = try RobynFixtures.demoJob(backend: backend, root: root, runId: "b")
        await #expect {
            _ = try await job.run()
        } throws: { error in
            guard case .invalidOutput(let file, let reason)? = (error as? TrainingJobError)?.underlying as? RobynBackendError
            else { return false }
            return file == "model_summary.json" && reason.contains("surprise")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("b").path)
        #expect(!files.contains("model_summary.json"))
    }

    /// Ctrl-C (task cancellation) stops R and the workers in its process group with SIGTERM (the SIGKILL fallback
    /// is a minute away here, so a child that ignored SIGTERM would fail the test); the run ends FAILED/cancelled.
    @Test(.timeLimit(.minutes(3))) func cancellingStopsRAndItsWorkers() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let pidFile = root.appendingPathComponent("pids").path
        let backend = try await RobynFixtures.fakeBackend(
            mode: "hang", workRoot: root.appendingPathComponent("work"), extra: ["FAKE_R_PIDFILE": pidFile], grace: 60)
        let job = try RobynFixtures.demoJob(backend: backend, root: root, runId: "c")
        let task = Task { try await job.run() }
        var pids: [Int32] = []
        for _ in 0..<600 where pids.isEmpty {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8) {
                pids = text.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
            } else {
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        try #require(pids.count == 2, "the fake R never started")
        let cancelled = Date()
        task.cancel()
        await #expect(throws: TrainingJobError.self) { _ = try await task.value }
        #expect(Date().timeIntervalSince(cancelled) < 30, "R was not stopped by SIGTERM")
        for pid in pids {
            var gone = false
            for _ in 0..<100 where !gone {
                gone = RobynFixtures.processIsGone(pid)
                if !gone { try await Task.sleep(nanoseconds: 50_000_000) }
            }
            #expect(gone, "process \(pid) still runs after cancellation")
        }
        let status = try StrictJSON.decode(RunStatus.self, path: root.appendingPathComponent("c/status.json").path)
        #expect(status.state == .failed && status.message == "cancelled" && status.failedStep == "train")
    }
}

/// Finding R, run_all.R and Robyn, and the errors that say what to install.
@Suite struct RobynRuntimeTests {
    @Test func theProbeReportsVersions() async throws {
        let runtime = try await RobynRuntime.probe(environment: RobynFixtures.fakeEnvironment())
        #expect(runtime.robynVersion == "3.12.1-fake" && runtime.rVersion == "4.2.2")
        #expect(runtime.rscript == RobynFixtures.fakeRscript)
        #expect(runtime.script == RobynFixtures.rDirectory + "/run_all.R")
    }

    @Test func aMissingRobynNamesTheInstallStep() async throws {
        await #expect {
            _ = try await RobynRuntime.probe(environment: RobynFixtures.fakeEnvironment(mode: "missing_robyn"))
        } throws: { error in
            guard case .packageMissing(let message)? = error as? RobynBackendError else { return false }
            return message.contains("Robyn is not installed") && message.contains("r/README.md")
        }
    }

    /// With real R: the probe answers, or (without Robyn) fails naming the install step.
    @Test func realRProbesOrNamesTheInstallStep() async throws {
        guard RobynFixtures.realRscript != nil else {
            FileHandle.standardError.write(Data("SKIPPED: realRProbesOrNamesTheInstallStep: no Rscript on PATH\n".utf8))
            return
        }
        var environment = ProcessInfo.processInfo.environment
        environment["MMM_R_DIR"] = RobynFixtures.rDirectory
        environment.removeValue(forKey: "MMM_RSCRIPT")
        do {
            let runtime = try await RobynRuntime.probe(environment: environment)
            #expect(!runtime.robynVersion.isEmpty)
        } catch let error as RobynBackendError {
            guard case .packageMissing(let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(message.contains("Robyn is not installed") && message.contains("install.packages"))
            #expect(error.category == .usage)
        }
    }

    @Test func missingPiecesAreNamed() throws {
        #expect(throws: RobynBackendError.rscriptNotFound("no Rscript on PATH")) {
            try RobynRuntime.locateRscript(environment: ["PATH": "/nonexistent"])
        }
        for path in ["/nonexistent/Rscript", NSTemporaryDirectory()] {
            #expect(throws: RobynBackendError.rscriptNotFound("MMM_RSCRIPT=\(path) is not an executable file")) {
                try RobynRuntime.locateRscript(environment: ["MMM_RSCRIPT": path])
            }
        }
        #expect(throws: RobynBackendError.scriptNotFound(searched: ["MMM_R_DIR=/nonexistent"])) {
            try RobynRuntime.locateScript(environment: ["MMM_R_DIR": "/nonexistent"], executablePath: nil, currentDirectory: "/")
        }
        // From a build folder inside the repository, run_all.R is found by walking up.
        let found = try RobynRuntime.locateScript(
            environment: [:], executablePath: TrainingFixtures.repoRoot.appendingPathComponent(".build/debug/mmm-cli").path,
            currentDirectory: "/")
        #expect(found == RobynFixtures.rDirectory + "/run_all.R")
        let message = RobynBackendError.rscriptNotFound("no Rscript on PATH").description
        #expect(message.contains("apt-get install r-base-core") && message.contains("MMM_RSCRIPT"))
    }
}

/// The `@mmm` line protocol of r/R/protocol.R.
@Suite struct RobynProtocolTests {
    @Test func linesParse() {
        #expect(RobynEvent.parse(#"@mmm {"event":"progress","done":40,"total":80}"#) == .progress(done: 40, total: 80))
        #expect(
            RobynEvent.parse(#"@mmm {"event":"diagnostic","severity":"note","code":"few","message":"m","step":"robyn_outputs"}"#)
                == .diagnostic(Diagnostic(.note, code: "few", "m", step: "robyn_outputs")))
        #expect(
            RobynEvent.parse(#"@mmm {"event":"diagnostic","severity":"error","code":"x","message":"m"}"#)
                == .diagnostic(Diagnostic(.warning, code: "x", "m")), "R cannot end the job through a diagnostic")
        #expect(
            RobynEvent.parse(#"@mmm {"event":"error","step":"robyn_run","code":"robyn_failed","message":"boom"}"#)
                == .error(step: "robyn_run", code: "robyn_failed", message: "boom"))
        #expect(RobynEvent.parse(#"@mmm {"event":"probe","r_version":"4.2.2","robyn_version":"3.12.1"}"#)
            == .probe(rVersion: "4.2.2", robynVersion: "3.12.1"))
        for line in ["Running trial 1 of 5", "@mmm not json", #"@mmm {"event":"progress"}"#, #"@mmm {"event":"other"}"#] {
            #expect(RobynEvent.parse(line) == nil, "\(line)")
        }
    }

    @Test func progressBarsAreNoise() {
        #expect(RobynEvent.isNoise("  |=====          |  33%"))
        #expect(RobynEvent.isNoise("|                                                  |   0%"))
        #expect(RobynEvent.isNoise("   "))
        #expect(!RobynEvent.isNoise(">>> Running Pareto calculations for 200 models on auto fronts..."))
        #expect(!RobynEvent.isNoise("|x| 50%"))
    }
}

/// `benchmark run --backend robyn` uses the same runner; variants finished by another engine are trained again.
@Suite struct RobynBenchmarkRunnerTests {
    @Test func variantsOfAnotherEngineAreRetrainedThenResumed() async throws {
        let config = try StrictJSON.decode(
            BenchmarkConfig.self,
            from: Data(#"{"name": "engines", "iterations": 10, "trials": 1, "variants": {"seed": [{"name": "a", "seed": 1}, {"name": "b", "seed": 2}]}}"#.utf8))
        let base = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        let plan = try BenchmarkGenerator(config: config, base: base, baseLabel: "demo", mode: .configured)
            .plan(createdAt: Date(timeIntervalSince1970: 1_800_000_000))
        let dir = try TrainingFixtures.temporaryDirectory()
        let table = try await CSVFileSource(path: TrainingFixtures.demoData).load()
        let robyn = try await RobynFixtures.fakeBackend(workRoot: dir.appendingPathComponent("work"))
        func run(_ backend: any TrainingBackend) async throws -> BenchmarkRunReport {
            let workspace = LocalBenchmarkWorkspace(output: dir.path, benchmarkId: plan.benchmarkId)
            var runner = BenchmarkRunner(
                plan: plan, table: table, workspace: workspace,
                schedule: BenchmarkSchedule(cores: 2, parallel: 2, threads: 1, variants: plan.variants.count))
            runner.backend = backend
            return try await runner.run()
        }
        let native = try await run(NativeBackend())
        #expect(native.trained.count == 2 && native.failed.isEmpty)
        let first = try await run(robyn)
        #expect(first.trained.count == 2 && first.resumed.isEmpty, "native runs are not Robyn runs")
        let again = try await run(robyn)
        #expect(again.trained.isEmpty && again.resumed.count == 2)
        let workspace = LocalBenchmarkWorkspace(output: dir.path, benchmarkId: plan.benchmarkId)
        let summary = try StrictJSON.decode(
            ModelSummary.self, path: workspace.path("variants/\(plan.variants[0].id)/model_summary.json"))
        #expect(summary.engine.name == "robyn")
    }
}
