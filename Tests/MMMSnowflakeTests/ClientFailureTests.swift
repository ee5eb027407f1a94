import Foundation
import MMMTestSupport
import MMMSnowflake
import MMMTransport
import Testing

/// Error mapping, retries, timeouts, cancellation and authentication failures against the local fake.
/// Time limit: the work takes seconds, but Swift Testing starts every test at once and a test also waits for a
/// cooperative-pool thread before and after its body; a whole `swift test` took up to 10 minutes at load average 20 on
/// 2 cores, so 20 minutes can only be exceeded by a hang.
@Suite(.dedicatedThreads, .timeLimit(.minutes(20)))
struct ClientFailureTests {
    private func start(_ build: (inout FakeScenario) -> Void) async throws -> FakeSnowflake {
        var scenario = FakeScenario()
        build(&scenario)
        return try await FakeSnowflake(scenario: scenario)
    }

    private func selectOne(_ scenario: inout FakeScenario, _ sql: String = "SELECT 1", extra: [String: Any] = [:]) {
        scenario.result(sql, columns: [FakeScenario.column("1", "fixed", scale: 0)], partitions: [[["1"]]], extra: extra)
    }

    @Test func sqlErrorsAreTyped() async throws {
        let fake = try await start {
            $0.failure("SELECT AFAF", status: 422, code: "000904", sqlState: "42000",
                       message: "SQL compilation error: error line 1 at position 7\ninvalid identifier 'AFAF'")
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT AFAF") }
        #expect(error?.kind == .statementFailed)
        #expect(error?.httpStatus == 422)
        #expect(error?.code == "000904")
        #expect(error?.sqlState == "42000")
        #expect(error?.message.contains("invalid identifier 'AFAF'") == true)
        #expect(error?.statementHandle != nil)
        #expect(error?.requestID != nil)
        #expect(error?.description.contains("SQLSTATE 42000") == true)
    }

    @Test func serverSideTimeoutIs408() async throws {
        let fake = try await start {
            $0.failure("SELECT SLOWLY", status: 408, code: "000630", sqlState: "57014",
                       message: "Statement reached its statement or warehouse timeout of 1 second(s) and was canceled.")
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT SLOWLY", timeoutSeconds: 60) }
        #expect(error?.kind == .statementTimedOut)
        #expect(error?.code == "000630")
    }

    @Test func unknownStatementAndBadBindingsMapTo422() async throws {
        let fake = try await start { selectOne(&$0) }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let unknown = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT NOPE") }
        #expect(unknown?.code == "002003")
        let badType = await #expect(throws: SnowflakeError.self) {
            try await client.query("SELECT 1", bindings: [SnowflakeBinding(type: "NOT_A_TYPE", value: "1")])
        }
        #expect(badType?.code == "100037")
        #expect(badType?.sqlState == "22018")
    }

    @Test func rateLimitThenSuccessReusesTheRequestIdWithRetryTrue() async throws {
        let fake = try await start {
            selectOne(&$0, extra: ["submitFailures": [["status": 429], ["status": 503]]])
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let result = try await client.query("SELECT 1")
        #expect(result.rowCount == 1)
        let submits = try await fake.requests().filter { $0.method == "POST" }
        #expect(submits.count == 3)
        #expect(Set(submits.compactMap { $0.query["requestId"] }) == [result.requestID])
        #expect(submits.map { $0.query["retry"] } == [nil, "true", "true"])
        #expect(try await fake.state().executions[result.requestID] == 1)
    }

    @Test func serverErrorAfterExecutionIsDeduplicatedByRetryTrue() async throws {
        let fake = try await start { selectOne(&$0, extra: ["submitFailures": [["status": 500, "ran": true]]]) }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let result = try await client.query("SELECT 1")
        #expect(result.rowCount == 1)
        // The statement ran once although it was submitted twice.
        #expect(try await fake.state().executions[result.requestID] == 1)
    }

    @Test func persistentRateLimitingGivesUpWithATypedError() async throws {
        let fake = try await start {
            selectOne(&$0, extra: ["submitFailures": Array(repeating: ["status": 429], count: 10)])
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT 1") }
        #expect(error?.kind == .rateLimited)
        #expect(error?.code == "390505")
        #expect(try await fake.requests().filter { $0.method == "POST" }.count == 4)
    }

    @Test func transientPollAndPartitionFailuresAreRetried() async throws {
        let fake = try await start {
            $0.result(TypeScenario.sql, columns: TypeScenario.columns, partitions: TypeScenario.partitions,
                      extra: ["pollsBeforeDone": 1, "pollFailures": [503, 429, 502], "partitionFailures": ["2": [503, 500]]])
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let result = try await client.query(TypeScenario.sql)
        #expect(result.rowCount == 8)
        let partitionTwo = try await fake.requests().filter { $0.query["partition"] == "2" }
        #expect(partitionTwo.count == 3)
    }

    @Test func clientDeadlineCancelsASlowStatement() async throws {
        let fake = try await start { $0.slow("CALL SLOW()") }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query("CALL SLOW()", timeoutSeconds: 1) }
        #expect(error?.kind == .statementTimedOut)
        let handle = try #require(error?.statementHandle)
        #expect(try await fake.state().cancelled == [handle])
        let cancel = try await fake.requests().filter { $0.path.hasSuffix("/cancel") }
        #expect(cancel.count == 1)
        #expect(cancel.first?.auth.ok == true)
    }

    @Test func taskCancellationCancelsTheStatementOnTheServer() async throws {
        let fake = try await start { $0.slow("CALL SLOW()") }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let task = Task { try await client.query("CALL SLOW()") }
        // Wait until the statement is being polled (up to 5 minutes: the bound is for hangs, not a guess at the
        // machine's speed), then cancel like Ctrl-C would.
        var polled = false
        for _ in 0..<15_000 where !polled {
            polled = try await fake.requests().contains { $0.method == "GET" }
            if !polled { try await Task.sleep(for: .milliseconds(20)) }
        }
        try #require(polled, "the statement was never polled")
        task.cancel()
        let error = try await #require(throws: SnowflakeError.self) { try await task.value }
        #expect(error.kind == .cancelled)
        let handle = try #require(error.statementHandle)
        #expect(try await fake.state().cancelled == [handle])
    }

    @Test func explicitCancelByHandle() async throws {
        let fake = try await start { $0.slow("CALL SLOW()") }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) {
            try await client.cancel(statementHandle: "01a943f3-0000-a91b-0000-a6f10012c07a")
        }
        #expect(error?.code == "000709")
        await #expect(throws: SnowflakeError.self) { try await client.cancel(statementHandle: "../../etc") }
    }

    @Test func unknownKeyIsAnAuthenticationErrorAfterOneFreshToken() async throws {
        let fake = try await start { selectOne(&$0) }
        defer { fake.stop() }
        let keys = try SnowflakeTestKeys.shared.get()
        let client = try await SnowflakeClient(configuration: try fake.configuration(keyPath: keys.otherKey),
                                               options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT 1") }
        #expect(error?.kind == .authentication)
        #expect(error?.code == "390144")
        #expect(error?.message.contains("RSA_PUBLIC_KEY_FP") == true)
        let requests = try await fake.requests()
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { !$0.auth.ok && $0.auth.reason.contains("signature") })
        #expect(await client.authenticator.mintedCount == 2)
    }

    @Test(arguments: [(600.0, "iat is in the future"), (-7200.0, "token expired")])
    func skewedClocksAreRejected(skew: Double, reason: String) async throws {
        let fake = try await start { selectOne(&$0) }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(),
                                               options: FakeSnowflake.fastOptions(clock: SkewedClock(skew: skew)))
        let error = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT 1") }
        #expect(error?.kind == .authentication)
        #expect(error?.message.contains("clock") == true)
        #expect(try await fake.requests().allSatisfy { $0.auth.reason == reason })
    }

    @Test func smallClockSkewWithinSnowflakesToleranceIsAccepted() async throws {
        let fake = try await start { selectOne(&$0) }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(),
                                               options: FakeSnowflake.fastOptions(clock: SkewedClock(skew: 30)))
        #expect(try await client.query("SELECT 1").rowCount == 1)
    }

