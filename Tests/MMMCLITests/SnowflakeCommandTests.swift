import Foundation
import MMMTestSupport
import Testing

/// `mmm-cli snowflake …` and Snowflake inputs against one listener per test of the shared fake; the CLI runs on
/// threads of their own so waiting tests do not starve the cooperative pool.
/// Time limit: the work takes seconds, but Swift Testing starts every test at once and a test also waits for a
/// cooperative-pool thread before and after its body; a whole `swift test` took up to 10 minutes at load average 20 on
/// 2 cores, so 20 minutes can only be exceeded by a hang.
@Suite(.dedicatedThreads, .timeLimit(.minutes(20)))
struct SnowflakeCommandTests {
    static let checkSQL =
        "SELECT CURRENT_ACCOUNT(), CURRENT_USER(), CURRENT_ROLE(), CURRENT_WAREHOUSE(), CURRENT_DATABASE(), "
        + "CURRENT_SCHEMA(), CURRENT_VERSION(), CURRENT_TIMESTAMP()"
    static let demoSQL = "SELECT * FROM \"ANALYTICS\".\"MMM\".\"DEMO\""

    static func fake() async throws -> CLISnowflakeFake {
        try await CLISnowflakeFake(statements: [
            checkSQL: [
                "columns": ["CURRENT_ACCOUNT()", "CURRENT_USER()", "CURRENT_ROLE()", "CURRENT_WAREHOUSE()",
                            "CURRENT_DATABASE()", "CURRENT_SCHEMA()", "CURRENT_VERSION()"].map { CLISnowflakeFake.column($0, "text") }
                    + [CLISnowflakeFake.column("CURRENT_TIMESTAMP()", "timestamp_ltz", scale: 9)],
                "partitions": [[["MY_ACCOUNT", "JANE.DOE", "ANALYST", "WH", NSNull(), NSNull(), "9.1.0", "1795317495.000000000"]]],
            ],
            demoSQL: try DemoAsSnowflakeTable.statement(),
            "SELECT * FROM \"ANALYTICS\".\"MMM\".\"DEMO\" LIMIT 3": [
                "columns": [CLISnowflakeFake.column("ID", "fixed", scale: 0), CLISnowflakeFake.column("NOTE", "text"),
                            CLISnowflakeFake.column("PRICE", "fixed", scale: 2), CLISnowflakeFake.column("DAY", "date")],
                "partitions": [[["1", "a, \"quoted\"", "1.50", "18262"], ["2", NSNull(), "-0.05", "-1"], ["3", "x", "10.00", "0"]]],
            ],
        ])
    }

    @Test func testConnectionPrintsTheSession() async throws {
        let fake = try await Self.fake()
        defer { fake.stop() }
        let r = try await CLI.runDetached(["snowflake", "test-connection"] + fake.flags(), environment: fake.environment())
        #expect(r.code == 0, "\(r.stderr)")
        for expected in ["account    MY_ACCOUNT", "user       JANE.DOE", "role       ANALYST", "warehouse  WH", "time       2026-11-22T03:18:15"] {
            #expect(r.stdout.contains(expected), "\(r.stdout)")
        }
        let json = try await CLI.runDetached(["snowflake", "test-connection", "--json"] + fake.flags(), environment: fake.environment())
        #expect(try jsonObject(json.stdout)["user"] as? String == "JANE.DOE")
    }

