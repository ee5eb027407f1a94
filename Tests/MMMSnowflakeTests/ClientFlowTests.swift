import MMMTestSupport
import Foundation
import MMMSnowflake
import MMMTransport
import Testing

/// End-to-end flows against the local SQL API fake (one listener per test of the shared fake on 127.0.0.1).
/// Time limit: the work takes seconds, but Swift Testing starts every test at once and a test also waits for a
/// cooperative-pool thread before and after its body; a whole `swift test` took up to 10 minutes at load average 20 on
/// 2 cores, so 20 minutes can only be exceeded by a hang.
@Suite(.dedicatedThreads, .timeLimit(.minutes(20)))
struct ClientFlowTests {
    @Test(arguments: [(true, 2), (false, 0), (false, 3)])
    func everyTypeAcrossGzipPartitions(submitAsync: Bool, pollsBeforeDone: Int) async throws {
        var scenario = FakeScenario()
        scenario.result(TypeScenario.sql, columns: TypeScenario.columns, partitions: TypeScenario.partitions,
                        extra: ["pollsBeforeDone": pollsBeforeDone])
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(),
                                               options: FakeSnowflake.fastOptions(submitAsynchronously: submitAsync))
        let result = try await client.query(TypeScenario.sql)

        #expect(result.rowCount == 8)
        #expect(result.totalRowCount == 8)
        #expect(!result.isTruncated)
        #expect(result.columns.map(\.name) == ["ID", "AMOUNT", "RATIO", "NAME", "ACTIVE", "DAY", "AT_TIME", "NTZ", "LTZ",
                                               "TZ", "DOC", "OBJ", "ARR", "BLOB"])
        let ids = [0, 1, 2, 3, 4, nil, 6, 7] as [Int64?]
        #expect(result.columns[0].values == .fixed(scale: 0, unscaled: ids))
        #expect(result.columns[1].values == .fixed(scale: 2, unscaled: ids.map { $0.map { $0 * 100 + 25 } }))
        #expect(result.columns[2].values == .double(ids.map { $0.map { _ in 0.5 } }))
        #expect(result.columns[3].formattedValue(at: 7) == "name \"7\"\nline")
        #expect(result.columns[4].values == .boolean(ids.map { $0.map { $0 % 2 == 0 } }))
        #expect(result.columns[5].formattedValue(at: 0) == "2020-01-01")
        #expect(result.columns[6].values == .time(ids.map { $0.map { _ in 3_600_500_000_000 } }))
        #expect(result.columns[7].formattedValue(at: 1) == "2021-03-19T17:06:59.123")
        #expect(result.columns[8].formattedValue(at: 1) == "2021-03-19T17:06:59Z")
        #expect(result.columns[9].formattedValue(at: 1) == "2021-03-19T18:06:59+01:00")
        #expect(result.columns[10].formattedValue(at: 3) == "{\n  \"k\": 3\n}")
        #expect(result.columns[11].values == .json(ids.map { $0.map { _ in "{\"a\":1}" } }))
        #expect(result.columns[12].formattedValue(at: 0) == "[1,2]")
        #expect(result.columns[13].values == .binary(ids.map { $0.map { _ in Data([0xCA, 0xFE]) } }))
        for column in result.columns { #expect(column.values.isNull(at: 5)) }

        let requests = try await fake.requests()
        let partitionFetches = requests.compactMap { $0.query["partition"] }
        #expect(partitionFetches == ["1", "2"])
        let polls = requests.filter { $0.method == "GET" && $0.query["partition"] == nil }
        #expect(polls.count == (submitAsync ? max(1, pollsBeforeDone + 1) : (pollsBeforeDone == 0 ? 0 : pollsBeforeDone + 1)))
        let submit = try #require(requests.first { $0.method == "POST" })
        #expect(submit.query["async"] == (submitAsync ? "true" : nil))
        #expect(submit.query["retry"] == nil)
        #expect(submit.query["requestId"] == result.requestID)
    }

    @Test func requestsCarryTheDocumentedHeadersAndAValidJWT() async throws {
        var scenario = FakeScenario()
        scenario.result("SELECT 1", columns: [FakeScenario.column("1", "fixed", scale: 0)], partitions: [[["1"]]])
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }
        let keys = try SnowflakeTestKeys.shared.get()
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        _ = try await client.query("SELECT 1")
        let requests = try await fake.requests()
        #expect(requests.count >= 2)
        for request in requests {
            #expect(request.auth.ok, "\(request.auth.reason)")
            #expect(request.headers["accept"] == "application/json")
            #expect(request.headers["user-agent"] == "mmm-trainer-tests/1.0")
            #expect(request.headers["x-snowflake-authorization-token-type"] == "KEYPAIR_JWT")
            #expect(request.headers["authorization"]?.hasPrefix("Bearer ") == true)
            if request.method == "POST" { #expect(request.headers["content-type"] == "application/json") }
            let claims = try #require(request.auth.claims)
            #expect(claims["sub"]?.string == "MYORG-MY_ACCOUNT.JANE.DOE")
            #expect(claims["iss"]?.string == "MYORG-MY_ACCOUNT.JANE.DOE." + keys.fingerprint)
            let iat = try #require(claims["iat"]?.number)
            let exp = try #require(claims["exp"]?.number)
            #expect(iat == iat.rounded() && exp == exp.rounded())
            #expect(exp - iat <= 3600)
        }
        // One token is minted and re-used across the requests of a statement.
        #expect(Set(requests.compactMap { $0.headers["authorization"] }).count == 1)
        #expect(await client.authenticator.mintedCount == 1)
    }

    @Test func submitBodyCarriesSessionTimeoutBindingsAndRowLimit() async throws {
        var scenario = FakeScenario()
        let sql = "SELECT * FROM T WHERE A = ? AND B = ? AND C = ? AND D = ? AND E = ? AND F = ?"
        scenario.result(sql, columns: [FakeScenario.column("A", "text")], partitions: [[["x"]]])
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let statement = SnowflakeStatement(
            sql, bindings: [.fixed(42), .text("it's"), .date(daysSinceEpoch: 18262), .boolean(true), .null(type: "REAL"),
                            .timestampNTZ(SnowflakeTimestamp(seconds: 1_616_173_619, nanoseconds: 5))],
            timeoutSeconds: 30, rowLimit: 10, queryTag: "mmm", parameters: ["timezone": "UTC"])
        _ = try await client.execute(statement)
        let submit = try #require(try await fake.requests().first { $0.method == "POST" })
        let body = try #require(submit.body)
        #expect(body["statement"]?.string == sql)
        #expect(body["timeout"]?.number == 30)
        #expect(body["warehouse"]?.string == "WH")
        #expect(body["database"]?.string == "DB")
        #expect(body["schema"]?.string == "PUBLIC")
        #expect(body["role"]?.string == "ANALYST")
        #expect(body["parameters"]?["query_tag"]?.string == "mmm")
        #expect(body["parameters"]?["rows_per_resultset"]?.string == "10")
        #expect(body["parameters"]?["timezone"]?.string == "UTC")
        let bindings = try #require(body["bindings"])
        #expect(bindings["1"]?["type"]?.string == "FIXED")
        #expect(bindings["1"]?["value"]?.string == "42")
        #expect(bindings["2"]?["value"]?.string == "it's")
        #expect(bindings["3"]?["type"]?.string == "DATE")
        #expect(bindings["3"]?["value"]?.string == "1577836800000")
        #expect(bindings["4"]?["value"]?.string == "true")
        #expect(bindings["5"]?["value"] == .null)
        #expect(bindings["6"]?["value"]?.string == "1616173619000000005")
    }

    @Test func rowLimitStopsFetchingPartitions() async throws {
        var scenario = FakeScenario()
        scenario.result(TypeScenario.sql, columns: TypeScenario.columns, partitions: TypeScenario.partitions)
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let one = try await client.query(TypeScenario.sql, rowLimit: 1)
        #expect(one.rowCount == 1)
        #expect(one.isTruncated)
        #expect(one.totalRowCount == 8)
        #expect(one.columns[0].values == .fixed(scale: 0, unscaled: [0]))
        let three = try await client.query(TypeScenario.sql, rowLimit: 3)
        #expect(three.columns[0].values == .fixed(scale: 0, unscaled: [0, 1, 2]))
        let fetched = try await fake.requests().compactMap { $0.query["partition"] }
        #expect(fetched == ["1"])
    }

    @Test func dmlStatsAndEmptyResults() async throws {
        var scenario = FakeScenario()
        scenario.result("INSERT INTO T VALUES (1)", columns: [FakeScenario.column("number of rows inserted", "fixed", scale: 0)],
                        partitions: [[["1"]]], extra: ["stats": ["numRowsInserted": 1, "numRowsUpdated": 0]])
        scenario.result("SELECT * FROM EMPTY", columns: [FakeScenario.column("A", "text")], partitions: [[]])
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let insert = try await client.query("INSERT INTO T VALUES (1)")
        #expect(insert.dmlStats?.numRowsInserted == 1)
        let empty = try await client.query("SELECT * FROM EMPTY")
        #expect(empty.rowCount == 0)
        #expect(empty.columns.count == 1)
        #expect(empty.columns[0].values == .text([]))
    }

    @Test func testConnectionReportsTheSession() async throws {
        var scenario = FakeScenario()
        scenario.result(SnowflakeClient.connectionCheckSQL,
                        columns: ["CURRENT_ACCOUNT()", "CURRENT_USER()", "CURRENT_ROLE()", "CURRENT_WAREHOUSE()",
                                  "CURRENT_DATABASE()", "CURRENT_SCHEMA()", "CURRENT_VERSION()"].map { FakeScenario.column($0, "text") }
                            + [FakeScenario.column("CURRENT_TIMESTAMP()", "timestamp_ltz", scale: 9)],
                        partitions: [[["MY_ACCOUNT", "JANE.DOE", "ANALYST", "WH", "DB", "PUBLIC", "9.1.0", "1795317495.123000000"]]])
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }
        let keys = try SnowflakeTestKeys.shared.get()
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let check = try await client.testConnection()
        #expect(check.user == "JANE.DOE")
        #expect(check.role == "ANALYST")
        #expect(check.version == "9.1.0")
        #expect(check.currentTime == "2026-11-22T03:18:15.123Z")
        #expect(check.fingerprint == keys.fingerprint)
        #expect(check.baseURL == fake.baseURL)
    }

    @Test(arguments: ["key-des3.p8", "key-aes256.p8", "key-pkcs1.pem"])
    func encryptedAndPKCS1KeysAuthenticate(file: String) async throws {
        var scenario = FakeScenario()
        scenario.result("SELECT 1", columns: [FakeScenario.column("1", "fixed", scale: 0)], partitions: [[["1"]]])
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }
        let keys = try SnowflakeTestKeys.shared.get()
        let configuration = try fake.configuration(keyPath: keys.path(file), passphrase: SnowflakeTestKeys.passphrase)
        let client = try await SnowflakeClient(configuration: configuration, options: FakeSnowflake.fastOptions())
        #expect(try await client.query("SELECT 1").rowCount == 1)
    }

    @Test func passphrasePromptIsUsedOnlyWhenNeeded() async throws {
        let fake = try await FakeSnowflake(scenario: FakeScenario())
        defer { fake.stop() }
        let keys = try SnowflakeTestKeys.shared.get()
        var options = FakeSnowflake.fastOptions()
        options.passphrasePrompt = { SecretValue(SnowflakeTestKeys.passphrase) }
        let client = try await SnowflakeClient(configuration: try fake.configuration(keyPath: keys.des3Key), options: options)
        #expect(client.authenticator.fingerprint == keys.fingerprint)
        options.passphrasePrompt = { nil }
        let error = await #expect(throws: PrivateKeyError.self) {
            try await SnowflakeClient(configuration: try fake.configuration(keyPath: keys.aes256Key), options: options)
        }
        #expect(error?.kind == .passphraseRequired)
        #expect(error?.description.contains("SNOWFLAKE_PRIVATE_KEY_FILE_PWD") == true)
    }

    @Test func keysFromSecretManagerAndRawPEM() async throws {
        var scenario = FakeScenario()
        scenario.result("SELECT 1", columns: [FakeScenario.column("1", "fixed", scale: 0)], partitions: [[["1"]]])
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }
        let keys = try SnowflakeTestKeys.shared.get()
        let pem = try Data(contentsOf: URL(fileURLWithPath: keys.plainKey))
        var configuration = try fake.configuration()
        configuration.privateKey = .secretManager(resourceName: "projects/p/secrets/sf-key")
        var options = FakeSnowflake.fastOptions()
        options.secretFetcher = { name in
            guard name == "projects/p/secrets/sf-key" else { throw CancellationError() }
            return pem
        }
        #expect(try await SnowflakeClient(configuration: configuration, options: options).query("SELECT 1").rowCount == 1)
        let missing = await #expect(throws: SnowflakeConfigurationError.self) {
            try await SnowflakeClient(configuration: configuration, options: FakeSnowflake.fastOptions())
        }
        #expect(missing?.message.contains("Secret Manager") == true)
        configuration.privateKey = .pem(SecretValue(bytes: Array(pem)), origin: "env SNOWFLAKE_PRIVATE_KEY_RAW")
        #expect(try await SnowflakeClient(configuration: configuration, options: FakeSnowflake.fastOptions())
            .query("SELECT 1").rowCount == 1)
    }
}
