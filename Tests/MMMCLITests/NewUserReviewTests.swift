import Foundation
import MMMTestSupport
import Testing

/// What a new user ran into (issue 8, items 5–7 and 9): each failed before its fix.
@Suite struct NewUserReviewTests {
    static let demoData = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let demoConfig = CLI.path("Examples/configs/demo_job_config.json")

    private func train(_ extra: [String], in dir: URL) throws -> ProcessOutput {
        try CLI.run(
            ["train", "--data", Self.demoData, "--config", Self.demoConfig, "--iterations", "40", "--trials", "1",
             "--output", dir.path] + extra)
    }

    @Test func anAdstockFlagDropsTheBoundsItDoesNotUseWithANote() throws {
        let dir = try scratchDirectory()
        let r = try train(["--adstock", "weibull_cdf", "--run-id", "w", "--json"], in: dir)
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.contains(
            "note: --adstock weibull_cdf: dropped custom_hyperparameters newsletter_thetas, ooh_S_thetas, print_S_thetas, tv_S_thetas"))
        let out = try jsonObject(r.stdout)
        let diagnostics = try #require(out["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["code"] as? String == "adstock_bounds_dropped" && $0["severity"] as? String == "note" })
        let config = try jsonObject(String(contentsOfFile: dir.appendingPathComponent("w/job_config.json").path, encoding: .utf8))
        #expect(config["adstock"] as? String == "weibull_cdf")
        #expect((config["custom_hyperparameters"] as? [String: Any] ?? [:]).isEmpty, "\(config)")
        let hyper = try String(contentsOfFile: dir.appendingPathComponent("w/pareto_hyperparameters.csv").path, encoding: .utf8)
        #expect(hyper.contains("tv_S_shapes") && hyper.contains("tv_S_scales") && !hyper.contains("thetas"))
    }

    @Test func aConfigFileMixingAdstockKindsNamesTheFileAndTheRemedy() throws {
        let dir = try scratchDirectory()
        let config = try write(
            #"{"dep_var":"revenue","paid_media":[{"spend":"tv_S","var":"tv_S"}],"adstock":"weibull_pdf","custom_hyperparameters":{"tv_S_thetas":[0.1,0.3]}}"#,
            "mixed.json", in: dir)
        let r = try CLI.run(["train", "--data", Self.demoData, "--config", config, "--output", dir.path])
        #expect(r.code == 2)
        #expect(r.stderr.contains(
            "mixed.json: $.custom_hyperparameters.tv_S_thetas: 'thetas' is not used by weibull_pdf adstock; remove this key, or set adstock to geometric"),
            "\(r.stderr)")
    }

    @Test func errorsAboutAFlagNameTheFlagNotTheConfigFile() throws {
        let dir = try scratchDirectory()
        let late = try train(["--start-date", "2021-01-01", "--run-id", "late"], in: dir)
        #expect(late.code == 2)
        #expect(late.stderr.hasPrefix("error: --start-date 2021-01-01: "), "\(late.stderr)")
        #expect(!late.stderr.contains("demo_job_config.json"))

        #expect(try train(["--run-id", "taken"], in: dir).code == 0)
        let taken = try train(["--run-id", "taken"], in: dir)
        #expect(taken.code == 2)
        #expect(taken.stderr.contains("error: --run-id taken: the run folder"), "\(taken.stderr)")
        #expect(!taken.stderr.contains("config.json"))

        let seed = try train(["--seed", "-1"], in: dir)
        #expect(seed.code == 2)
        #expect(seed.stderr.contains("'-1' is invalid for '--seed <seed>': expected a whole number from 0 to"), "\(seed.stderr)")
    }

    @Test func aShortWindowSuggestsTheTrainSizeFlagWhichWorks() throws {
        let dir = try scratchDirectory()
        var text = try String(contentsOfFile: Self.demoConfig, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"train_size\": [0.5, 0.8]", with: "\"train_size\": 0.99")
        let config = try write(text, "c.json", in: dir)
        let base = ["train", "--data", Self.demoData, "--config", config, "--iterations", "40", "--trials", "1", "--output", dir.path]
        let bad = try CLI.run(base + ["--run-id", "a"])
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("c.json: $.train_size:") && bad.stderr.contains("(or pass --train-size)"), "\(bad.stderr)")
        let fixed = try CLI.run(base + ["--run-id", "b", "--train-size", "0.7"])
        #expect(fixed.code == 0, "\(fixed.stderr)")
        let summary = try jsonObject(String(contentsOfFile: dir.appendingPathComponent("b/model_summary.json").path, encoding: .utf8))
        #expect((summary["best_model"] as? [String: Any])?["train_size"] as? Double == 0.7)
        let flagged = try CLI.run(base + ["--run-id", "c", "--train-size", "0.99"])
        #expect(flagged.stderr.contains("error: --train-size 0.99: "), "\(flagged.stderr)")
    }

    @Test func verboseTrainShowsThePreparationStepsAndSkippedIsSaidOnce() throws {
        let dir = try scratchDirectory()
        let r = try train(["--run-id", "v", "--verbose"], in: dir)
        #expect(r.code == 0, "\(r.stderr)")
        for step in ["locate_date_column: date column 'DATE'", "detect_cadence: cadence weekly", "resolve_window: window 2016-01-04"] {
            #expect(r.stderr.contains(step), "\(step)")
        }
        let quiet = try train(["--run-id", "q"], in: dir)
        #expect(!quiet.stderr.contains("locate_date_column"))

        var csv = "date,revenue,tv_S\n"
        let monday = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        for week in 0..<30 { csv += "\(format.string(from: monday.addingTimeInterval(Double(week) * 7 * 86400))),5,\(week % 3)\n" }
        let data = try write(csv, "flat.csv", in: dir)
        let flatConfig = try write(#"{"dep_var":"revenue","paid_media":[{"spend":"tv_S","var":"tv_S"}]}"#, "f.json", in: dir)
        let skipped = try CLI.run(["train", "--data", data, "--config", flatConfig, "--output", dir.path, "--run-id", "s"])
        #expect(skipped.code == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("SKIPPED: "))
        #expect(!skipped.stderr.contains("skipped"), "\(skipped.stderr)")
    }

    @Test func smallMessagesSayWhatToDo() throws {
        let dir = try scratchDirectory()
        let quoted = try write(#"{"dep_var":"revenue","paid_media":[{"spend":"tv_S","var":"tv_S"}],"iterations":"300"}"#, "q.json", in: dir)
        let r = try CLI.run(["train", "--data", Self.demoData, "--config", quoted, "--output", dir.path])
        #expect(r.code == 2)
        #expect(r.stderr.contains("$.iterations: expected a whole number") && r.stderr.contains("got a JSON string; write 300 without quotes"),
                "\(r.stderr)")

        let inspect = try CLI.run(["data", "inspect", Self.demoData, "--date-column", "nope"])
        #expect(inspect.code == 2)
        #expect(inspect.stderr.contains("--date-column 'nope' is not a column of"), "\(inspect.stderr)")

        let selection = try write(
            #"{"country":"de","selected_goal":"revenue","paid_media_spends":["tv_S"],"paid_media_vars":["tv_S"],"var_to_spend_mapping":{"tv_S":"tv_S"},"organic_vars":[],"context_vars":[],"factor_vars":[]}"#,
            "sel.json", in: dir)
        let converted = try CLI.run([
            "train", "--data", Self.demoData, "--config", selection, "--iterations", "20", "--trials", "1", "--output", dir.path,
        ])
        #expect(!converted.stderr.contains("0 conversion notes"), "\(converted.stderr)")

        let budget = try write(
            #"{"dep_var":"revenue","paid_media":[{"spend":"tv_S","var":"tv_S"}],"expected_spend":1000,"budget_scenario":"max_response_expected_spend"}"#,
            "b.json", in: dir)
        // The allocation runs by default: a budget far below the history is allocated as closely as the bounds allow,
        // and the warning says by how much and which bounds hold.
        let allocated = try CLI.run(["train", "--data", Self.demoData, "--config", budget, "--iterations", "40", "--trials", "1", "--output", dir.path])
        #expect(allocated.code == 0, "\(allocated.stderr)")
        #expect(allocated.stderr.contains("warning: bounded run: the budget of") && allocated.stderr.contains("below the sum of the channels' lower bounds")
                && allocated.stderr.contains("lower them or raise the budget"), "\(allocated.stderr)")
        #expect(allocated.stderr.contains("note: the budget is") && allocated.stderr.contains("the previous system's rule"), "\(allocated.stderr)")
        let skipped = try CLI.run([
            "train", "--data", Self.demoData, "--config", budget, "--iterations", "40", "--trials", "1", "--output", dir.path, "--no-allocate",
        ])
        #expect(skipped.stderr.contains("note: --no-allocate: budget_scenario, expected_spend and channel_budgets are not used"),
                "\(skipped.stderr)")
    }

    @Test func aMissingConnectionsFileIsSaidToBeMissing() throws {
        let home = try scratchDirectory()
        let r = try CLI.run(
            ["snowflake", "test-connection", "--connection", "prod"],
            environment: ["SNOWFLAKE_HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"])
        #expect(r.code == 2, "\(r.stderr)")
        #expect(r.stderr.contains("connections.toml does not exist"), "\(r.stderr)")
        #expect(!r.stderr.contains("available: none"))
    }
}
