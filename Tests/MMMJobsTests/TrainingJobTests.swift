import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore
@testable import MMMEngine
@testable import MMMJobs

@Suite struct TrainingJobTests {
    private func runJob(threads: Int, iterations: Int = 150, trials: Int = 3, root: URL, runId: String) async throws
        -> TrainingOutcome
    {
        let config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        let job = TrainingJob(
            config: config, source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: iterations, trials: trials, seed: 42, threads: threads),
            store: LocalRunStore(root: root.path), runId: runId)
        return try await job.run()
    }

    /// Same inputs and seed: byte-identical model summary and CSVs for any thread count.
    @Test func threadCountDoesNotChangeAnyResultFile() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let one = try await runJob(threads: 1, root: root.appendingPathComponent("t1"), runId: "same")
        let three = try await runJob(threads: 3, root: root.appendingPathComponent("t3"), runId: "same")
        #expect(one.state == .succeeded && three.state == .succeeded)
        for file in [
            "model_summary.json", "pareto_hyperparameters.csv", "pareto_aggregated.csv", "all_aggregated.csv",
            "pareto_alldecomp_matrix.csv", "pareto_media_transform_matrix.csv", "preparation_manifest.json",
            "job_config.json",
        ] {
            let a = try Data(contentsOf: URL(fileURLWithPath: one.location).appendingPathComponent(file))
            let b = try Data(contentsOf: URL(fileURLWithPath: three.location).appendingPathComponent(file))
            #expect(a == b, "\(file) differs between 1 and 3 threads")
            #expect(a.count > 100)
        }
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: three.location).appendingPathComponent("run_manifest.json")))
        #expect((manifest as? [String: Any])?["threads"] as? Int == 3)
        // The recorded input digest is the file's SHA-256 (checked against Python's hashlib).
        let expected = try ProcessRunner.pythonSHA256(TrainingFixtures.demoData)
        #expect((manifest as? [String: Any])?["data_sha256"] as? String == expected)
    }

    @Test func runFolderHasEveryFileAndValidStatus() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let outcome = try await runJob(threads: 2, iterations: 60, trials: 2, root: root, runId: "20261122T000000Z")
        let folder = URL(fileURLWithPath: outcome.location)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(files == [
            "status.json", "console.log", "preparation_manifest.json", "job_config.json", "model_summary.json",
            "pareto_hyperparameters.csv", "pareto_aggregated.csv", "all_aggregated.csv", "pareto_alldecomp_matrix.csv",
            "pareto_media_transform_matrix.csv", "run_manifest.json",
        ])
        let status = try StrictJSON.decode(RunStatus.self, path: folder.appendingPathComponent("status.json").path)
        #expect(status.state == .succeeded)
        let summary = try StrictJSON.decode(ModelSummary.self, path: folder.appendingPathComponent("model_summary.json").path)
        #expect(summary.candidateCount == 120)
        #expect(summary.runId == "20261122T000000Z")
        #expect(summary.paretoModels.contains { $0.modelId == summary.bestModel.modelId })
        #expect(summary.decomposition.filter { $0.role == .paidMedia }.count == 5)
        // Robyn's CSV columns, in Robyn's order.
        let header = try String(contentsOf: folder.appendingPathComponent("pareto_aggregated.csv"), encoding: .utf8)
            .prefix { $0 != "\n" }
        #expect(header.hasPrefix("rn,coef,xDecompAgg,xDecompPerc,xDecompMeanNon0,xDecompMeanNon0Perc,xDecompAggRF"))
        let transform = try String(contentsOf: folder.appendingPathComponent("pareto_media_transform_matrix.csv"), encoding: .utf8)
        #expect(transform.contains(",adstockedMedia,") && transform.contains(",decompMedia,"))
        // all_aggregated has one row per model and variable (12 variables incl. the intercept).
        let rows = try String(contentsOf: folder.appendingPathComponent("all_aggregated.csv"), encoding: .utf8)
            .split(separator: "\n").count - 1
        #expect(rows == 120 * 12)
    }

    @Test func cancellationLeavesAFailedCancelledStatus() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        let job = TrainingJob(
            config: config, source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 1_000_000, trials: 1, seed: 1, threads: 1), store: LocalRunStore(root: root.path),
            runId: "cancelled")
        let started = Locked(false)
        let task = Task { try await job.run(progress: { _ in started.withLock { $0 = true } }) }
        for _ in 0..<2000 where !started.withLock({ $0 }) { try await Task.sleep(nanoseconds: 5_000_000) }
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("a cancelled run succeeded")
        } catch let error as TrainingJobError {
            #expect(error.underlying is CancellationError)
        }
        let status = try StrictJSON.decode(RunStatus.self, path: root.appendingPathComponent("cancelled/status.json").path)
        #expect(status.state == .failed)
        #expect(status.message == "cancelled")
        #expect(status.failedStep == "train")
    }

    @Test func constantDependentVariableIsSkipped() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        var csv = "date,y,s\n"
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        for d in 0..<30 { csv += "\(start.adding(days: 7 * d)),5,\(d % 4)\n" }
        let path = root.appendingPathComponent("flat.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let job = TrainingJob(
            config: JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "s", variable: "s")]), source: CSVFileSource(path: path),
            options: TrainingOptions(iterations: 10, trials: 1, seed: 1, threads: 1), store: LocalRunStore(root: root.path), runId: "skip")
        let outcome = try await job.run()
        #expect(outcome.state == .skipped)
        let status = try StrictJSON.decode(RunStatus.self, path: root.appendingPathComponent("skip/status.json").path)
        #expect(status.state == .skipped)
        #expect(status.skipReason?.contains("constant") == true)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("skip/model_summary.json").path))
    }

    @Test func badDataFailsWithTheStepInTheStatus() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let job = TrainingJob(
            config: JobConfig(depVar: "revenue", paidMedia: [MediaPair(spend: "radio_S", variable: "radio_S")]),
            source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 10, trials: 1, seed: 1, threads: 1), store: LocalRunStore(root: root.path), runId: "bad")
        await #expect(throws: TrainingJobError.self) { try await job.run() }
        let status = try StrictJSON.decode(RunStatus.self, path: root.appendingPathComponent("bad/status.json").path)
        #expect(status.state == .failed && status.failedStep == "prepare_data")
        #expect(status.message?.contains("radio_S") == true)
    }
}