    @Test func a401IsRetriedOnceWithAFreshToken() async throws {
        let fake = try await start {
            selectOne(&$0)
            $0.unauthorizedFirstRequests = 1
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        #expect(try await client.query("SELECT 1").rowCount == 1)
        #expect(await client.authenticator.mintedCount == 2)
    }

    @Test func wrongAccountOrUserIsRejectedByTheFake() async throws {
        let fake = try await start { selectOne(&$0) }
        defer { fake.stop() }
        var configuration = try fake.configuration()
        configuration.user = "someone_else"
        let client = try await SnowflakeClient(configuration: configuration, options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT 1") }
        #expect(error?.kind == .authentication)
        #expect(try await fake.requests().first?.auth.reason == "sub is not ACCOUNT.USER")
    }

    @Test func gzipWithoutContentEncodingIsReported() async throws {
        let fake = try await start {
            $0.result(TypeScenario.sql, columns: TypeScenario.columns, partitions: TypeScenario.partitions,
                      extra: ["gzipWithoutHeader": true])
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query(TypeScenario.sql) }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.message.contains("gzip") == true)
    }

    @Test func uncompressedPartitionsAlsoWork() async throws {
        let fake = try await start {
            $0.result(TypeScenario.sql, columns: TypeScenario.columns, partitions: TypeScenario.partitions,
                      extra: ["gzipPartitions": false])
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        #expect(try await client.query(TypeScenario.sql).rowCount == 8)
    }

    @Test func rowCountsThatDoNotAddUpAreRejected() async throws {
        let fake = try await start {
            $0.result(TypeScenario.sql, columns: TypeScenario.columns, partitions: TypeScenario.partitions,
                      extra: ["numRows": 9])
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query(TypeScenario.sql) }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.message.contains("numRows is 9") == true)
    }

    @Test func resultTooLargeIsTyped() async throws {
        let fake = try await start {
            $0.failure("SELECT HUGE", status: 422, code: "391908", sqlState: "00000", message: "The result set size exceeded the max number of bytes allowed.")
        }
        defer { fake.stop() }
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT HUGE") }
        #expect(error?.kind == .resultTooLarge)
    }

    @Test func unreachableServerIsATransportError() async throws {
        let fake = try await start { selectOne(&$0) }
        let configuration = try fake.configuration()
        try await fake.close()
        let client = try await SnowflakeClient(configuration: configuration, options: FakeSnowflake.fastOptions())
        let error = await #expect(throws: SnowflakeError.self) { try await client.query("SELECT 1") }
        #expect(error?.kind == .transport)
        #expect(error?.message.contains("could not connect") == true)
    }
}

extension ClientFailureTests {
    /// The fake answers the first submit only after the retry has arrived, so the client's timeout must fire
    /// whatever the load; the timeout is long enough that answered requests are not timed out by a busy machine (a
    /// spurious extra attempt would still have to reuse the request id and must not run the statement again).
    @Test func requestTimeoutsAreRetriedWithTheSameRequestId() async throws {
        let fake = try await start {
            selectOne(&$0, extra: ["submitFailures": [["status": 200, "ran": true, "holdUntilRetry": true]]])
        }
        defer { fake.stop() }
        var options = FakeSnowflake.fastOptions()
        options.requestTimeout = 5
        let client = try await SnowflakeClient(configuration: try fake.configuration(), options: options)
        let result = try await client.query("SELECT 1")
        #expect(result.rowCount == 1)
        let submits = try await fake.requests().filter { $0.method == "POST" }
        #expect(submits.count >= 2)
        #expect(submits.first?.query["retry"] == nil)
        #expect(submits.dropFirst().allSatisfy { $0.query["retry"] == "true" })
        #expect(Set(submits.compactMap { $0.query["requestId"] }) == [result.requestID])
        #expect(try await fake.state().executions[result.requestID] == 1)
    }

    @Test func wrongPassphraseFailsBeforeAnyRequest() async throws {
        let fake = try await start { selectOne(&$0) }
        defer { fake.stop() }
        let keys = try SnowflakeTestKeys.shared.get()
        let error = await #expect(throws: PrivateKeyError.self) {
            try await SnowflakeClient(configuration: try fake.configuration(keyPath: keys.des3Key, passphrase: "nope-nope"),
                                      options: FakeSnowflake.fastOptions())
        }
        #expect(error?.kind == .wrongPassphrase)
        #expect(error?.description.contains("nope-nope") == false)
        #expect(try await fake.requests().isEmpty)
    }
}
