import Foundation
import MMMCloud
import MMMTransport
import Testing

/// Token acquisition against the fake token endpoint, metadata server and IAM Credentials.
@Suite(.timeLimit(.minutes(5)))
struct TokenFlowTests {
    @Test func serviceAccountJWTIsVerifiedByTheTokenEndpoint() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let email = FakeGoogle.newAccount()
        let credentials = try await fake.serviceAccount(email)
        let before = Int(Date().timeIntervalSince1970)
        let token = try #require(try await credentials.accessToken())
        // Bracketed by the clock on both sides: a loaded machine can take seconds between the two reads.
        let after = Int(Date().timeIntervalSince1970)
        #expect(token.text.hasPrefix("ya29.fake-"))
        let assertions = try #require(try await fake.get("/_fake/assertions", query: "iss=" + email) as? [[String: Any]])
        let first = try #require(assertions.first)
        let header = try #require(first["header"] as? [String: Any])
        let claims = try #require(first["claims"] as? [String: Any])
        #expect(header["kid"] as? String == GCPTestKeys.keyID)
        #expect(claims["aud"] as? String == fake.tokenURI.absoluteString)
        #expect(claims["scope"] as? String == GoogleCredentialsOptions.cloudPlatformScope)
        let iat = try #require(claims["iat"] as? Int)
        #expect((before...after).contains(iat), "iat \(iat) outside [\(before), \(after)]")
        #expect(claims["exp"] as? Int == iat + 3600)
        #expect(try await credentials.accessToken() == token, "cached")
        #expect(await credentials.fetchCount == 1)
    }

    @Test func wrongKeyIsRefusedWithAHint() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let credentials = try await fake.serviceAccount(FakeGoogle.newAccount(), useOtherKey: true)
        let error = await #expect(throws: GoogleCredentialsError.self) { try await credentials.accessToken() }
        #expect(error?.kind == .tokenRefused)
        #expect(error?.description.contains("invalid_grant") == true)
        #expect(error?.description.contains("Invalid JWT Signature.") == true)
        #expect(error?.description.contains("deleted or rotated") == true)
    }

    @Test func clockSkewIsExplained() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let clock = AdjustableClock()
        clock.advance(by: 7200)
        let credentials = try await fake.serviceAccount(
            FakeGoogle.newAccount(), options: GoogleCredentialsOptions(clock: clock, client: fastOptions()))
        let error = await #expect(throws: GoogleCredentialsError.self) { try await credentials.accessToken() }
        #expect(error?.description.contains("check this machine's clock") == true)
    }

    @Test func authorizedUserRefreshAndRevokedRefreshToken() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let refresh = "1//" + uniqueName("rt")
        try await fake.post("/_fake/users", ["client_id": "cid.apps.googleusercontent.com", "client_secret": "cs-" + refresh,
                                             "refresh_token": refresh, "subject": "user@example.com"])
        func user(_ token: String) throws -> String {
            try fake.keys.write(["type": "authorized_user", "client_id": "cid.apps.googleusercontent.com",
                                 "client_secret": "cs-" + refresh, "refresh_token": token, "quota_project_id": "billing-p",
                                 "token_uri": fake.tokenURI.absoluteString], name: uniqueName("user") + ".json")
        }
        let options = GoogleCredentialsOptions(client: fastOptions())
        let good = try await GoogleCredentials.discover(
            environment: fake.environment(["GOOGLE_APPLICATION_CREDENTIALS": try user(refresh)]), options: options)
        #expect(good.kind == .authorizedUser)
        #expect(good.quotaProjectID == "billing-p")
        let token = try #require(try await good.accessToken())
        // User credentials bill API calls to the quota project.
        let secret = try SecretName(project: "p", secret: uniqueName("quota"))
        try await SecretManagerClient(credentials: good, endpoints: fake.endpoints, options: fastOptions()).createSecret(secret)
        let request = try #require(try await fake.requests(secret.secret).first)
        #expect(request.headers["x-goog-user-project"] == "billing-p")
        #expect(request.bearer == token.text)
        #expect(request.headers["user-agent"] == "mmm-trainer-tests/1.0")
        let revoked = try await GoogleCredentials.discover(
            environment: fake.environment(["GOOGLE_APPLICATION_CREDENTIALS": try user("1//revoked")]), options: options)
        let error = await #expect(throws: GoogleCredentialsError.self) { try await revoked.accessToken() }
        #expect(error?.kind == .tokenRefused)
        #expect(error?.description.contains("Token has been expired or revoked.") == true)
        #expect(error?.description.contains("gcloud auth application-default login") == true)
    }

    @Test func metadataServerIsFoundAndUsed() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let environment = fake.environment(["GCE_METADATA_HOST": fake.hostAndPort])
        let credentials = try await GoogleCredentials.discover(
            environment: environment, options: GoogleCredentialsOptions(client: fastOptions()))
        #expect(credentials.kind == .metadataServer)
        #expect(credentials.projectID == "fake-project")
        #expect(try await credentials.accessToken() != nil)
        let server = MetadataServer(endpoints: try GoogleEndpoints(environment: environment))
        #expect(try await server.serviceAccountEmail() == "runner@fake-project.iam.gserviceaccount.com")
        let requests = try await fake.requests("/computeMetadata/v1/")
        #expect(!requests.isEmpty)
        #expect(requests.allSatisfy { $0.headers["metadata-flavor"] == "Google" })
    }

    @Test func anAnswerWithoutMetadataFlavorIsRejected() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        // A unique scope keeps this fault away from the other tests' metadata reads.
        let marker = uniqueName("flavor")
        try await fake.faults("scopes=" + marker, [["status": 200, "body": ["access_token": "x"]]])
        let credentials = try await GoogleCredentials.discover(
            environment: fake.environment(["GCE_METADATA_HOST": fake.hostAndPort]),
            options: GoogleCredentialsOptions(metadataScopes: [marker], client: fastOptions()))
        let error = await #expect(throws: GoogleCredentialsError.self) { try await credentials.accessToken() }
        #expect(error?.kind == .metadataServer)
        #expect(error?.description.contains("not a metadata server") == true)
    }

    @Test func concurrentCallersShareOneRefresh() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let email = FakeGoogle.newAccount()
        let credentials = try await fake.serviceAccount(email)
        try await fake.faults("/token", method: "POST", [["delay": 0.5]])
        let tokens = try await withThrowingTaskGroup(of: SecretValue?.self) { group in
            for _ in 0..<20 { group.addTask { try await credentials.accessToken() } }
            var all: [SecretValue?] = []
            for try await token in group { all.append(token) }
            return all
        }
        #expect(Set(tokens.compactMap { $0?.text }).count == 1)
        #expect(await credentials.fetchCount == 1)
        let assertions = try #require(try await fake.get("/_fake/assertions", query: "iss=" + email) as? [Any])
        #expect(assertions.count == 1)
    }

    @Test func tokensAreRefreshedBeforeTheyExpire() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let clock = AdjustableClock()
        let environment = fake.environment(["GCE_METADATA_HOST": fake.hostAndPort])
        let credentials = try await GoogleCredentials.discover(
            environment: environment, options: GoogleCredentialsOptions(clock: clock, client: fastOptions()))
        let first = try await credentials.accessToken()
        clock.advance(by: 3599 - 300)  // 300 s left: more than the 225 s margin
        #expect(try await credentials.accessToken() == first)
        clock.advance(by: 100)  // 200 s left: refresh
        let second = try await credentials.accessToken()
        #expect(second != first)
        #expect(await credentials.fetchCount == 2)
    }

    @Test func tokenEndpointOutagesAreRetried() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let email = FakeGoogle.newAccount()
        let credentials = try await fake.serviceAccount(email)
        try await fake.faults("/token", method: "POST", [["status": 503], ["reset": "before"],
                                                         ["status": 400, "body": ["error": "temporarily_unavailable"]]])
        #expect(try await credentials.accessToken() != nil)
    }

    @Test func impersonationMintsTargetTokensFromTheSource() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let source = FakeGoogle.newAccount("source")
        let target = FakeGoogle.newAccount("target")
        let hop = FakeGoogle.newAccount("hop")
        let path = try fake.keys.serviceAccountFile(email: source, tokenURI: fake.tokenURI)
        let credentials = try await GoogleCredentials.discover(
            environment: fake.environment(["GOOGLE_APPLICATION_CREDENTIALS": path,
                                           "GOOGLE_IMPERSONATE_SERVICE_ACCOUNT": "ignored@p.iam.gserviceaccount.com"]),
            options: GoogleCredentialsOptions(impersonateServiceAccount: hop + "," + target, client: fastOptions()))
        #expect(credentials.kind == .impersonated(target: target, source: "service account \(source) (key file)"))
        #expect(credentials.projectID == "key-project")
        let token = try #require(try await credentials.accessToken())
        let log = try #require(try await fake.get("/_fake/impersonations") as? [[String: Any]])
        let entry = try #require(log.first { $0["target"] as? String == target })
        #expect(entry["source"] as? String == source)
        #expect(entry["delegates"] as? [String] == ["projects/-/serviceAccounts/" + hop])
        #expect(entry["scope"] as? [String] == [GoogleCredentialsOptions.cloudPlatformScope])
        // The impersonated token is accepted by an API as the target.
        let secrets = SecretManagerClient(credentials: credentials, endpoints: fake.endpoints, options: fastOptions())
        let name = try SecretName(project: "p-imp", secret: uniqueName("s"))
        try await secrets.createSecret(name)
        #expect(try await fake.requests(name.secret).first?.bearer == token.text)
    }

    @Test func impersonationDeniedExplainsTheRole() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let path = try fake.keys.serviceAccountFile(email: FakeGoogle.newAccount(), tokenURI: fake.tokenURI)
        let credentials = try await GoogleCredentials.discover(
            environment: fake.environment(["GOOGLE_APPLICATION_CREDENTIALS": path]),
            options: GoogleCredentialsOptions(impersonateServiceAccount: "denied-x@p.iam.gserviceaccount.com",
                                              client: fastOptions()))
        let error = await #expect(throws: GoogleCredentialsError.self) { try await credentials.accessToken() }
        #expect(error?.kind == .impersonationFailed)
        #expect(error?.description.contains("roles/iam.serviceAccountTokenCreator") == true)
        #expect(error?.description.contains("PERMISSION_DENIED") == true)
    }
}
