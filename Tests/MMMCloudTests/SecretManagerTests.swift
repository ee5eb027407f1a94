import Foundation
import MMMCloud
import MMMCore
import MMMTransport
import Testing

/// Secret Manager against the fake: the whole lifecycle, `latest` semantics, checksums, retries and names.
@Suite(.timeLimit(.minutes(5)))
struct SecretManagerTests {
    private func client(_ fake: FakeGoogle, log: (@Sendable (String) -> Void)? = nil) async throws
        -> (SecretManagerClient, GoogleCredentials)
    {
        let credentials = try await fake.serviceAccount(FakeGoogle.newAccount("secrets"))
        return (SecretManagerClient(credentials: credentials, endpoints: fake.endpoints, options: fastOptions(log: log)),
                credentials)
    }

    @Test func lifecycleWithLatestAndVersionStates() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let (secrets, _) = try await client(fake)
        let name = try SecretName(project: "my-project", secret: uniqueName("key"))
        let created = try await secrets.createSecret(name, labels: ["app": "mmm"])
        #expect(created.resourceName == "projects/424242/secrets/\(name.secret)", "answers use the project number")
        #expect(created.labels == ["app": "mmm"])
        let again = await #expect(throws: GoogleCloudError.self) { try await secrets.createSecret(name) }
        #expect(again?.kind == .alreadyExists)

        let v1 = try await secrets.addVersion(to: name, payload: SecretValue("first"))
        let v2 = try await secrets.addVersion(to: name, payload: SecretValue(bytes: [0, 255, 10, 13]))
        #expect(v1.version == "1" && v2.version == "2")
        #expect(v2.state == .enabled)
        let latest = try await secrets.access(SecretVersionName(secret: name))
        #expect(latest.value.bytes == [0, 255, 10, 13])
        #expect(latest.resourceName.hasSuffix("/versions/2"))
        #expect(try await secrets.access(SecretVersionName(secret: name, version: "1")).value.text == "first")

