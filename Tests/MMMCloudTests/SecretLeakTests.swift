import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import MMMCloud
import MMMCore
import MMMTestSupport
import MMMTransport
import Testing

/// Runs success and failure flows of every client with logging on, gathers everything the library lets out (log
/// lines, error descriptions, dumps of credentials, clients, payloads and objects) and greps it for the private
/// key, every token and JWT assertion the fakes saw, the refresh token, the client secret, secret payloads and
/// resumable-upload session ids.
@Suite(.timeLimit(.minutes(5)))
struct SecretLeakTests {
    @Test func noSecretReachesLogsErrorsOrDumps() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let logs = LogCapture()
        let options = fastOptions(log: logs.handler)
        var outputs: [String] = []
        func record(_ value: Any) {
            outputs.append(String(describing: value))
            outputs.append(String(reflecting: value))
            var dumped = ""
            dump(value, to: &dumped)
            outputs.append(dumped)
        }
        func attempt(_ body: () async throws -> Any) async {
            do { record(try await body()) } catch { record(error) }
        }

        // Service account → Secret Manager, with a token revoked midway (401 → refresh) and failures.
        let email = FakeGoogle.newAccount("leak")
        let credentials = try await fake.serviceAccount(
            email, options: GoogleCredentialsOptions(client: options))
        record(credentials)
        let secrets = SecretManagerClient(credentials: credentials, endpoints: fake.endpoints, options: options)
        record(secrets)
        let name = try SecretName(project: "p", secret: uniqueName("leak"))
        let payload = "payload-" + UUID().uuidString
        try await secrets.createSecret(name)
        try await secrets.addVersion(to: name, payload: SecretValue(payload))
        try await fake.revoke(subject: email)
        await attempt { try await secrets.access(SecretVersionName(secret: name)) }
        await attempt { try await secrets.privateKeyPEM(resourceName: name.resourceName) }
        try await fake.faults(name.secret + "/versions/1:access", Array(repeating: ["corrupt": true] as [String: Any], count: 4))
        await attempt { try await secrets.access(SecretVersionName(secret: name, version: "1")) }
        try await secrets.disable(SecretVersionName(secret: name, version: "1"))
        await attempt { try await secrets.access(SecretVersionName(secret: name)) }

        // gcloud user credentials, good and revoked.
        let refresh = "1//" + uniqueName("refresh")
        let clientSecret = "client-secret-" + UUID().uuidString
        try await fake.post("/_fake/users", ["client_id": "cid", "client_secret": clientSecret, "refresh_token": refresh,
                                             "subject": "leaky@example.com"])
        for token in [refresh, "1//revoked-" + UUID().uuidString] {
            let path = try fake.keys.write(["type": "authorized_user", "client_id": "cid", "client_secret": clientSecret,
                                            "refresh_token": token, "token_uri": fake.tokenURI.absoluteString],
                                           name: uniqueName("user") + ".json")
            let user = try await GoogleCredentials.discover(
                environment: fake.environment(["GOOGLE_APPLICATION_CREDENTIALS": path]),
                options: GoogleCredentialsOptions(client: options))
            record(user)
            await attempt { try await user.accessToken() as Any }
        }
        // Wrong key, impersonation (granted and denied).
        await attempt { try await fake.serviceAccount(FakeGoogle.newAccount(), options: GoogleCredentialsOptions(client: options),
                                                      useOtherKey: true).accessToken() as Any }
        for target in [FakeGoogle.newAccount("target"), "denied-" + FakeGoogle.newAccount()] {
            let impersonated = try await fake.serviceAccount(
                FakeGoogle.newAccount(), options: GoogleCredentialsOptions(impersonateServiceAccount: target, client: options))
            record(impersonated)
            await attempt { try await impersonated.accessToken() as Any }
        }

        // Cloud Storage: a resumable upload with a failed chunk (session ids in URLs), reads, a 412.
        let bucket = uniqueName("bkt")
        try await fake.post("/_fake/gcs/buckets", ["name": bucket, "requireAuth": true])
        let storage = GCSClient(credentials: credentials, endpoints: fake.endpoints, options: options,
                                transfer: GCSFaultTests.small)
        record(storage)
        let (file, _) = try GCSFaultTests.file(600_000, seed: 9)
        let uri = try GCSURI("gs://\(bucket)/leak.bin")
        try await fake.faults(bucket, method: "PUT", [[:], ["status": 503]])
        await attempt { try await storage.upload(fileAt: file, to: uri, preconditions: .doesNotExist) }
        await attempt { try await storage.upload(fileAt: file, to: uri, preconditions: .doesNotExist) }
        await attempt { try await storage.read(uri) }

        // Cloud Run.
        let job = try CloudRunJobName(project: "p", location: "l", job: uniqueName("job"))
        try await fake.post("/_fake/run/jobs", ["name": job.resourceName, "taskCount": 1])
        let run = CloudRunClient(credentials: credentials, endpoints: fake.endpoints, options: options)
        record(run)
        await attempt { try await run.run(job) }
        outputs.append(contentsOf: await logs.finish())

        let requests = try await fake.requests("")
        let tokens = Set(requests.compactMap(\.bearer))
        let sessions = Set(requests.compactMap { $0.query["upload_id"] })
        let assertions = try #require(try await fake.get("/_fake/assertions", query: "iss=" + email) as? [[String: Any]])
        let jwts = assertions.compactMap { $0["raw"] as? String }
        #expect(tokens.count >= 4)
        #expect(!sessions.isEmpty)
        #expect(!jwts.isEmpty)
        let secretsToFind = try fake.keys.secretLines() + Array(tokens) + Array(sessions) + jwts
            + jwts.compactMap { $0.split(separator: ".").last.map(String.init) }
            + [payload, refresh, clientSecret]
        #expect(outputs.count > 40)
        #expect(outputs.contains { $0.contains("gcs: PUT /upload/storage/v1/b/\(bucket)/o?uploadType=resumable&upload_id=<redacted>") })
        #expect(outputs.contains { $0.contains("secretmanager: GET") && $0.contains("-> HTTP 401") })
        for output in outputs {
            let bytes = Array(output.utf8)
            for secret in secretsToFind + ["Bearer", "ya29."] where Self.bytes(bytes, contain: secret) {
                Issue.record("'\(secret.prefix(12))…' leaked into: \(output.prefix(300))")
            }
        }
    }

    /// Byte-wise substring search (Foundation's `String.contains` is far too slow for this many probes).
    private static func bytes(_ haystack: [UInt8], contain needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let base = hay.baseAddress, let pattern = pin.baseAddress else { return false }
                var offset = 0
                while offset + pin.count <= hay.count {
                    // memchr finds the next candidate first byte, memcmp checks the rest.
                    guard let found = memchr(base + offset, Int32(needle[0]), hay.count - offset - pin.count + 1) else {
                        return false
                    }
                    if memcmp(found, pattern, pin.count) == 0 { return true }
                    offset = base.distance(to: UnsafeRawPointer(found)) + 1
                }
                return false
            }
        }
    }
}
