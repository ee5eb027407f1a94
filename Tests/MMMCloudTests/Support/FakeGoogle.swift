import Foundation
import MMMCloud
import MMMTestSupport
import MMMTransport

/// The Python fake of the Google APIs (`Tests/Fixtures/gcp/fake_google.py`), started once per test process and
/// shared by every suite. Tests keep to their own resources (unique e-mails, secrets, buckets, jobs).
final class FakeGoogle: Sendable {
    static let shared = SharedResource<FakeGoogle> { try await FakeGoogle() }

    let server: PythonServer
    let keys: GCPTestKeys
    private let control = URLSessionTransport()

    private init() async throws {
        keys = try GCPTestKeys.shared.get()
        server = try await PythonServer(
            script: "fake_google.py", fixtures: "gcp",
            arguments: ["--public-key", "\(GCPTestKeys.keyID)=\(keys.publicKey)", "--watch-stdin"],
            exitWhenTestsExit: true)
    }

    /// The shared fake, or `nil` (after a loud SKIPPED line) when Python's `cryptography` is missing.
    static func get() async throws -> FakeGoogle? {
        do {
            return try await shared.get()
        } catch let error as PythonServer.Unavailable {
            skipped("Google API fakes: \(error.reason)")
            return nil
        }
    }

    var baseURL: URL { server.baseURL }
    var tokenURI: URL { baseURL.appendingPathComponent("token") }
    var hostAndPort: String { "127.0.0.1:\(server.port)" }

    /// An environment whose endpoints all point at this fake (no credentials chosen yet).
    func environment(_ extra: [String: String] = [:], files: InMemoryCloudFiles? = nil) -> GoogleCloudEnvironment {
        var variables = [
            "MMM_SECRETMANAGER_ENDPOINT": baseURL.absoluteString, "MMM_RUN_ENDPOINT": baseURL.absoluteString,
            "MMM_IAMCREDENTIALS_ENDPOINT": baseURL.absoluteString, "HOME": "/nonexistent-home",
        ]
        variables.merge(extra) { _, new in new }
        if let files { return GoogleCloudEnvironment(variables: variables, homeDirectory: "/nonexistent-home", fileSystem: files) }
        return GoogleCloudEnvironment(variables: variables, homeDirectory: "/nonexistent-home")
    }

    /// Endpoints of this fake (Cloud Storage included, as an authenticated service — not an emulator).
    var endpoints: GoogleEndpoints {
        var endpoints = (try? GoogleEndpoints(environment: environment())) ?? .production
        endpoints.storage = baseURL
        return endpoints
    }

    /// Service-account credentials for `email` (key file → JWT → fake token endpoint).
    func serviceAccount(_ email: String, options: GoogleCredentialsOptions? = nil, useOtherKey: Bool = false)
        async throws -> GoogleCredentials
    {
        let path = try keys.serviceAccountFile(email: email, tokenURI: tokenURI, useOtherKey: useOtherKey)
        return try await GoogleCredentials.discover(
            environment: environment(["GOOGLE_APPLICATION_CREDENTIALS": path]),
            options: options ?? GoogleCredentialsOptions(client: fastOptions()))
    }

    /// A fresh service-account e-mail (the fake accepts any `…iam.gserviceaccount.com`).
    static func newAccount(_ prefix: String = "sa") -> String { uniqueName(prefix) + "@fake-project.iam.gserviceaccount.com" }

    // MARK: - Control

    func post(_ path: String, _ json: [String: Any]) async throws {
        let body = try JSONSerialization.data(withJSONObject: json)
        let response = try await control.send(HTTPRequest(
            method: .post, url: baseURL.appendingPathComponent(path), headers: ["Content-Type": "application/json"],
            body: body))
        guard response.statusCode == 200 else { throw ControlFailure(path: path, status: response.statusCode) }
    }

    func get(_ path: String, query: String = "") async throws -> Any {
        let url = URL(string: baseURL.absoluteString + path + (query.isEmpty ? "" : "?" + query)) ?? baseURL
        let response = try await control.send(HTTPRequest(method: .get, url: url))
        return try JSONSerialization.jsonObject(with: response.body)
    }

    struct ControlFailure: Error { let path: String; let status: Int }

    /// Injects faults for requests whose path and query contain `match` (and whose `header` contains the text).
    func faults(_ match: String, method: String? = nil, header: (String, String)? = nil, _ faults: [[String: Any]])
        async throws
    {
        var rule: [String: Any] = ["match": match, "faults": faults]
        if let method { rule["method"] = method }
        if let header { rule["header"] = [header.0, header.1] }
        try await post("/_fake/faults", rule)
    }

    /// Logged requests whose path and query contain `match`.
    func requests(_ match: String) async throws -> [LoggedRequest] {
        let escaped = match.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? match
        let list = try await get("/_fake/requests", query: "match=" + escaped) as? [[String: Any]] ?? []
        return list.map(LoggedRequest.init)
    }

    func revoke(subject: String) async throws { try await post("/_fake/revoke", ["subject": subject]) }
}

/// One request as the fake logged it.
struct LoggedRequest {
    let method: String
    let target: String
    let path: String
    let query: [String: String]
    let headers: [String: String]
    let bodySize: Int
    let faulted: Bool

    init(_ json: [String: Any]) {
        method = json["method"] as? String ?? ""
        target = json["target"] as? String ?? ""
        path = json["path"] as? String ?? ""
        query = json["query"] as? [String: String] ?? [:]
        headers = json["headers"] as? [String: String] ?? [:]
        bodySize = json["bodySize"] as? Int ?? 0
        faulted = !(json["fault"] is NSNull) && json["fault"] != nil
    }

    /// The bearer token sent, if any.
    var bearer: String? {
        guard let value = headers["authorization"], value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst(7))
    }
}
