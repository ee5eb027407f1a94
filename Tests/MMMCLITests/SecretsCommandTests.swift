import Foundation
import MMMTestSupport
import Testing

/// `secrets save-key/load-key/clear-key` and Snowflake's `--private-key-secret`, against the Secret Manager fake and
/// the Snowflake fake, with every output grepped for the key, the credentials and the tokens.
@Suite(.timeLimit(.minutes(10)))
struct SecretsCommandTests {
    /// Everything a run let out must be free of these.
    private func expectNoSecrets(_ outputs: [String], key: String, google: CLIGoogleFake) async throws {
        let everything = outputs.joined(separator: "\n")
        let keyLines = try String(contentsOfFile: key, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("-----") }
        #expect(!keyLines.isEmpty)
        #expect(!keyLines.contains { everything.contains($0) }, "a line of the private key leaked")
        #expect(!everything.contains("-----END PRIVATE KEY-----"), "a PEM block leaked")
        #expect(!everything.contains(google.refreshToken) && !everything.contains(google.clientSecret))
        let tokens = try await google.bearerTokens()
        #expect(!tokens.isEmpty, "the fake saw authenticated requests")
        #expect(!tokens.contains { everything.contains($0) }, "an access token leaked")
        #expect(!everything.contains("eyJ"), "no JWT in outputs")
    }

    @Test func saveLoadAndClearAKey() async throws {
        guard let google = try await CLIGoogleFake.get() else { return }
        let dir = try scratchDirectory()
        try Shell.run("cd \(Shell.quote(dir.path)) && openssl genrsa 2048 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out key.p8")
        let key = dir.appendingPathComponent("key.p8").path
        let secret = "sf-key-" + UUID().uuidString.prefix(8).lowercased()
        let env = cloudEnvironment(google.variables)
        var outputs: [String] = []
        func cli(_ arguments: [String]) async throws -> ProcessOutput {
            let r = try await CLI.launch(arguments + ["--verbose"], environment: env)
            outputs += [r.stdout, r.stderr]
            return r
        }

        let saved = try await cli(["secrets", "save-key", "--secret", secret, "--key-file", key])
        #expect(saved.code == 0, "\(saved.stderr)")
        #expect(saved.stdout == "saved the key as version 1 of projects/\(CLIGoogleFake.project)/secrets/\(secret)\n")
        let again = try await cli(["secrets", "save-key", "--secret", "projects/\(CLIGoogleFake.project)/secrets/\(secret)",
                             "--key-file", key, "--json"])
        #expect(try jsonObject(again.stdout)["version"] as? String == "2")

        let target = dir.appendingPathComponent("loaded/key.p8")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let loaded = try await cli(["secrets", "load-key", "--secret", secret, "--output", target.path])
        #expect(loaded.code == 0, "\(loaded.stderr)")
        #expect(try Data(contentsOf: target) == (try Data(contentsOf: URL(fileURLWithPath: key))))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["key.p8"])
        let first = try await cli(["secrets", "load-key", "--secret", secret, "--secret-version", "1", "--output", target.path, "--json"])
        #expect(first.code == 0)
        let firstName = try jsonObject(first.stdout)["secret"] as? String
        #expect(firstName?.hasSuffix("/versions/1") == true)

        // Never on stdout unless asked.
        let nowhere = try await cli(["secrets", "load-key", "--secret", secret])
        #expect(nowhere.code == 2 && nowhere.stdout.isEmpty)
        try await expectNoSecrets(outputs, key: key, google: google)
        let printed = try await CLI.launch(["secrets", "load-key", "--secret", secret, "--stdout"], environment: env)
        #expect(printed.stdoutData == (try Data(contentsOf: URL(fileURLWithPath: key))))

        // Bad inputs name the problem, never the content.
        let notAKey = try write("hello, not a key\n", "notkey.pem", in: dir)
        let refused = try await cli(["secrets", "save-key", "--secret", secret, "--key-file", notAKey])
        #expect(refused.code == 2 && refused.stderr.contains("notkey.pem") && !refused.stderr.contains("hello"), "\(refused.stderr)")
        let noProject = try await CLI.launch(["secrets", "save-key", "--secret", secret, "--key-file", key],
                                    environment: cloudEnvironment(google.variables.filter { $0.key != "GOOGLE_CLOUD_PROJECT" }))
        #expect(noProject.code == 2 && noProject.stderr.contains("--project"), "\(noProject.stderr)")

        let cleared = try await cli(["secrets", "clear-key", "--secret", secret])
        #expect(cleared.code == 0 && cleared.stdout.contains("deleted projects/\(CLIGoogleFake.project)/secrets/\(secret)"))
        let gone = try await cli(["secrets", "load-key", "--secret", secret, "--output", target.path])
        #expect(gone.code == 1 && gone.stderr.contains("NOT_FOUND"), "\(gone.stderr)")
        try await expectNoSecrets(outputs, key: key, google: google)
    }

