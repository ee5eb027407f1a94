import Foundation
import MMMTestSupport
import Testing

/// `gs://` everywhere and the `gcs` commands, against fake-gcs-server (`STORAGE_EMULATOR_HOST`).
@Suite(.timeLimit(.minutes(10)))
struct GCSCommandTests {
    static let data = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let config = CLI.path("Examples/configs/demo_job_config.json")

    /// The emulator's environment and a fresh bucket, or nil (after SKIPPED).
    static func setUp() async throws -> (env: [String: String], bucket: String)? {
        guard let emulator = try await GCSEmulator.get() else { return nil }
        return (cloudEnvironment(["STORAGE_EMULATOR_HOST": emulator.host]), try await emulator.newBucket())
    }

    @Test func trainReadsAndWritesCloudStorage() async throws {
        guard let (env, bucket) = try await Self.setUp() else { return }
        let dir = try scratchDirectory()
        let holidays = try write(
            "ds,holiday,country,year\n2016-12-25,Company Day,DE,2016\n2017-12-25,Company Day,DE,2017\n2018-12-25,Company Day,DE,2018\n",
            "holidays.csv", in: dir)
        for (file, target) in [(Self.data, "data/"), (Self.config, "configs/demo.json"), (holidays, "ref/holidays.csv")] {
            let copied = try await CLI.launch(["gcs", "cp", file, "gs://\(bucket)/\(target)"], environment: env)
            #expect(copied.code == 0, "\(copied.stderr)")
        }
        let small = ["--iterations", "30", "--trials", "1", "--seed", "5"]
        let remote = try await CLI.launch(
            ["train", "--data", "gs://\(bucket)/data/dt_simulated_weekly.csv", "--config", "gs://\(bucket)/configs/demo.json",
             "--holidays", "gs://\(bucket)/ref/holidays.csv", "--output", "gs://\(bucket)/runs", "--run-id", "r1", "--json"]
                + small, environment: env)
        #expect(remote.code == 0, "\(remote.stderr)")
        #expect(try jsonObject(remote.stdout)["location"] as? String == "gs://\(bucket)/runs/r1", "\(remote.stdout)")
        let status = try await CLI.launch(["gcs", "cat", "gs://\(bucket)/runs/r1/status.json"], environment: env)
        #expect(try jsonObject(status.stdout)["state"] as? String == "SUCCEEDED")
        let jobConfig = try await CLI.launch(["gcs", "cat", "gs://\(bucket)/runs/r1/job_config.json"], environment: env)
        #expect(try jsonObject(jobConfig.stdout)["holidays_path"] as? String == "gs://\(bucket)/ref/holidays.csv")

        // The same inputs from local files give the same model.
        let local = try await CLI.launch(
            ["train", "--data", Self.data, "--config", Self.config, "--holidays", holidays, "--output", dir.path,
             "--run-id", "local", "--quiet"] + small, environment: env)
        #expect(local.code == 0, "\(local.stderr)")
        for name in ["pareto_aggregated.csv", "pareto_hyperparameters.csv"] {
            let fromGCS = try await CLI.launch(["gcs", "cat", "gs://\(bucket)/runs/r1/\(name)"], environment: env)
            #expect(fromGCS.stdoutData == (try Data(contentsOf: dir.appendingPathComponent("local/\(name)"))), "\(name)")
        }

        // History over the prefix.
        let listed = try await CLI.launch(["runs", "list", "gs://\(bucket)/runs", "--json"], environment: env)
        #expect(listed.code == 0, "\(listed.stderr)")
        let runs = try #require(try jsonObject(listed.stdout)["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(runs.first?["state"] as? String == "SUCCEEDED")
        #expect(runs.first?["country"] as? String == "de")
        let summary = try jsonObject(try await CLI.launch(["gcs", "cat", "gs://\(bucket)/runs/r1/model_summary.json"], environment: env).stdout)
        let best = try #require((summary["best_model"] as? [String: Any])?["model_id"] as? String)
        #expect(runs.first?["best_model"] as? String == best)
        let shown = try await CLI.launch(["runs", "show", "gs://\(bucket)/runs/r1"], environment: env)
        #expect(shown.code == 0 && shown.stdout.contains("best model \(best)"), "\(shown.stdout)\(shown.stderr)")
        let compared = try await CLI.launch(["runs", "compare", "gs://\(bucket)/runs/r1", dir.appendingPathComponent("local").path],
                                   environment: env)
        #expect(compared.code == 0, "\(compared.stderr)")
        #expect(compared.stdout.contains("data: the same input"), "\(compared.stdout)")
        #expect(compared.stdout.contains("$.holidays_path"), "only the holidays location differs: \(compared.stdout)")

        // A taken run id, bad inputs and misspelt URIs fail with the documented exit codes.
        let again = try await CLI.launch(
            ["train", "--data", Self.data, "--config", Self.config, "--output", "gs://\(bucket)/runs", "--run-id", "r1"] + small,
            environment: env)
        #expect(again.code == 2 && again.stderr.contains("gs://\(bucket)/runs/r1 already exists"), "\(again.stderr)")
        _ = try await CLI.launch(["gcs", "cp", try write("x,y\n1,2\n", "bad.csv", in: dir), "gs://\(bucket)/ref/bad.csv"], environment: env)
        let badHolidays = try await CLI.launch(
            ["train", "--data", Self.data, "--config", Self.config, "--holidays", "gs://\(bucket)/ref/bad.csv", "--output",
             dir.path] + small, environment: env)
        #expect(badHolidays.code == 3 && badHolidays.stderr.contains("gs://\(bucket)/ref/bad.csv"), "\(badHolidays.stderr)")
        let missing = try await CLI.launch(
            ["train", "--data", "gs://\(bucket)/data/nope.csv", "--config", Self.config, "--output", dir.path] + small,
            environment: env)
        #expect(missing.code == 1 && missing.stderr.contains("gs://\(bucket)/data/nope.csv"), "\(missing.stderr)")
        for bad in [["--output", "gs:/\(bucket)/runs"], ["--data", "GS://\(bucket)/data/x.csv"]] {
            var arguments = ["train", "--data", Self.data, "--config", Self.config] + small
            arguments += bad
            if bad[0] == "--data" { arguments.removeSubrange(1...2) }
            let r = try await CLI.launch(arguments, environment: env)
            #expect(r.code == 2 && r.stderr.contains("gs://"), "\(bad): \(r.stderr)")
        }
    }