        #expect(try await secrets.disable(SecretVersionName(secret: name, version: "2")).state == .disabled)
        let disabled = await #expect(throws: GoogleCloudError.self) {
            try await secrets.access(SecretVersionName(secret: name))
        }
        #expect(disabled?.kind == .failedPrecondition, "latest is the newest version, never an older enabled one")
        #expect(disabled?.description.contains("DISABLED state") == true)
        #expect(try await secrets.enable(SecretVersionName(secret: name, version: "2")).state == .enabled)
        let destroyed = try await secrets.destroy(SecretVersionName(secret: name, version: "1"))
        #expect(destroyed.state == .destroyed)
        #expect(destroyed.destroyTime != nil)
        try await secrets.addVersion(to: name, payload: SecretValue("third"))
        let versions = try await secrets.versions(of: name)  // the fake pages by two
        #expect(versions.map(\.version) == ["3", "2", "1"])
        #expect(versions.map(\.state) == [.enabled, .enabled, .destroyed])
        #expect(try await secrets.version(SecretVersionName(secret: name, version: "3")).state == .enabled)

        try await secrets.deleteSecret(name)
        let gone = await #expect(throws: GoogleCloudError.self) { try await secrets.access(SecretVersionName(secret: name)) }
        #expect(gone?.kind == .notFound)
        #expect(gone?.description.contains("403 for secrets you cannot see") == true)
    }

    @Test func privateKeyPEMFromASecret() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let (secrets, _) = try await client(fake)
        let name = try SecretName(project: "p", secret: uniqueName("snowflake-key"))
        try await secrets.createSecret(name)
        let pem = try String(contentsOfFile: fake.keys.privateKey, encoding: .utf8)
        try await secrets.addVersion(to: name, payload: SecretValue(pem))
        let loaded = try await secrets.privateKeyPEM(resourceName: name.resourceName)
        #expect(loaded.text == pem)
        let key = try RSAPrivateKey(pem: Data(loaded.bytes), source: name.resourceName, passphrase: { nil })
        #expect(key.bitCount == 2048)
        #expect(try await secrets.privateKeyPEM(resourceName: name.resourceName + "/versions/1") == loaded)
        try await secrets.addVersion(to: name, payload: SecretValue("not-a-key-hunter2"))
        let error = await #expect(throws: GoogleCloudError.self) {
            try await secrets.privateKeyPEM(resourceName: name.resourceName)
        }
        #expect(error?.kind == .invalidInput)
        #expect(error?.description.contains("does not hold a PEM private key") == true)
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test func checksumsAreSentAndVerified() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let (secrets, _) = try await client(fake)
        let name = try SecretName(project: "p", secret: uniqueName("crc"))
        try await secrets.createSecret(name)
        try await secrets.addVersion(to: name, payload: SecretValue("payload"))
        let crc = String(CRC32C.checksum(Data("payload".utf8)))
        // One corrupted answer is retried; a persistently corrupted one is a clear error.
        try await fake.faults(name.secret + "/versions/latest:access", [["replace": [crc, "12345"]]])
        #expect(try await secrets.access(SecretVersionName(secret: name)).value.text == "payload")
        try await fake.faults(name.secret + "/versions/1:access", Array(repeating: ["replace": [crc, "12345"]] as [String: Any], count: 4))
        let error = await #expect(throws: GoogleCloudError.self) {
            try await secrets.access(SecretVersionName(secret: name, version: "1"))
        }
        #expect(error?.kind == .dataCorruption)
        #expect(error?.description.contains("payload") == true)
        #expect(error?.description.contains("12345") == false)
    }

    @Test func readsAreRetriedButAddVersionIsNot() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let (secrets, _) = try await client(fake)
        let name = try SecretName(project: "p", secret: uniqueName("retry"))
        try await fake.faults(name.secret, method: "POST", [["status": 503]])
        try await secrets.createSecret(name)  // creating is safe to repeat
        try await fake.faults(name.secret + ":addVersion", [["status": 503, "process": true]])
        let error = await #expect(throws: GoogleCloudError.self) {
            try await secrets.addVersion(to: name, payload: SecretValue("x"))
        }
        #expect(error?.kind == .serverError)
        #expect(try await fake.requests(name.secret + ":addVersion").count == 1, "not retried")
        try await fake.faults(name.secret + "/versions/1:access", [["status": 429], ["status": 500], ["reset": "before"]])
        #expect(try await secrets.access(SecretVersionName(secret: name, version: "1")).value.text == "x")
        #expect(try await fake.requests(name.secret + "/versions/1:access").count == 4)
    }

    @Test func createRetriedAfterItsAnswerWasLostReturnsTheSecret() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let (secrets, _) = try await client(fake)
        let name = try SecretName(project: "p", secret: uniqueName("lost"))
        try await fake.faults("secretId=" + name.secret, [["reset": "after"]])
        let created = try await secrets.createSecret(name)
        #expect(created.resourceName.hasSuffix(name.secret))
        #expect(try await fake.requests("secretId=" + name.secret).count == 2)
    }

    @Test func expiredTokenIsRefreshedOnceThenRetried() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let email = FakeGoogle.newAccount("expiry")
        let credentials = try await fake.serviceAccount(email)
        let secrets = SecretManagerClient(credentials: credentials, endpoints: fake.endpoints, options: fastOptions())
        let name = try SecretName(project: "p", secret: uniqueName("auth"))
        try await secrets.createSecret(name)
        try await fake.revoke(subject: email)  // the cached token now gets 401
        try await secrets.addVersion(to: name, payload: SecretValue("v"))
        #expect(await credentials.fetchCount == 2)
        let adds = try await fake.requests(name.secret + ":addVersion")
        #expect(adds.count == 2, "one 401, one retry with the new token")
        #expect(adds[0].bearer != adds[1].bearer)
        // A server that keeps answering 401 gets exactly one refresh per call, then a typed error.
        try await fake.faults(name.secret + "/versions/1:access", [["status": 401], ["status": 401]])
        let error = await #expect(throws: GoogleCloudError.self) {
            try await secrets.access(SecretVersionName(secret: name, version: "1"))
        }
        #expect(error?.kind == .unauthenticated)
        #expect(await credentials.fetchCount == 3)
    }

    @Test func namesAndLimits() async throws {
        #expect(try SecretVersionName(resourceName: "projects/p/secrets/s").version == "latest")
        #expect(try SecretVersionName(resourceName: "projects/p/secrets/s/versions/7").resourceName
            == "projects/p/secrets/s/versions/7")
        for bad in ["projects/p/secrets", "projects/p/secrets/s/versions/0", "projects/p/secrets/s/versions/x",
                    "projects//secrets/s", "projects/p/secrets/bad name", "secrets/s", "projects/p/secrets/s/versions"] {
            let error = #expect(throws: GoogleCloudError.self) { try SecretVersionName(resourceName: bad) }
            #expect(error?.kind == .invalidInput, "\(bad)")
            #expect(error?.category.exitCode == 2)
        }
        guard let fake = try await FakeGoogle.get() else { return }
        let (secrets, _) = try await client(fake)
        let big = SecretValue(bytes: Array(repeating: 7, count: SecretManagerClient.maximumPayloadSize + 1))
        let error = await #expect(throws: GoogleCloudError.self) {
            try await secrets.addVersion(to: SecretName(project: "p", secret: "s"), payload: big)
        }
        #expect(error?.kind == .invalidInput)
    }
}