    @Test func snowflakeReadsItsKeyFromSecretManager() async throws {
        guard let google = try await CLIGoogleFake.get() else { return }
        let snowflake = try await CLISnowflakeFake(statements: [
            SnowflakeCommandTests.checkSQL: [
                "columns": ["CURRENT_ACCOUNT()", "CURRENT_USER()", "CURRENT_ROLE()", "CURRENT_WAREHOUSE()",
                            "CURRENT_DATABASE()", "CURRENT_SCHEMA()", "CURRENT_VERSION()"].map { CLISnowflakeFake.column($0, "text") }
                    + [CLISnowflakeFake.column("CURRENT_TIMESTAMP()", "timestamp_ltz", scale: 9)],
                "partitions": [[["MY_ACCOUNT", "JANE.DOE", "ANALYST", "WH", NSNull(), NSNull(), "9.1.0", "1795317495.000000000"]]],
            ],
            SnowflakeCommandTests.demoSQL: try DemoAsSnowflakeTable.statement(),
        ])
        let secret = "projects/\(CLIGoogleFake.project)/secrets/sf-" + UUID().uuidString.prefix(8).lowercased()
        let env = cloudEnvironment(google.variables.merging(["SNOWFLAKE_HOME": snowflake.directory.path]) { _, new in new })
        var outputs: [String] = []
        func cli(_ arguments: [String], _ environment: [String: String]) async throws -> ProcessOutput {
            let r = try await CLI.launch(arguments + ["--verbose"], environment: environment)
            outputs += [r.stdout, r.stderr]
            return r
        }
        #expect(try await cli(["secrets", "save-key", "--secret", secret, "--key-file", snowflake.plainKey], env).code == 0)
        let flags = Array(snowflake.flags().filter { $0 != "--private-key-file" && $0 != snowflake.plainKey })

        let connected = try await cli(["snowflake", "test-connection", "--private-key-secret", secret] + flags, env)
        #expect(connected.code == 0, "\(connected.stderr)")
        #expect(connected.stdout.contains("user       JANE.DOE"), "\(connected.stdout)")
        // The environment variable works the same way, and so does a data command.
        let dir = try scratchDirectory()
        let prepared = try await cli(
            ["data", "prepare", "--snowflake-sql", SnowflakeCommandTests.demoSQL, "--config", GCSCommandTests.config,
             "--output", dir.appendingPathComponent("p.csv").path] + flags,
            env.merging(["SNOWFLAKE_PRIVATE_KEY_SECRET": secret + "/versions/1"]) { _, new in new })
        #expect(prepared.code == 0, "\(prepared.stderr)")

        // A query result straight to Cloud Storage, when the emulator is there.
        if let emulator = try await GCSEmulator.get() {
            let bucket = try await emulator.newBucket()
            let withGCS = env.merging(["STORAGE_EMULATOR_HOST": emulator.host]) { _, new in new }
            let query = ["snowflake", "query", "--sql", SnowflakeCommandTests.demoSQL, "--private-key-secret", secret] + flags
            let uploaded = try await cli(query + ["--output", "gs://\(bucket)/q/demo.csv"], withGCS)
            #expect(uploaded.code == 0, "\(uploaded.stderr)")
            let printed = try await cli(query, withGCS)
            let stored = try await CLI.launch(["gcs", "cat", "gs://\(bucket)/q/demo.csv"], environment: withGCS)
            #expect(stored.stdoutData == printed.stdoutData && stored.stdoutData.count > 1000)
        }

        // A secret that is not there: a clear error, exit 1.
        let missing = try await cli(["snowflake", "test-connection", "--private-key-secret", secret + "-nope"] + flags, env)
        #expect(missing.code == 1 && missing.stderr.contains(secret + "-nope"), "\(missing.stderr)")
        let help = try await CLI.launch(["snowflake", "query", "--help"])
        #expect(!help.stdout.lowercased().contains("not available"))
        #expect(help.stdout.contains("--private-key-secret"))
        try await expectNoSecrets(outputs, key: snowflake.plainKey, google: google)
    }
}