    @Test func dataPrepareUploadsTheCSVThenTheManifest() async throws {
        guard let (env, bucket) = try await Self.setUp() else { return }
        let dir = try scratchDirectory()
        let r = try await CLI.launch(
            ["data", "prepare", "--data", Self.data, "--config", Self.config, "--output", "gs://\(bucket)/prepared/de.csv"],
            environment: env)
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("manifest → gs://\(bucket)/prepared/de.csv.manifest.json"))
        let listed = try await CLI.launch(["gcs", "ls", "--json", "gs://\(bucket)/prepared/"], environment: env)
        let entries = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
        let generations = Dictionary(uniqueKeysWithValues: entries.compactMap { entry -> (String, Int64)? in
            guard let uri = entry["uri"] as? String, let generation = (entry["generation"] as? String).flatMap({ Int64($0) }) else { return nil }
            return (uri, generation)
        })
        let csv = try #require(generations["gs://\(bucket)/prepared/de.csv"])
        let manifest = try #require(generations["gs://\(bucket)/prepared/de.csv.manifest.json"])
        #expect(manifest > csv, "the manifest is uploaded after the CSV (generations are microsecond timestamps)")
        let local = try await CLI.launch(
            ["data", "prepare", "--data", "gs://\(bucket)/prepared/de.csv", "--config", Self.config, "--output",
             dir.appendingPathComponent("again.csv").path, "--quiet"], environment: env)
        #expect(local.code == 0, "\(local.stderr)")
        let uploaded = try await CLI.launch(["gcs", "cat", "gs://\(bucket)/prepared/de.csv"], environment: env).stdoutData
        let direct = try await CLI.launch(
            ["data", "prepare", "--data", Self.data, "--config", Self.config, "--output", dir.appendingPathComponent("direct.csv").path,
             "--quiet"], environment: env)
        #expect(direct.code == 0)
        #expect(uploaded == (try Data(contentsOf: dir.appendingPathComponent("direct.csv"))))
        let inspect = try await CLI.launch(["data", "inspect", "gs://\(bucket)/prepared/de.csv"], environment: env)
        #expect(inspect.code == 0 && inspect.stdout.hasPrefix("gs://\(bucket)/prepared/de.csv: 208 rows"), "\(inspect.stdout)")
        // Parquet on Cloud Storage, both ways: prepared to a .parquet object, then read back as --data.
        let toParquet = try await CLI.launch(
            ["data", "prepare", "--data", Self.data, "--config", Self.config, "--output", "gs://\(bucket)/prepared/de.parquet", "--quiet"],
            environment: env)
        #expect(toParquet.code == 0, "\(toParquet.stderr)")
        let fromParquet = try await CLI.launch(
            ["data", "prepare", "--data", "gs://\(bucket)/prepared/de.parquet", "--config", Self.config, "--output",
             dir.appendingPathComponent("from-parquet.csv").path, "--quiet"], environment: env)
        #expect(fromParquet.code == 0, "\(fromParquet.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("from-parquet.csv")) == (try Data(contentsOf: dir.appendingPathComponent("direct.csv"))))
        let inspectParquet = try await CLI.launch(["data", "inspect", "gs://\(bucket)/prepared/de.parquet"], environment: env)
        #expect(inspectParquet.code == 0 && inspectParquet.stdout.contains("208 rows"), "\(inspectParquet.stdout)")
    }

    @Test func gcsCommandsCopyListPrintAndRemove() async throws {
        guard let (env, bucket) = try await Self.setUp() else { return }
        let dir = try scratchDirectory()
        let tree = dir.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: tree.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let files = ["a.txt": "alpha\n", "sub/b.csv": "x,y\n1,2\n", "sub/c d+é.json": "{\"k\":1}\n"]
        for (name, text) in files { try Data(text.utf8).write(to: tree.appendingPathComponent(name)) }
        func cli(_ arguments: [String]) async throws -> ProcessOutput { try await CLI.launch(arguments, environment: env) }

        #expect(try await cli(["gcs", "cp", "-r", tree.path, "gs://\(bucket)/t"]).stdout == "copied 3 files\n")
        #expect(try await cli(["gcs", "cp", tree.appendingPathComponent("a.txt").path, "gs://\(bucket)/single/"]).code == 0)
        #expect(try await cli(["gcs", "ls", "gs://\(bucket)/t/"]).stdout == "gs://\(bucket)/t/a.txt\ngs://\(bucket)/t/sub/\n")
        #expect(try await cli(["gcs", "ls", "gs://\(bucket)/t"]).stdout == "gs://\(bucket)/t/a.txt\ngs://\(bucket)/t/sub/\n")
        #expect(try await cli(["gcs", "ls", "-r", "gs://\(bucket)/t"]).stdout.split(separator: "\n").count == 3)
        #expect(try await cli(["gcs", "ls", "-l", "gs://\(bucket)/single/a.txt"]).stdout.contains("6  "))
        #expect(try await cli(["gcs", "cat", "gs://\(bucket)/t/sub/c d+é.json"]).stdout == "{\"k\":1}\n")

        // Down again, one file and the whole prefix; then server-side copies.
        let one = dir.appendingPathComponent("one.txt")
        #expect(try await cli(["gcs", "cp", "gs://\(bucket)/single/a.txt", one.path]).code == 0)
        #expect(try String(contentsOf: one, encoding: .utf8) == "alpha\n")
        let back = dir.appendingPathComponent("back")
        #expect(try await cli(["gcs", "cp", "-r", "gs://\(bucket)/t/", back.path]).code == 0)
        for (name, text) in files { #expect(try String(contentsOf: back.appendingPathComponent(name), encoding: .utf8) == text) }
        #expect(try await cli(["gcs", "cp", "gs://\(bucket)/single/a.txt", "gs://\(bucket)/copy/a2.txt"]).code == 0)
        #expect(try await cli(["gcs", "cp", "-r", "gs://\(bucket)/t", "gs://\(bucket)/t2/"]).stdout == "copied 3 files\n")
        #expect(try await cli(["gcs", "cat", "gs://\(bucket)/t2/sub/b.csv"]).stdout == "x,y\n1,2\n")
        // Copying over an existing object replaces it.
        #expect(try await cli(["gcs", "cp", tree.appendingPathComponent("sub/b.csv").path, "gs://\(bucket)/copy/a2.txt"]).code == 0)
        #expect(try await cli(["gcs", "cat", "gs://\(bucket)/copy/a2.txt"]).stdout == "x,y\n1,2\n")

        #expect(try await cli(["gcs", "rm", "gs://\(bucket)/copy/a2.txt"]).stdout == "removed 1 object\n")
        #expect(try await cli(["gcs", "rm", "-r", "gs://\(bucket)/t2"]).stdout == "removed 3 objects\n")
        #expect(try await cli(["gcs", "ls", "-r", "gs://\(bucket)/t2/"]).stdout == "")

        // Mistakes: exit 2 for usage, 1 for what Cloud Storage refuses.
        #expect(try await cli(["gcs", "cp", tree.path, "gs://\(bucket)/x/"]).code == 2, "a folder without -r")
        #expect(try await cli(["gcs", "cp", tree.path, dir.appendingPathComponent("z").path]).code == 2, "local to local")
        #expect(try await cli(["gcs", "rm", "gs://\(bucket)/t/"]).code == 2, "a prefix without -r")
        #expect(try await cli(["gcs", "rm", "-r", "gs://\(bucket)"]).code == 2, "never a whole bucket")
        #expect(try await cli(["gcs", "ls", "gs:/\(bucket)"]).code == 2)
        let benchmark = try await cli(["benchmark", "plan", "--config", CLI.path("Examples/benchmarks/adstock_comparison.json"),
                                 "--output", "gs://\(bucket)/benchmarks"])
        #expect(benchmark.code == 2 && benchmark.stderr.contains("gcs cp -r"), "benchmark folders are local: \(benchmark.stderr)")
        let missing = try await cli(["gcs", "cat", "gs://\(bucket)/nope.txt"])
        #expect(missing.code == 1 && missing.stderr.contains("gs://\(bucket)/nope.txt"), "\(missing.stderr)")
        #expect(try await cli(["gcs", "rm", "gs://\(bucket)/nope.txt"]).code == 1)
    }
}