@Suite struct UserHolidaysTests {
    @Test func aUserHolidaysFileReplacesTheBuiltInTable() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let holidays = root.appendingPathComponent("holidays.csv").path
        try Data("ds,holiday,country,year\n2016-12-25,Company Day,DE,2016\n2017-12-25,Company Day,DE,2017\n".utf8)
            .write(to: URL(fileURLWithPath: holidays))
        var config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        config.holidaysPath = holidays
        let outcome = try await TrainingJob(
            config: config, source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 20, trials: 1, seed: 1, threads: 1), store: LocalRunStore(root: root.path), runId: "h"
        ).run()
        #expect(outcome.result?.model.baseline?.diagnostics.holidayNames == ["Company Day"])

        try Data("ds,holiday,country,year\nnot-a-date,X,DE,2016\n".utf8).write(to: URL(fileURLWithPath: holidays))
        let failing = TrainingJob(
            config: config, source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 20, trials: 1, seed: 1, threads: 1), store: LocalRunStore(root: root.path), runId: "bad")
        do {
            _ = try await failing.run()
            Issue.record("a bad holidays file was accepted")
        } catch let error as TrainingJobError {
            #expect(error.category == .inputData)
            #expect(error.step == "prepare_data")
        }
    }
}

/// The manifests a run writes agree with their JSON Schemas (Python's jsonschema is the validator) and Swift keys.
@Suite struct ManifestSchemaTests {
    @Test func writtenManifestsValidate() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let outcome = try await TrainingJob(
            config: try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config,
            source: CSVFileSource(path: TrainingFixtures.demoData), options: TrainingOptions(iterations: 30, trials: 1, seed: 1, threads: 1),
            store: LocalRunStore(root: root.path), runId: "m"
        ).run()
        let schemaDir = TrainingFixtures.repoRoot.appendingPathComponent("schema")
        let script = """
            import json, sys, pathlib
            from jsonschema import Draft202012Validator
            from referencing import Registry, Resource
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            docs = [json.loads(p.read_text()) for p in pathlib.Path(sys.argv[1]).parent.glob('*.schema.json')]
            registry = Registry().with_resources([(d['$id'], Resource.from_contents(d)) for d in docs])
            errors = list(Draft202012Validator(schema, registry=registry).iter_errors(doc))
            for e in errors: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """
        for (schema, file, keys) in [
            ("preparation_manifest", "preparation_manifest.json", PreparationManifest.jsonKeys),
            ("run_manifest", "run_manifest.json", RunManifest.jsonKeys),
            ("run_status", "status.json", RunStatus.jsonKeys), ("model_summary", "model_summary.json", ModelSummary.jsonKeys),
        ] {
            let schemaPath = schemaDir.appendingPathComponent("\(schema).schema.json").path
            let r = try ProcessRunner.run(
                "/usr/bin/env", ["python3", "-c", script, schemaPath, URL(fileURLWithPath: outcome.location).appendingPathComponent(file).path])
            #expect(r.code == 0, "\(file): \(r.stdout) \(r.stderr)")
            let properties = try #require(
                (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: schemaPath))) as? [String: Any])?["properties"]
                    as? [String: Any])
            #expect(Set(properties.keys) == keys, "\(schema)")
        }
    }
}

@Suite struct CancellationAfterSearchTests {
    /// Ctrl-C after the search (during selection or writing) still ends FAILED/cancelled, never SUCCEEDED.
    @Test func cancellingAfterTheSearchIsHonoured() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        let job = TrainingJob(
            config: try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config,
            source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 1500, trials: 2, seed: 3, threads: 2), store: LocalRunStore(root: root.path), runId: "late")
        let searched = Locked(false)
        let task = Task { try await job.run(progress: { p in if p.done == p.total { searched.withLock { $0 = true } } }) }
        for _ in 0..<4000 where !searched.withLock({ $0 }) { try await Task.sleep(nanoseconds: 2_000_000) }
        task.cancel()
        _ = try? await task.value
        let status = try StrictJSON.decode(RunStatus.self, path: root.appendingPathComponent("late/status.json").path)
        #expect(status.state == .failed)
        #expect(status.message == "cancelled")
    }
}
