import Foundation
import MMMTestSupport
import Testing

/// `runs list/show/compare` over a local folder (the gs:// prefix is covered in ``GCSCommandTests``).
@Suite(.timeLimit(.minutes(10)))
struct RunsCommandTests {
    @Test func listShowAndCompareLocalRuns() async throws {
        let dir = try scratchDirectory()
        let runs = dir.appendingPathComponent("runs").path
        for (id, adstock) in [("base", "geometric"), ("weibull", "weibull_cdf")] {
            let r = try await CLI.launch(
                ["train", "--data", GCSCommandTests.data, "--config", GCSCommandTests.config, "--iterations", "20", "--trials", "1",
                 "--adstock", adstock, "--output", runs, "--run-id", id, "--quiet"])
            #expect(r.code == 0, "\(r.stderr)")
        }
        _ = try write(#"{"schema_version":1,"state":"RUNNING","run_id":"live","started_at":"2026-01-01T10:00:00Z","updated_at":"2026-01-01T10:00:00Z"}"#,
                      "status.json", in: try makeFolder(runs + "/live"))
        _ = try write("not a run", "README.txt", in: try makeFolder(runs + "/notes"))

        let listed = try await CLI.launch(["runs", "list", runs])
        #expect(listed.code == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("COUNTRY  REVISION  RUN      STATE      BEST MODEL  NRMSE VAL  DECOMP.RSSD  DURATION  ENGINE") == true, "\(listed.stdout)")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("de       demo      base     SUCCEEDED"), "\(lines[1])")
        #expect(lines[2].hasPrefix("-        -         live     RUNNING    -"), "\(lines[2])")
        let engine = "mmm-trainer " + (try await version())
        #expect(lines[3].contains("weibull  SUCCEEDED") && lines[3].hasSuffix(engine), "\(lines[3])")
        #expect(listed.stderr.contains("1 folder is not a run: notes"))
        let json = try jsonObject(try await CLI.launch(["runs", "list", runs, "--json", "--country", "DE"]).stdout)
        let rows = try #require(json["runs"] as? [[String: Any]])
        #expect(rows.map { $0["run_id"] as? String } == ["base", "weibull"])
        #expect(rows.allSatisfy { ($0["nrmse_val"] as? Double).map { $0 > 0 } == true && $0["state"] as? String == "SUCCEEDED" })
        #expect(try await CLI.launch(["runs", "list", runs, "--country", "fr"]).stdout == "no runs under \(runs) for country fr\n")

        let shown = try await CLI.launch(["runs", "show", "base", "--root", runs])
        #expect(shown.code == 0, "\(shown.stderr)")
        for expected in ["run base  \(runs)/base", "state      SUCCEEDED", "country    de   revision demo", "best model ", "nrmse_val ",
                         "data       \(GCSCommandTests.data)  sha256 \(try ProcessRunner.pythonSHA256(GCSCommandTests.data))", "files      "] {
            #expect(shown.stdout.contains(expected), "\(expected) in \(shown.stdout)")
        }
        #expect(try await CLI.launch(["runs", "show", runs + "/live"]).stdout.contains("state      RUNNING"))
        let notARun = try await CLI.launch(["runs", "show", runs + "/notes"])
        #expect(notARun.code == 2 && notARun.stderr.contains("is not a run folder"), "\(notARun.stderr)")
        #expect(try await CLI.launch(["runs", "list", dir.appendingPathComponent("nope").path]).code == 2)

        let compared = try await CLI.launch(["runs", "compare", runs + "/base", runs + "/weibull"])
        #expect(compared.code == 0, "\(compared.stderr)")
        for expected in ["data: the same input", "$.adstock: geometric → weibull_cdf", "metrics:", "  nrmse_val ", "candidate_count"] {
            #expect(compared.stdout.contains(expected), "\(expected) in \(compared.stdout)")
        }
        let comparedJSON = try jsonObject(try await CLI.launch(["runs", "compare", "base", "weibull", "--root", runs, "--json"]).stdout)
        #expect(comparedJSON["data_digests_equal"] as? Bool == true)
        let differences = try #require(comparedJSON["config_differences"] as? [[String: Any]])
        #expect(differences.contains { $0["path"] as? String == "$.adstock" && $0["b"] as? String == "weibull_cdf" })
    }

    private func makeFolder(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func version() async throws -> String {
        try await CLI.launch(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
