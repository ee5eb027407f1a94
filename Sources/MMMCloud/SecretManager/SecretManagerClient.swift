import Foundation
import MMMTransport

/// A Secret Manager v1 client: create and delete secrets, add versions, access `latest` or a version, and
/// disable, enable or destroy versions. Payloads travel as ``SecretValue`` and are never logged or quoted.
///
/// Reads, deletes and state changes are retried after 429/5xx and lost connections; `addVersion` is not
/// idempotent (a repeat would make a second version) and is only repeated when the request never left.
public struct SecretManagerClient: Sendable, CustomReflectable {
    /// Largest payload Secret Manager accepts (64 KiB).
    public static let maximumPayloadSize = 65_536

    let exchange: GoogleAPIExchange
    let baseURL: URL

    /// Creates a client.
    /// - Parameters:
    ///   - credentials: Where tokens come from.
    ///   - endpoints: Service addresses (``GoogleEndpoints/secretManager``; `MMM_SECRETMANAGER_ENDPOINT`).
    ///   - options: User agent, retries, timeouts, logging.
    ///   - transport: The HTTP transport.
    public init(
        credentials: GoogleCredentials, endpoints: GoogleEndpoints = .production,
        options: GoogleClientOptions = GoogleClientOptions(), transport: any HTTPTransport = URLSessionTransport.shared
    ) {
        baseURL = endpoints.secretManager
        exchange = GoogleAPIExchange(logTag: "secretmanager", service: "Secret Manager", transport: transport,
                                     credentials: credentials, options: options)
    }

    /// Reflection (`dump`, debuggers) shows the endpoint and the kind of credentials only — never tokens, and
    /// never the HTTP stack's internals.
    public var customMirror: Mirror {
        Mirror(self, children: ["endpoint": baseURL.absoluteString, "credentials": exchange.credentials.kind.description],
               displayStyle: .struct)
    }

    /// A client with discovered credentials and the environment's endpoint override.
    /// - Throws: ``GoogleCredentialsError``.
    public static func fromEnvironment(
        _ environment: GoogleCloudEnvironment, credentialsOptions: GoogleCredentialsOptions = GoogleCredentialsOptions(),
        transport: any HTTPTransport = URLSessionTransport.shared
    ) async throws -> SecretManagerClient {
        let credentials = try await GoogleCredentials.discover(environment: environment, options: credentialsOptions,
                                                               transport: transport)
        return SecretManagerClient(credentials: credentials, endpoints: try GoogleEndpoints(environment: environment),
                                   options: credentialsOptions.client, transport: transport)
    }

    /// Creates a secret with automatic replication. Repeating it after a lost answer returns the secret made.
    /// - Parameters:
    ///   - name: The secret to create.
    ///   - labels: Labels to set.
    /// - Returns: The secret's metadata.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/alreadyExists`` when it exists).
    @discardableResult
    public func createSecret(_ name: SecretName, labels: [String: String] = [:]) async throws -> SecretInfo {
        let body = try JSONEncoder().encode(SecretManagerWire.Create(labels: labels.isEmpty ? nil : labels))
        let call = try call(.post, "/v1/projects/\(name.project)/secrets", query: [("secretId", name.secret)],
                            body: body, idempotent: true, operation: "create secret \(name)")
        let (response, attempt) = try await exchange.perform(call)
        if response.statusCode == 409, attempt > 1 { return try await secret(name) }
        return try decode(SecretManagerWire.Secret.self, response, call).model
    }

    /// A secret's metadata.
    /// - Throws: ``GoogleCloudError``.
    public func secret(_ name: SecretName) async throws -> SecretInfo {
        try await exchange.json(SecretManagerWire.Secret.self,
                                try call(.get, "/v1/" + name.resourceName, idempotent: true, operation: "read \(name)"))
            .model
    }

    /// Deletes a secret and all its versions. A repeat that finds it gone counts as success.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/notFound`` when it never existed).
    public func deleteSecret(_ name: SecretName) async throws {
        let call = try call(.delete, "/v1/" + name.resourceName, idempotent: true, operation: "delete secret \(name)")
        let (response, attempt) = try await exchange.perform(call)
        if response.isSuccess || (response.statusCode == 404 && attempt > 1) { return }
        throw exchange.failure(response, call)
    }

