import Foundation
import MMMTestSupport
import Testing

/// Regressions found in review: each failed before its fix.
@Suite struct ReviewRegressionTests {
    static let demoData = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let demoConfig = CLI.path("Examples/configs/demo_job_config.json")

    @Test func aTrainSizeWithoutValidationRowsIsAConfigError() throws {
        let dir = try scratchDirectory()
        var config = try String(contentsOfFile: Self.demoConfig, encoding: .utf8)
        config = config.replacingOccurrences(of: "\"train_size\": [0.5, 0.8]", with: "\"train_size\": 0.99")
        let path = try write(config, "c.json", in: dir)
        let r = try CLI.run(["train", "--data", Self.demoData, "--config", path, "--output", dir.path, "--run-id", "t"])
        #expect(r.code == 2, "\(r.stderr)")
        #expect(r.stderr.contains("$.train_size: 0.99 leaves fewer than 2 validation or test rows in the 157-row window; use at most"))
        let status = try jsonObject(try String(contentsOfFile: dir.appendingPathComponent("t/status.json").path, encoding: .utf8))
        #expect(status["state"] as? String == "FAILED")
    }

    @Test func noEligibleModelFailsCleanlyInsteadOfCrashing() throws {
        let dir = try scratchDirectory()
        let r = try CLI.run([
            "train", "--data", Self.demoData, "--config", Self.demoConfig, "--iterations", "2", "--trials", "1",
            "--output", dir.path, "--run-id", "tiny",
        ])
        #expect(r.code == 1, "\(r.stderr)")
        #expect(r.stderr.contains("no candidate passed Robyn's filter"))
        let status = try jsonObject(try String(contentsOfFile: dir.appendingPathComponent("tiny/status.json").path, encoding: .utf8))
        #expect(status["state"] as? String == "FAILED")
        #expect(status["failed_step"] as? String == "train")
    }

    @Test func runIdsCannotEscapeTheOutputFolder() throws {
        let dir = try scratchDirectory()
        for id in ["../escape", "a/b", ""] {
            let r = try CLI.run(["train", "--data", Self.demoData, "--config", Self.demoConfig, "--output", dir.path, "--run-id", id])
            #expect(r.code == 2, "'\(id)': \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("escape").path))
    }

    @Test func trainShowsPreparationWarningsWithoutVerbose() throws {
        let dir = try scratchDirectory()
        var csv = "date,y,s\n"
        for d in 0..<200 where d % 17 != 5 {
            let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: d, to: Date(timeIntervalSince1970: 1_704_067_200)) ?? Date()
            let day = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
            csv += "\(day),\(100 + d % 11),\(d % 7)\n"
        }
        let data = try write(csv, "gaps.csv", in: dir)
        // Missing dates leave the dep_var without a value: an error unless missing_dep_var says what to do.
        let config = try write(
            #"{"dep_var":"y","paid_media":[{"spend":"s","var":"s"}],"train_size":[0.6,0.8],"missing_dep_var":"zero"}"#,
            "c.json", in: dir)
        let r = try CLI.run(["train", "--data", data, "--config", config, "--iterations", "150", "--trials", "1", "--output", dir.path])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: ") && r.stderr.contains("missing daily periods added as empty rows"), "\(r.stderr)")
    }

    @Test func jsonErrorsAlsoForParseErrors() throws {
        let r = try CLI.run(["train", "--data", Self.demoData, "--config", Self.demoConfig, "--iterations", "0", "--json"])
        #expect(r.code == 2)
        let error = try #require(try jsonObject(r.stdout)["error"] as? [String: Any])
        #expect(error["category"] as? String == "usage")
    }

    @Test func engineDataErrorsExitWithThree() throws {
        let dir = try scratchDirectory()
        var csv = "date,y,s,(Intercept)\n"
        for d in 0..<60 { csv += "\(isoDay(d)),\(d % 9),\(d % 5),\(d % 3)\n" }
        let data = try write(csv, "d.csv", in: dir)
        let config = try write(
            #"{"dep_var":"y","paid_media":[{"spend":"s","var":"s"}],"context_vars":["(Intercept)"],"train_size":1}"#, "c.json", in: dir)
        let r = try CLI.run(["train", "--data", data, "--config", config, "--iterations", "20", "--trials", "1", "--output", dir.path])
        #expect(r.code == 3, "\(r.stderr)")
        #expect(r.stderr.contains("(Intercept)"))
        #expect(!r.stderr.contains("duplicateName"), "no internal code names in messages")
    }

    @Test func manifestConfigDigestIsTheWrittenConfig() throws {
        let dir = try scratchDirectory()
        let r = try CLI.run([
            "train", "--data", Self.demoData, "--config", Self.demoConfig, "--iterations", "60", "--trials", "2",
            "--output", dir.path, "--run-id", "d",
        ])
        #expect(r.code == 0)
        let manifest = try jsonObject(try String(contentsOfFile: dir.appendingPathComponent("d/run_manifest.json").path, encoding: .utf8))
        #expect(manifest["config_sha256"] as? String == (try ProcessRunner.pythonSHA256(dir.appendingPathComponent("d/job_config.json").path)))
    }
}

@Suite struct ConfigAttributionTests {
    @Test func configErrorsFoundDuringPreparationNameTheConfigFile() throws {
        let dir = try scratchDirectory()
        let config = try write(
            #"{"dep_var":"revenue","paid_media":[{"spend":"tv_S","var":"tv_S"}],"start_date":"2030-01-01"}"#, "late.json", in: dir)
        for command in [["data", "prepare", "--output", dir.appendingPathComponent("p.csv").path], ["train", "--output", dir.path]] {
            let r = try CLI.run(command + ["--data", CLI.path("Examples/data/dt_simulated_weekly.csv"), "--config", config])
            #expect(r.code == 2, "\(r.stderr)")
            #expect(r.stderr.hasPrefix("error: \(config): $.start_date: 2030-01-01 is after the last date in the data (2019-11-11)"), "\(r.stderr)")
        }
    }
}
