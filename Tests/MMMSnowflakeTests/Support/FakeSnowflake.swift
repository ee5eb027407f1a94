import Foundation
import MMMTestSupport
import MMMSnowflake
import MMMTransport

/// The Python SQL API fake (`Tests/Fixtures/snowflake/fake_snowflake.py`) with a scripted scenario: one listener of
/// the process-wide shared fake, so each test has its own port and state without starting Python again.
final class FakeSnowflake: Sendable {
    static let account = "MYORG-MY_ACCOUNT"
    static let user = "JANE.DOE"

    let listener: SnowflakeFakeListener
    var baseURL: URL { listener.baseURL }

    /// Opens a listener that trusts the test key's public half and runs `scenario`.
    init(scenario: FakeScenario) async throws {
        let keys = try SnowflakeTestKeys.shared.get()
        listener = try await SnowflakeFakeListener(
            scenario: try scenario.json(), publicKeyPath: keys.publicKey, account: Self.account, user: Self.user)
    }

    /// Closes the listener in the background (for `defer`).
    func stop() { listener.closeSoon() }

    /// Closes the listener and waits until connections are refused.
    func close() async throws { try await listener.close() }

    /// A configuration pointing at this fake over http, using the given key file.
    func configuration(keyPath: String? = nil, passphrase: String? = nil) throws -> SnowflakeConnectionConfiguration {
        let keys = try SnowflakeTestKeys.shared.get()
        var configuration = SnowflakeConnectionConfiguration(
            account: try SnowflakeAccount("myorg-my_account"), user: "jane.doe",
            privateKey: .file(path: keyPath ?? keys.plainKey),
            privateKeyPassphrase: passphrase.map(SecretValue.init), baseURL: baseURL,
            warehouse: "WH", database: "DB", schema: "PUBLIC", role: "ANALYST")
        configuration.warnings = []
        return configuration
    }

    /// Options with fast retries and polls so tests finish quickly. The request timeout is generous: on a loaded
    /// machine a response can wait long for a thread, and a spurious timeout would add a retry the tests count.
    static func fastOptions(
        log: (@Sendable (String) -> Void)? = nil, clock: any WallClock = SystemWallClock(),
        submitAsynchronously: Bool = true
    ) -> SnowflakeClientOptions {
        SnowflakeClientOptions(
            userAgent: "mmm-trainer-tests/1.0", submitAsynchronously: submitAsynchronously,
            retryPolicy: RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
            pollPolicy: RetryPolicy(initialDelay: .milliseconds(5), maxDelay: .milliseconds(40)),
            requestTimeout: 120, timeoutGrace: .zero, clock: clock, log: log)
    }

    /// Every request the fake recorded.
    func requests() async throws -> [RecordedRequest] {
        let data = try await fetch("/_fake/requests")
        return try JSONDecoder().decode([RecordedRequest].self, from: data)
    }

    /// Executions per request id and cancelled handles.
    func state() async throws -> FakeState {
        try JSONDecoder().decode(FakeState.self, from: try await fetch("/_fake/state"))
    }

    private func fetch(_ path: String) async throws -> Data {
        let response = try await URLSessionTransport().send(
            HTTPRequest(method: .get, url: baseURL.appendingPathComponent(path), timeout: 120))
        return response.body
    }
}

struct FakeState: Decodable {
    let executions: [String: Int]
    let cancelled: [String]
}

/// One request as the fake saw it.
struct RecordedRequest: Decodable {
    struct Auth: Decodable {
        let ok: Bool
        let reason: String
        let claims: [String: JSONScalar]?
    }

    let method: String
    let path: String
    let query: [String: String]
    let headers: [String: String]
    let body: JSONScalar?
    let auth: Auth
}

/// Minimal JSON value for reading recorded requests.
indirect enum JSONScalar: Decodable, Equatable {
    case string(String), number(Double), bool(Bool), null, array([JSONScalar]), object([String: JSONScalar])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONScalar].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONScalar].self)) }
    }

    subscript(key: String) -> JSONScalar? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
}
