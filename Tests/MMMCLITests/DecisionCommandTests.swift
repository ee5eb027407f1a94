import Foundation
import MMMTestSupport
import Testing

/// `train` (allocation by default, `--no-allocate`), `allocate` and `response` through the built binary.
@Suite(.serialized) struct DecisionCommandTests {
    static let demoData = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let demoConfig = CLI.path("Examples/configs/demo_job_config.json")

    /// One small demo run shared by the tests (the suite is serialized).
    actor Shared {
        static let instance = Shared()
        private var folder: URL?

        func run() throws -> URL {
            if let folder { return folder }
            let dir = try scratchDirectory()
            let r = try CLI.run([
                "train", "--data", DecisionCommandTests.demoData, "--config", DecisionCommandTests.demoConfig,
                "--iterations", "60", "--trials", "2", "--output", dir.path, "--run-id", "d",
            ])
            guard r.code == 0 else { throw CLITestFailure(description: "train failed: \(r.stderr)") }
            let run = dir.appendingPathComponent("d")
            folder = run
            return run
        }
    }

    struct CLITestFailure: Error, CustomStringConvertible { var description: String }

    @Test func trainAllocatesByDefaultAndAllocateRepeatsItExactly() async throws {
        let run = try await Shared.instance.run()
        let written = try Data(contentsOf: run.appendingPathComponent("allocation.json"))
        let fromRun = try CLI.run(["allocate", "--run", run.path, "--json"])
        #expect(fromRun.code == 0, "\(fromRun.stderr)")
        #expect(Data(fromRun.stdout.utf8) == written)
        let fromFile = try CLI.run(["allocate", "--model-file", run.appendingPathComponent("model.json").path, "--json"])
        #expect(Data(fromFile.stdout.utf8) == written)
        let text = try CLI.run(["allocate", "--run", run.path])
        #expect(text.code == 0)
        #expect(text.stdout.contains("why:") && text.stdout.contains("tv_S: "), "\(text.stdout)")
        let summary = try jsonObject(try String(contentsOf: run.appendingPathComponent("model_summary.json"), encoding: .utf8))
        let allocation = try #require(summary["allocation"] as? [String: Any])
        #expect(allocation["scenario"] as? String == "max_response")
        #expect((allocation["channels"] as? [Any])?.count == 5)
    }

    @Test func responseMatchesTheCurveInTheAllocation() async throws {
        let run = try await Shared.instance.run()
        let r = try CLI.run(["response", "--run", run.path, "--channel", "tv_S", "--spend", "25000", "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let point = try jsonObject(r.stdout)
        let allocation = try jsonObject(try String(contentsOf: run.appendingPathComponent("allocation.json"), encoding: .utf8))
        let tv = try #require((allocation["channels"] as? [[String: Any]])?.first { $0["channel"] as? String == "tv_S" })
        let coef = try #require(tv["coefficient"] as? Double)
        let alpha = try #require(tv["alpha"] as? Double)
        let inflexion = try #require(tv["inflexion"] as? Double)
        let carry = try #require(tv["carryover_mean"] as? Double)
        let expected = coef / (1 + pow(inflexion / (25_000 + carry), alpha))
        let response = try #require(point["response"] as? Double)
        #expect(Swift.abs(response - expected) <= 1e-9 * expected)
        let same = try CLI.run([
            "response", "--model-file", run.appendingPathComponent("model.json").path, "--channel", "tv_S", "--spend", "25000", "--json",
        ])
        #expect(same.stdout == r.stdout)
        let text = try CLI.run(["response", "--run", run.path, "--channel", "facebook_S", "--spend", "3000"])
        #expect(text.code == 0 && text.stdout.contains("facebook_I (spend facebook_S)") && text.stdout.contains("marginal ROI"), "\(text.stdout)")
    }

    @Test func infeasibleBudgetsAndWrongFlagsAreExplained() async throws {
        let run = try await Shared.instance.run()
        let low = try CLI.run(["allocate", "--run", run.path, "--budget", "1000"])
        #expect(low.code == 0)
        #expect(low.stderr.contains("warning: bounded run: the budget of") && low.stderr.contains("below the sum of the channels' lower bounds"), "\(low.stderr)")
        #expect(low.stdout.contains("budget_below_lower_bounds"))

        let cpa = try CLI.run(["allocate", "--run", run.path, "--target-cpa", "3"])
        #expect(cpa.code == 2 && cpa.stderr.contains("--target-cpa needs a conversion model"), "\(cpa.stderr)")

        let dir = try scratchDirectory()
        let bounds = try write(#"{"channels": {"nope": [0, 1]}}"#, "bounds.json", in: dir)
        let unknown = try CLI.run(["allocate", "--run", run.path, "--bounds", bounds])
        #expect(unknown.code == 2 && unknown.stderr.contains("bounds.nope") && unknown.stderr.contains("tv_S"), "\(unknown.stderr)")

        let badBounds = try write(#"{"default": [2, 1]}"#, "bad.json", in: dir)
        let inverted = try CLI.run(["allocate", "--run", run.path, "--bounds", badBounds])
        #expect(inverted.code == 2 && inverted.stderr.contains("$.default"), "\(inverted.stderr)")

        let fixed = try write(#"{"default": [0.2, 3], "channels": {"ooh_S": [0, 0]}}"#, "fixed.json", in: dir)
        let zero = try CLI.run(["allocate", "--run", run.path, "--bounds", fixed, "--json"])
        #expect(zero.code == 0)
        let ooh = try #require((try jsonObject(zero.stdout)["channels"] as? [[String: Any]])?.first { $0["channel"] as? String == "ooh_S" })
        #expect((ooh["bounded"] as? [String: Any])?["status"] as? String == "fixed_by_bounds")
        #expect(try jsonObject(zero.stdout)["bounded"].flatMap { ($0 as? [String: Any])?["feasible"] as? Bool } == true)

        let model = try CLI.run(["allocate", "--run", run.path, "--model", "9_9_9"])
        #expect(model.code == 2 && model.stderr.contains("not on the run's Pareto fronts"), "\(model.stderr)")

        let both = try CLI.run(["allocate", "--run", run.path, "--budget", "1", "--target-roas", "2"])
        #expect(both.code == 2)
        let target = try CLI.run(["allocate", "--run", run.path, "--target-roas", "1.5", "--json"])
        #expect(target.code == 0)
        #expect(try jsonObject(target.stdout)["scenario"] as? String == "target_efficiency")
    }

    @Test func noAllocateSkipsTheStepAndAllocateSaysWhy() throws {
        let dir = try scratchDirectory()
        let r = try CLI.run([
            "train", "--data", Self.demoData, "--config", Self.demoConfig, "--iterations", "20", "--trials", "1",
            "--output", dir.path, "--run-id", "n", "--no-allocate",
        ])
        #expect(r.code == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("n").path)
        #expect(!files.contains("model.json") && !files.contains("allocation.json"))
        let allocate = try CLI.run(["allocate", "--run", dir.appendingPathComponent("n").path])
        #expect(allocate.code == 2 && allocate.stderr.contains("no model.json in the run folder"), "\(allocate.stderr)")
    }
}
