import Foundation
import MMMTestSupport
import MMMSnowflake
import MMMTransport

/// The Python SQL API fake (`Tests/Fixtures/snowflake/fake_snowflake.py`) with a scripted scenario.
final class FakeSnowflake {
    static let account = "MYORG-MY_ACCOUNT"
    static let user = "JANE.DOE"

    let server: PythonServer
    let scenarioURL: URL

    /// Starts a fake that trusts the test key's public half and runs `scenario`.
    init(scenario: FakeScenario) async throws {
        let keys = try SnowflakeTestKeys.shared.get()
        scenarioURL = keys.directory.appendingPathComponent("scenario-\(UUID().uuidString).json")
        try scenario.json().write(to: scenarioURL)
        server = try await PythonServer(script: "fake_snowflake.py", arguments: [
            "--public-key", keys.publicKey, "--account", Self.account, "--user", Self.user,
            "--scenario", scenarioURL.path,
        ])
    }

    func stop() { server.stop() }

    /// A configuration pointing at this fake over http, using the given key file.
    func configuration(keyPath: String? = nil, passphrase: String? = nil) throws -> SnowflakeConnectionConfiguration {
        let keys = try SnowflakeTestKeys.shared.get()
        var configuration = SnowflakeConnectionConfiguration(
            account: try SnowflakeAccount("myorg-my_account"), user: "jane.doe",
            privateKey: .file(path: keyPath ?? keys.plainKey),
            privateKeyPassphrase: passphrase.map(SecretValue.init), baseURL: server.baseURL,
            warehouse: "WH", database: "DB", schema: "PUBLIC", role: "ANALYST")
        configuration.warnings = []
        return configuration
    }

    /// Options with fast retries and polls so tests finish quickly.
    static func fastOptions(
        log: (@Sendable (String) -> Void)? = nil, clock: any WallClock = SystemWallClock(),
        submitAsynchronously: Bool = true
    ) -> SnowflakeClientOptions {
        SnowflakeClientOptions(
            userAgent: "mmm-trainer-tests/1.0", submitAsynchronously: submitAsynchronously,
            retryPolicy: RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
            pollPolicy: RetryPolicy(initialDelay: .milliseconds(5), maxDelay: .milliseconds(40)),
            requestTimeout: 10, timeoutGrace: .zero, clock: clock, log: log)
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
            HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent(path)))
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