    /// Adds a version holding `payload` (sent with its CRC-32C, which the server checks).
    /// - Parameters:
    ///   - secret: The secret.
    ///   - payload: At most 64 KiB.
    /// - Returns: The new version's metadata.
    /// - Throws: ``GoogleCloudError``.
    @discardableResult
    public func addVersion(to secret: SecretName, payload: SecretValue) async throws -> SecretVersionInfo {
        let operation = "add a version to \(secret)"
        guard payload.bytes.count <= Self.maximumPayloadSize else {
            throw GoogleCloudError(kind: .invalidInput, service: exchange.service, operation: operation,
                                   message: "the payload has \(payload.bytes.count) bytes; the limit is 64 KiB")
        }
        let wire = SecretManagerWire.AddVersion(payload: .init(
            data: Data(payload.bytes).base64EncodedString(), dataCrc32c: String(CRC32C.checksum(payload.bytes))))
        let call = try call(.post, "/v1/\(secret.resourceName):addVersion", body: try JSONEncoder().encode(wire),
                            idempotent: false, operation: operation)
        return try await exchange.json(SecretManagerWire.Version.self, call).model
    }

    /// Every version of a secret, newest first.
    /// - Throws: ``GoogleCloudError``.
    public func versions(of secret: SecretName) async throws -> [SecretVersionInfo] {
        var versions: [SecretVersionInfo] = []
        var token: String?
        for _ in 0..<100_000 {
            let page = try await exchange.json(SecretManagerWire.VersionList.self, try call(
                .get, "/v1/\(secret.resourceName)/versions", query: [("pageToken", token)], idempotent: true,
                operation: "list versions of \(secret)"))
            versions += (page.versions ?? []).map(\.model)
            guard let next = page.nextPageToken, !next.isEmpty, next != token else { return versions }
            token = next
        }
        return versions
    }

    /// A version's metadata.
    /// - Throws: ``GoogleCloudError``.
    public func version(_ name: SecretVersionName) async throws -> SecretVersionInfo {
        try await exchange.json(SecretManagerWire.Version.self,
                                try call(.get, "/v1/" + name.resourceName, idempotent: true, operation: "read \(name)"))
            .model
    }

    /// Disables a version (it can be enabled again).
    /// - Throws: ``GoogleCloudError``.
    @discardableResult
    public func disable(_ name: SecretVersionName) async throws -> SecretVersionInfo {
        try await changeState(name, action: "disable")
    }

    /// Enables a disabled version.
    /// - Throws: ``GoogleCloudError``.
    @discardableResult
    public func enable(_ name: SecretVersionName) async throws -> SecretVersionInfo {
        try await changeState(name, action: "enable")
    }

    /// Destroys a version's payload irreversibly.
    /// - Throws: ``GoogleCloudError``.
    @discardableResult
    public func destroy(_ name: SecretVersionName) async throws -> SecretVersionInfo {
        try await changeState(name, action: "destroy")
    }

    private func changeState(_ name: SecretVersionName, action: String) async throws -> SecretVersionInfo {
        // Setting a state is idempotent: repeating it leaves the same state.
        let call = try call(.post, "/v1/\(name.resourceName):\(action)", body: Data("{}".utf8), idempotent: true,
                            operation: "\(action) \(name)")
        return try await exchange.json(SecretManagerWire.Version.self, call).model
    }

    func call(
        _ method: HTTPMethod, _ path: String, query: [(String, String?)] = [], body: Data? = nil, idempotent: Bool,
        operation: String
    ) throws(GoogleCloudError) -> GoogleAPICall {
        guard let url = baseURL.appendingEncodedPath(path, query: query) else {
            throw GoogleCloudError(kind: .invalidInput, service: exchange.service, operation: operation,
                                   message: "could not build a request URL")
        }
        return GoogleAPICall(method: method, url: url, headers: body == nil ? [:] : ["Content-Type": "application/json"],
                             body: body, idempotent: idempotent, operation: operation,
                             timeout: exchange.options.requestTimeout)
    }

    func decode<Value: Decodable>(_ type: Value.Type, _ response: HTTPResponse, _ call: GoogleAPICall)
        throws(GoogleCloudError) -> Value
    {
        guard response.isSuccess else { throw exchange.failure(response, call) }
        guard let value = try? JSONDecoder().decode(Value.self, from: response.body) else {
            throw exchange.invalidResponse(call, response, expected: "the expected JSON")
        }
        return value
    }
}
