import MMMCore
import Foundation
import MMMTestSupport
import Testing

/// `simulate`, `train --calibration` and `evaluate` end to end, and every bad calibration input as one line with
/// exit code 2 (configuration) or 3 (input file).
@Suite struct TruthCommandTests {
    static let demoData = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let demoConfig = CLI.path("Examples/configs/demo_job_config.json")

    @Test func simulateTrainWithLiftTestsAndEvaluate() throws {
        let dir = try scratchDirectory()
        let sim = dir.appendingPathComponent("sim").path
        let s = try CLI.run([
            "simulate", "--like", Self.demoData, "--config", Self.demoConfig, "--roi", "tv_S=1.6,search_S=3.3",
            "--lift-tests", "2", "--placebo", "--seed", "9", "--output", sim,
        ])
        #expect(s.code == 0, "\(s.stderr)")
        #expect(s.stdout.contains("tv_S             1.600"))
        for file in ["data.csv", "job_config.json", "lift_tests.csv", "truth.json"] {
            #expect(FileManager.default.fileExists(atPath: sim + "/" + file), "\(file)")
        }
        let runs = dir.appendingPathComponent("runs").path
        let t = try CLI.run([
            "train", "--data", sim + "/data.csv", "--config", sim + "/job_config.json", "--calibration", sim + "/lift_tests.csv",
            "--iterations", "40", "--trials", "2", "--threads", "2", "--output", runs, "--run-id", "cal", "--quiet",
        ])
        #expect(t.code == 0, "\(t.stderr)")
        #expect(t.stdout.contains("MAPE.LIFT"))
        #expect(FileManager.default.fileExists(atPath: runs + "/cal/calibration.csv"))
        let e = try CLI.run(["evaluate", "--run", runs + "/cal", "--truth", sim + "/truth.json", "--json"])
        #expect(e.code == 0, "\(e.stderr)")
        let report = try jsonObject(e.stdout)
        #expect(report["run_id"] as? String == "cal")
        #expect((report["channels"] as? [[String: Any]])?.count == 7)
        #expect(report["roi_mae_calibrated"] is Double && report["roi_mae_uncalibrated"] is Double && report["placebo_share"] is Double)
        #expect(FileManager.default.fileExists(atPath: runs + "/cal/recovery.json"))
        // Text output names the calibrated channels.
        let text = try CLI.run(["evaluate", "--run", runs + "/cal", "--truth", sim + "/truth.json"])
        #expect(text.code == 0 && text.stdout.contains("calibrated") && text.stdout.contains("ROI MAE"))
    }