    @Test func queryWritesCSVJSONAndNDJSON() async throws {
        let fake = try await Self.fake()
        defer { fake.stop() }
        let table = ["snowflake", "query", "--table", "ANALYTICS.MMM.DEMO", "--limit", "3"] + fake.flags()
        let csv = try await CLI.runDetached(table + ["--format", "csv"], environment: fake.environment())
        #expect(csv.code == 0, "\(csv.stderr)")
        #expect(csv.stdout == "ID,NOTE,PRICE,DAY\n1,\"a, \"\"quoted\"\"\",1.50,2020-01-01\n2,,-0.05,1969-12-31\n3,x,10.00,1970-01-01\n")
        let json = try await CLI.runDetached(table + ["--format", "json"], environment: fake.environment())
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows[0]["ID"] as? Int == 1)
        #expect(rows[0]["PRICE"] as? String == "1.50", "exact decimals stay strings")
        #expect(rows[1]["NOTE"] is NSNull)
        let ndjson = try await CLI.runDetached(table + ["--format", "ndjson"], environment: fake.environment())
        #expect(ndjson.stdout.split(separator: "\n").count == 3)
        let dir = try TemporaryDirectory.make()
        let file = dir.appendingPathComponent("out.csv").path
        let written = try await CLI.runDetached(table + ["--output", file], environment: fake.environment())
        #expect(written.code == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == csv.stdout)
    }

    @Test func tableNamesCannotInjectSQL() async throws {
        let fake = try await Self.fake()
        defer { fake.stop() }
        for name in ["ANALYTICS.MMM.DEMO; DROP TABLE X", "ANALYTICS.MMM", "A.B.C.D", "ANALYTICS.MMM.\"DE\"MO\""] {
            let r = try await CLI.runDetached(["snowflake", "query", "--table", name] + fake.flags(), environment: fake.environment())
            #expect(r.code == 2, "\(name): \(r.stderr)")
        }
        let both = try await CLI.runDetached(["snowflake", "query", "--sql", "SELECT 1", "--table", "A.B.C"] + fake.flags(), environment: fake.environment())
        #expect(both.code == 2)
    }

    @Test func trainReadsASnowflakeTableAndKeepsASnapshot() async throws {
        let fake = try await Self.fake()
        defer { fake.stop() }
        let dir = try TemporaryDirectory.make()
        let r = try await CLI.runDetached(
            ["train", "--snowflake-table", "ANALYTICS.MMM.DEMO", "--config", CLI.path("Examples/configs/demo_job_config.json"),
             "--iterations", "100", "--trials", "2", "--output", dir.path, "--run-id", "sf"] + fake.flags(),
            environment: fake.environment())
        #expect(r.code == 0, "\(r.stderr)")
        let run = dir.appendingPathComponent("sf")
        let snapshot = run.appendingPathComponent("input_snapshot.csv").path
        let manifest = try jsonObject(try String(contentsOf: run.appendingPathComponent("run_manifest.json"), encoding: .utf8))
        #expect(manifest["data_sha256"] as? String == (try ProcessRunner.pythonSHA256(snapshot)))
        #expect(manifest["data_source"] as? String == "snowflake:ANALYTICS.MMM.DEMO")
        // The snapshot holds the same data as the CSV example, so the model is the same as training on the file.
        let fromFile = try await CLI.runDetached(
            ["train", "--data", CLI.path("Examples/data/dt_simulated_weekly.csv"), "--config",
             CLI.path("Examples/configs/demo_job_config.json"), "--iterations", "100", "--trials", "2", "--output", dir.path,
             "--run-id", "file"])
        #expect(fromFile.code == 0)
        var a = try jsonObject(try String(contentsOf: run.appendingPathComponent("model_summary.json"), encoding: .utf8))
        var b = try jsonObject(try String(contentsOf: dir.appendingPathComponent("file/model_summary.json"), encoding: .utf8))
        a["run_id"] = nil
        b["run_id"] = nil
        #expect(NSDictionary(dictionary: a).isEqual(to: b))
    }

    @Test func prepareReadsSnowflakeSQLWithAnEncryptedKeyAndLeaksNoSecret() async throws {
        let fake = try await Self.fake()
        defer { fake.stop() }
        let dir = try TemporaryDirectory.make()
        let output = dir.appendingPathComponent("prepared.csv").path
        let env = fake.environment(["MY_KEY_PASS": CLISnowflakeFake.passphrase])
        let r = try await CLI.runDetached(
            ["data", "prepare", "--snowflake-sql", Self.demoSQL, "--config", CLI.path("Examples/configs/demo_job_config.json"),
             "--output", output, "--verbose", "--private-key-passphrase-env", "MY_KEY_PASS"] + fake.flags(key: fake.encryptedKey),
            environment: env)
        #expect(r.code == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + ".input_snapshot.csv"))
        var everything = r.stdout + r.stderr
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            everything += try String(contentsOfFile: dir.appendingPathComponent(file).path, encoding: .utf8)
        }
        #expect(!everything.contains(CLISnowflakeFake.passphrase))
        let keyLines = try String(contentsOfFile: fake.plainKey, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("-----") }
        #expect(!keyLines.contains { everything.contains($0) })
        #expect(!everything.contains("eyJ"), "no JWT in outputs")

        let wrong = try await CLI.runDetached(
            ["snowflake", "test-connection", "--private-key-passphrase-env", "MY_KEY_PASS"] + fake.flags(key: fake.encryptedKey),
            environment: fake.environment(["MY_KEY_PASS": "wrong-passphrase"]))
        #expect(wrong.code == 2, "\(wrong.stderr)")
        #expect(wrong.stderr.contains("passphrase"))
        #expect(!wrong.stderr.contains("wrong-passphrase"))
    }
}
