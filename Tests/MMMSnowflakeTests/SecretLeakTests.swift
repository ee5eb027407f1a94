import Foundation
import MMMTestSupport
import MMMSnowflake
import MMMTransport
import Testing

/// Runs success and failure flows with logging on, gathers everything the library lets out (log lines, error
/// descriptions, configuration and client dumps, result text) and greps it for the passphrase, the private key
/// material and every JWT the fake received. Every failure flow must really fail, with the expected kind, so the
/// grep covers the error texts it claims to cover.
/// Time limit: the work takes seconds, but Swift Testing starts every test at once and a test also waits for a
/// cooperative-pool thread before and after its body; a whole `swift test` took up to 10 minutes at load average 20 on
/// 2 cores, so 20 minutes can only be exceeded by a hang.
@Suite(.dedicatedThreads, .timeLimit(.minutes(20)))
struct SecretLeakTests {
    @Test func noSecretReachesLogsErrorsOrOutputs() async throws {
        let keys = try SnowflakeTestKeys.shared.get()
        var scenario = FakeScenario()
        scenario.result(TypeScenario.sql, columns: TypeScenario.columns, partitions: TypeScenario.partitions,
                        extra: ["pollsBeforeDone": 1, "submitFailures": [["status": 503]], "partitionFailures": ["1": [429]]])
        scenario.failure("SELECT AFAF", status: 422, code: "000904", sqlState: "42000", message: "invalid identifier 'AFAF'")
        scenario.slow("CALL SLOW()")
        scenario.unauthorizedFirstRequests = 1
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }

        let logs = LogCapture()
        var options = FakeSnowflake.fastOptions(log: logs.handler)
        var outputs: [String] = []
        func record(_ value: Any) {
            outputs.append(String(describing: value))
            outputs.append(String(reflecting: value))
            var dumped = ""
            dump(value, to: &dumped)
            outputs.append(dumped)
        }

        // Encrypted key, passphrase from the configuration: success with retries, a 401 and several partitions.
        let configuration = try fake.configuration(keyPath: keys.des3Key, passphrase: SnowflakeTestKeys.passphrase)
        record(configuration)
        let client = try await SnowflakeClient(configuration: configuration, options: options)
        record(client)
        let result = try await client.query(TypeScenario.sql)
        for column in result.columns { outputs.append((0..<result.rowCount).map { column.formattedValue(at: $0) ?? "" }.joined()) }
        record(result)
        // SQL error, timeout with cancel, authentication failure with an unknown key.
        let sqlError = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT AFAF") }
        #expect(sqlError?.kind == .statementFailed)
        let timeout = await #expect(throws: SnowflakeError.self) { try await client.query("CALL SLOW()", timeoutSeconds: 1) }
        #expect(timeout?.kind == .statementTimedOut)
        let stranger = try await SnowflakeClient(configuration: try fake.configuration(keyPath: keys.otherKey), options: options)
        let unknownKey = await #expect(throws: SnowflakeError.self) { try await stranger.query("SELECT AFAF") }
        #expect(unknownKey?.kind == .authentication)
        for case let error? in [sqlError, timeout, unknownKey] { record(error) }
        // Wrong and missing passphrases.
        options.passphrasePrompt = { SecretValue("wrong-" + SnowflakeTestKeys.passphrase) }
        for path in [keys.des3Key, keys.aes256Key] {
            let wrong = await #expect(throws: PrivateKeyError.self) {
                try await SnowflakeClient(configuration: try fake.configuration(keyPath: path), options: options)
            }
            #expect(wrong?.kind == .wrongPassphrase, "\(path)")
            if let wrong { record(wrong) }
        }
        options.passphrasePrompt = nil
        let missing = await #expect(throws: PrivateKeyError.self) {
            try await SnowflakeClient(configuration: try fake.configuration(keyPath: keys.aes256Key), options: options)
        }
        #expect(missing?.kind == .passphraseRequired)
        if let missing { record(missing) }
        // Configuration from the environment holding a passphrase and raw PEM.
        let rawPEM = try String(contentsOfFile: keys.plainKey, encoding: .utf8)
        let resolver = SnowflakeConfigResolver(
            environment: ["SNOWFLAKE_ACCOUNT": "myorg-my_account", "SNOWFLAKE_USER": "jane.doe",
                          "SNOWFLAKE_PRIVATE_KEY_RAW": rawPEM, "SNOWFLAKE_PRIVATE_KEY_FILE_PWD": SnowflakeTestKeys.passphrase],
            homeDirectory: "/nonexistent", fileSystem: InMemoryConfigFiles())
        record(try resolver.resolve(SnowflakeConfigFlags()))
        outputs.append(contentsOf: await logs.finish())

        let tokens = try await fake.requests().compactMap { $0.headers["authorization"]?.replacingOccurrences(of: "Bearer ", with: "") }
        #expect(tokens.count > 5)
        let signatures = tokens.compactMap { $0.split(separator: ".").last.map(String.init) }
        let secrets = [SnowflakeTestKeys.passphrase] + (try keys.secretLines()) + tokens + signatures
        #expect(outputs.count > 20)
        #expect(outputs.contains { $0.contains("snowflake: POST /api/v2/statements") }, "logging was captured")
        for output in outputs {
            for secret in secrets where output.contains(secret) {
                Issue.record("secret leaked into: \(output.prefix(200))")
            }
            #expect(!output.contains("Bearer"))
        }
    }
}