    @Test func theSameSeedWritesTheSameFiles() throws {
        let dir = try scratchDirectory()
        for name in ["a", "b"] {
            let r = try CLI.run([
                "simulate", "--like", Self.demoData, "--config", Self.demoConfig, "--lift-tests", "1", "--seed", "4",
                "--output", dir.appendingPathComponent(name).path, "--quiet",
            ])
            #expect(r.code == 0, "\(r.stderr)")
        }
        for file in ["data.csv", "job_config.json", "lift_tests.csv", "truth.json"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("a/" + file))
            let b = try Data(contentsOf: dir.appendingPathComponent("b/" + file))
            #expect(a == b, "\(file)")
        }
    }

    struct BadCase: Sendable, CustomStringConvertible {
        var name: String
        var csv: String?
        var configPatch: String?
        var exitCode: Int32
        var message: String
        var description: String { name }
    }

    static let header = "channel,liftStartDate,liftEndDate,liftAbs,spend,confidence,metric,calibration_scope\n"

    static let badCases: [BadCase] = [
        BadCase(name: "unknown channel", csv: header + "radio_S,2017-03-06,2017-04-02,1000,,,,\n", exitCode: 3,
            message: "lift.csv:2: column 'channel': 'radio_S' is not a modelled channel"),
        BadCase(name: "unknown column", csv: "channel,liftStart,liftEndDate,liftAbs\ntv_S,2017-03-06,2017-04-02,1\n", exitCode: 3,
            message: "lift.csv:1: column 'liftStart': unknown column"),
        BadCase(name: "bad date", csv: header + "tv_S,2017-03-06,2017-04-31,1000,,,,\n", exitCode: 3,
            message: "column 'liftEndDate': '2017-04-31' is not a date"),
        BadCase(name: "metric is not dep_var", csv: header + "tv_S,2017-03-06,2017-04-02,1000,,,conversions,\n", exitCode: 3,
            message: "'conversions' is not the dependent variable 'revenue'"),
        BadCase(name: "lift not positive", csv: header + "tv_S,2017-03-06,2017-04-02,0,,,,\n", exitCode: 3,
            message: "column 'liftAbs': 0 must be a positive number"),
        BadCase(name: "end before start", csv: header + "tv_S,2017-04-02,2017-03-06,1000,,,,\n", exitCode: 3,
            message: "must be after liftStartDate"),
        BadCase(name: "outside the window", csv: header + "tv_S,2015-12-07,2016-01-03,1000,,,,\n", exitCode: 2,
            message: "$.calibration_input[0]: study 1 (tv_S 2015-12-07…2016-01-03) is not within the modelling window 2016-01-04…2018-12-31"),
        BadCase(name: "one data row", csv: header + "tv_S,2017-03-06,2017-03-08,1000,,,,\n", exitCode: 2,
            message: "spans one data row"),
        BadCase(name: "no such file", csv: nil, exitCode: 3, message: "missing.csv: no such file"),
        BadCase(name: "inline study with an unknown key", configPatch: #""calibration_input":[{"channel":"tv_S","liftStartDate":"2017-03-06","liftEndDate":"2017-04-02","liftAbs":1,"scope":"total"}]"#,
            exitCode: 2, message: "$.calibration_input[0].scope: unknown key 'scope'"),
        BadCase(name: "constraint out of range", configPatch: #""calibration_input":"x.csv","calibration_constraint":0.2"#,
            exitCode: 2, message: "$.calibration_constraint: 0.2 must be in 0.01…0.1"),
    ]

    @Test(arguments: badCases)
    func aBadCalibrationInputIsOneLineWithItsExitCode(c: BadCase) throws {
        let dir = try scratchDirectory()
        var arguments = ["train", "--data", Self.demoData, "--iterations", "5", "--trials", "1", "--output", dir.path]
        if let patch = c.configPatch {
            var text = try String(contentsOfFile: Self.demoConfig, encoding: .utf8)
            text = text.replacingOccurrences(of: "\"seed\": 123,", with: "\"seed\": 123, " + patch + ",")
            arguments += ["--config", try write(text, "config.json", in: dir)]
        } else {
            let path = try c.csv.map { try write($0, "lift.csv", in: dir) } ?? dir.appendingPathComponent("missing.csv").path
            arguments += ["--config", Self.demoConfig, "--calibration", path]
        }
        let r = try CLI.run(arguments)
        #expect(r.code == c.exitCode, "\(r.stderr)")
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "\(r.stderr)")
        #expect(errors.first?.contains(c.message) == true, "\(r.stderr)")
    }

    @Test func badSimulateFlagsAreUsageErrors() throws {
        let dir = try scratchDirectory()
        let base = ["simulate", "--like", Self.demoData, "--config", Self.demoConfig, "--seed", "1", "--output", dir.path]
        for (extra, message) in [
            (["--noise-sd", "10", "--r2", "0.9"], "--noise-sd and --r2 exclude each other"),
            (["--roi", "radio_S=1"], "--roi names 'radio_S'"),
            (["--roi", "tv_S"], "'tv_S' is not name=number"),
            (["--lift-channels", "radio_S"], "--lift-channels names 'radio_S'"),
        ] {
            let r = try CLI.run(base + extra)
            #expect(r.code == 2, "\(extra): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
        }
    }
}

/// `benchmark collect --truth`: each variant's recovery in results.csv, the same numbers `evaluate` gives.
@Suite struct BenchmarkTruthTests {
    @Test func collectWithATruthFileAddsRecoveryColumns() throws {
        let dir = try scratchDirectory()
        let sim = dir.appendingPathComponent("sim").path
        let s = try CLI.run([
            "simulate", "--like", CLI.path("Examples/data/dt_simulated_weekly.csv"), "--config",
            CLI.path("Examples/configs/demo_job_config.json"), "--seed", "5", "--output", sim, "--quiet",
        ])
        #expect(s.code == 0, "\(s.stderr)")
        let out = dir.appendingPathComponent("bench").path
        let r = try CLI.run([
            "benchmark", "run", "--config", CLI.path("Examples/benchmarks/adstock_comparison.json"), "--base", sim + "/job_config.json",
            "--data", sim + "/data.csv", "--output", out, "--test-run-all", "--quiet",
        ])
        #expect(r.code == 0, "\(r.stderr)")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first)
        let root = out + "/" + folder
        let collect = try CLI.run(["benchmark", "collect", root, "--truth", sim + "/truth.json", "--quiet"])
        #expect(collect.code == 0, "\(collect.stderr)")
        let table = try CSVReader(options: { var o = CSVReader.Options(); o.inferTypes = false; return o }())
            .read(path: root + "/results.csv")
        for column in ["roi_mae", "roi_mae_all", "placebo_share", "roi_err_tv_S", "roi_err_search_S"] {
            #expect(table.columnNames.contains(column), "\(column)")
        }
        let ids = try #require(table["variant_id"]), mae = try #require(table["roi_mae"])
        let state = try #require(table["state"])
        let row = try #require((0..<table.rowCount).first { state.cellText($0) == "SUCCEEDED" && ids.cellText($0) != "naive_baseline" })
        let evaluated = try CLI.run(["evaluate", "--run", root + "/variants/" + ids.cellText(row), "--truth", sim + "/truth.json", "--json"])
        #expect(evaluated.code == 0, "\(evaluated.stderr)")
        let report = try jsonObject(evaluated.stdout)
        let expected = try #require(report["roi_mae_main"] as? Double)
        #expect(abs((Double(mae.cellText(row)) ?? .nan) - expected) < 1e-9, "\(mae.cellText(row)) vs \(expected)")
    }
}
