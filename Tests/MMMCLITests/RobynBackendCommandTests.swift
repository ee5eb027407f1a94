import Foundation
import MMMTestSupport
import Testing

/// `--backend robyn` on `train` and `benchmark run`, with a fake Rscript playing r/run_all.R
/// (Tests/Fixtures/robyn/fake_rscript.py), and the errors when R or Robyn is missing.
@Suite struct RobynBackendCommandTests {
    static let fake = CLI.path("Tests/Fixtures/robyn/fake_rscript.py")

    static func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "MMM_RSCRIPT")
        environment["MMM_R_DIR"] = CLI.path("r")
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    @Test func trainWithRobynWritesARobynRun() throws {
        let dir = try scratchDirectory()
        let r = try CLI.run(
            [
                "train", "--backend", "robyn", "--data", TrainCommandTests.demoData, "--config", TrainCommandTests.demoConfig,
                "--iterations", "10", "--trials", "2", "--threads", "2", "--output", dir.path, "--run-id", "rb", "--json",
            ], environment: Self.environment(["MMM_RSCRIPT": Self.fake]))
        #expect(r.code == 0, "\(r.stderr)")
        let out = try jsonObject(r.stdout)
        #expect(out["state"] as? String == "SUCCEEDED")
        let summary = try #require(out["summary"] as? [String: Any])
        #expect((summary["engine"] as? [String: Any])?["name"] as? String == "robyn")
        #expect(summary["candidate_count"] as? Int == 20)
        let call = try jsonObject(try String(contentsOfFile: dir.appendingPathComponent("rb/fake_rscript_call.json").path, encoding: .utf8))
        #expect(call["cores"] as? String == "2")
    }

    @Test func missingROrRobynFailsBeforeAnyRunFolderWithTheInstallStep() throws {
        let dir = try scratchDirectory()
        let arguments = [
            "train", "--backend", "robyn", "--data", TrainCommandTests.demoData, "--config", TrainCommandTests.demoConfig,
            "--output", dir.path, "--run-id", "x",
        ]
        let noR = try CLI.run(arguments, environment: Self.environment(["PATH": "/nonexistent"]))
        #expect(noR.code == 2)
        #expect(noR.stderr.contains("R is not installed") && noR.stderr.contains("apt-get install r-base-core"), "\(noR.stderr)")
        let noRobyn = try CLI.run(
            arguments, environment: Self.environment(["MMM_RSCRIPT": Self.fake, "FAKE_R_MODE": "missing_robyn"]))
        #expect(noRobyn.code == 2)
        #expect(noRobyn.stderr.contains("Robyn is not installed") && noRobyn.stderr.contains("r/README.md"), "\(noRobyn.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
    }

    @Test func rFailingGivesRuntimeExitAndStatus() throws {
        let dir = try scratchDirectory()
        let r = try CLI.run(
            [
                "train", "--backend", "robyn", "--data", TrainCommandTests.demoData, "--config", TrainCommandTests.demoConfig,
                "--output", dir.path, "--run-id", "f",
            ], environment: Self.environment(["MMM_RSCRIPT": Self.fake, "FAKE_R_MODE": "fail"]))
        #expect(r.code == 1)
        #expect(r.stderr.contains("Robyn failed in robyn_run: You must have nevergrad"), "\(r.stderr)")
        let status = try jsonObject(try String(contentsOfFile: dir.appendingPathComponent("f/status.json").path, encoding: .utf8))
        #expect(status["state"] as? String == "FAILED")
    }

    @Test func benchmarkRunTakesTheBackend() throws {
        let dir = try scratchDirectory()
        let config = CLI.path("Examples/benchmarks/adstock_comparison.json")
        let r = try CLI.run(
            [
                "benchmark", "run", "--config", config, "--data", TrainCommandTests.demoData, "--output",
                dir.appendingPathComponent("out").path, "--backend", "robyn", "--parallel", "1", "--threads", "1", "--json",
            ], environment: Self.environment(["MMM_RSCRIPT": Self.fake]))
        #expect(r.code == 0, "\(r.stderr)")
        let variants = try FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent("out").path)
            .filter { $0.hasSuffix("/model_summary.json") }
        #expect(variants.count == 3)
        for path in variants {
            let summary = try jsonObject(
                try String(contentsOfFile: dir.appendingPathComponent("out").appendingPathComponent(path).path, encoding: .utf8))
            #expect((summary["engine"] as? [String: Any])?["name"] as? String == "robyn")
        }
    }
}
