import Foundation
import MMMTestSupport
import Testing

@Suite struct TrainCommandTests {
    static let demoData = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let demoConfig = CLI.path("Examples/configs/demo_job_config.json")

    @Test func trainsTheDemoAndPrintsASummary() throws {
        let dir = try scratchDirectory()
        let r = try CLI.run([
            "train", "--data", Self.demoData, "--config", Self.demoConfig, "--iterations", "120", "--trials", "2",
            "--output", dir.path, "--run-id", "demo",
        ])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("best model "))
        #expect(r.stdout.contains("of 240 candidates"))
        #expect(r.stdout.contains("facebook_I"))
        #expect(r.stdout.contains("run folder: \(dir.appendingPathComponent("demo").path)"))
        #expect(r.stderr.contains("progress: 240/240 candidates (100%)"), "plain progress lines when not a terminal")
        let status = try jsonObject(try String(contentsOfFile: dir.appendingPathComponent("demo/status.json").path, encoding: .utf8))
        #expect(status["state"] as? String == "SUCCEEDED")
    }

    @Test func jsonOutputAndThreadsDoNotChangeTheSummary() throws {
        let dir = try scratchDirectory()
        var summaries: [Data] = []
        for threads in ["1", "2"] {
            let r = try CLI.run([
                "train", "--data", Self.demoData, "--config", Self.demoConfig, "--iterations", "100", "--trials", "3",
                "--threads", threads, "--output", dir.appendingPathComponent(threads).path, "--run-id", "r", "--json",
            ])
            #expect(r.code == 0, "\(r.stderr)")
            let out = try jsonObject(r.stdout)
            #expect(out["state"] as? String == "SUCCEEDED")
            #expect((out["summary"] as? [String: Any])?["candidate_count"] as? Int == 300)
            summaries.append(try Data(contentsOf: dir.appendingPathComponent("\(threads)/r/model_summary.json")))
        }
        #expect(summaries[0] == summaries[1])
    }

    @Test func acceptsThePreviousSystemsSelectedColumnsWithOverrides() throws {
        let dir = try scratchDirectory()
        let selection = """
            {"country":"de","selected_goal":"revenue","paid_media_spends":["tv_S","ooh_S","facebook_S"],
             "paid_media_vars":["tv_S","ooh_S","facebook_I"],
             "var_to_spend_mapping":{"tv_S":"tv_S","ooh_S":"ooh_S","facebook_I":"facebook_S"},
             "organic_vars":["newsletter"],"context_vars":["competitor_sales_B"],"factor_vars":[]}
            """
        let config = try write(selection, "selected_columns.json", in: dir)
        let r = try CLI.run([
            "train", "--data", Self.demoData, "--config", config, "--iterations", "60", "--trials", "1",
            "--start-date", "2016-01-04", "--adstock", "weibull_cdf", "--output", dir.path, "--run-id", "sel",
        ])
        #expect(r.code == 0, "\(r.stderr)")
        let summary = try jsonObject(try String(contentsOfFile: dir.appendingPathComponent("sel/model_summary.json").path, encoding: .utf8))
        let echoed = try #require(summary["config"] as? [String: Any])
        #expect(echoed["adstock"] as? String == "weibull_cdf")
        #expect(echoed["start_date"] as? String == "2016-01-04")
        #expect(echoed["dep_var_type"] as? String == "revenue")
    }

    @Test func badOverridesAndDataFailWithDocumentedCodes() throws {
        let dir = try scratchDirectory()
        let badFlag = try CLI.run(["train", "--data", Self.demoData, "--config", Self.demoConfig, "--adstock", "weibull", "--output", dir.path])
        #expect(badFlag.code == 2)
        let missingColumn = try write(
            #"{"dep_var":"revenue","paid_media":[{"spend":"radio_S","var":"radio_S"}]}"#, "c.json", in: dir)
        let r = try CLI.run(["train", "--data", Self.demoData, "--config", missingColumn, "--output", dir.path, "--run-id", "bad"])
        #expect(r.code == 3)
        #expect(r.stderr.contains("paid media spend 'radio_S' is not in the data"))
        let status = try jsonObject(try String(contentsOfFile: dir.appendingPathComponent("bad/status.json").path, encoding: .utf8))
        #expect(status["state"] as? String == "FAILED")
        #expect(status["failed_step"] as? String == "prepare_data")
    }

    @Test func ctrlCStopsCleanlyWithACancelledStatus() throws {
        let dir = try scratchDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = [
            "train", "--data", Self.demoData, "--config", Self.demoConfig, "--iterations", "1000000", "--trials", "1",
            "--output", dir.path, "--run-id", "int",
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let statusPath = dir.appendingPathComponent("int/status.json").path
        // Wait until the run has started (RUNNING written), then interrupt.
        for _ in 0..<400 where !FileManager.default.fileExists(atPath: statusPath) { usleep(25_000) }
        usleep(300_000)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let status = try jsonObject(try String(contentsOfFile: statusPath, encoding: .utf8))
        #expect(status["state"] as? String == "FAILED")
        #expect(status["message"] as? String == "cancelled")
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("error: cancelled"))
    }
}

@Suite struct ProgressBarTests {
    /// On a terminal the progress is one redrawn line (a pseudo-terminal from util-linux `script`, part of Debian's
    /// essential bsdutils).
    @Test func drawsABarOnATerminal() throws {
        let dir = try scratchDirectory()
        let command = [
            CLI.binary, "train", "--data", TrainCommandTests.demoData, "--config", TrainCommandTests.demoConfig,
            "--iterations", "200", "--trials", "1", "--output", dir.path, "--run-id", "tty",
        ].map { "'\($0)'" }.joined(separator: " ")
        let r = try ProcessRunner.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\r"), "redrawn line")
        #expect(r.stdout.contains("█"))
        #expect(r.stdout.contains("200/200"))
        #expect(!r.stdout.contains("progress: "), "no plain progress lines on a terminal")
    }
}
