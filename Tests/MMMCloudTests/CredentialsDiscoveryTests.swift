import Foundation
import MMMCloud
import MMMCore
import MMMTransport
import Testing

/// Discovery order and its error cases, on an in-memory file system (no network: the metadata check is skipped
/// with NO_GCE_CHECK or pointed at a closed port).
@Suite struct CredentialsDiscoveryTests {
    private let options = GoogleCredentialsOptions(metadataPingTimeout: 2, metadataPingAttempts: 1,
                                                   client: fastOptions())

    private func discover(_ variables: [String: String], _ files: [String: String] = [:]) async throws
        -> GoogleCredentials
    {
        let environment = GoogleCloudEnvironment(variables: variables, homeDirectory: "/home/u",
                                                 fileSystem: InMemoryCloudFiles(files: files))
        return try await GoogleCredentials.discover(environment: environment, options: options)
    }

    private static let user = #"{"type":"authorized_user","client_id":"id.apps.googleusercontent.com","#
        + #""client_secret":"cs","refresh_token":"1//rt","quota_project_id":"quota-p"}"#

    private static func serviceAccount() throws -> String {
        let pem = try String(contentsOfFile: GCPTestKeys.shared.get().privateKey, encoding: .utf8)
        let json: [String: Any] = ["type": "service_account", "project_id": "key-project", "private_key_id": "k1",
                                   "private_key": pem, "client_email": "sa@key-project.iam.gserviceaccount.com"]
        return String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
    }

    @Test func explicitFileWinsAndAMissingOneIsAnErrorNotAFallThrough() async throws {
        let gcloud = "/home/u/.config/gcloud/application_default_credentials.json"
        let found = try await discover(["GOOGLE_APPLICATION_CREDENTIALS": "/keys/sa.json", "NO_GCE_CHECK": "true"],
                                       ["/keys/sa.json": try Self.serviceAccount(), gcloud: Self.user])
        #expect(found.kind == .serviceAccount(email: "sa@key-project.iam.gserviceaccount.com"))
        #expect(found.projectID == "key-project")
        let error = await #expect(throws: GoogleCredentialsError.self) {
            try await discover(["GOOGLE_APPLICATION_CREDENTIALS": "/keys/missing.json"], [gcloud: Self.user])
        }
        #expect(error?.kind == .invalidFile)
        #expect(error?.source == "/keys/missing.json")
        #expect(error?.description.contains("does not exist") == true)
    }

    @Test func gcloudFileUnderHomeOrCloudsdkConfigWithGcloudProject() async throws {
        let home = try await discover(["NO_GCE_CHECK": "true"],
                                      ["/home/u/.config/gcloud/application_default_credentials.json": Self.user,
                                       "/home/u/.config/gcloud/active_config": "work\n",
                                       "/home/u/.config/gcloud/configurations/config_work": "[core]\naccount = a@b\nproject = gcloud-p\n"])
        #expect(home.kind == .authorizedUser)
        #expect(home.projectID == "gcloud-p")
        #expect(home.quotaProjectID == "quota-p")
        let custom = try await discover(["CLOUDSDK_CONFIG": "/cfg", "CLOUDSDK_CORE_PROJECT": "env-p",
                                         "GOOGLE_CLOUD_QUOTA_PROJECT": "other-quota"],
                                        ["/cfg/application_default_credentials.json": Self.user])
        #expect(custom.kind == .authorizedUser)
        #expect(custom.projectID == "env-p")
        #expect(custom.quotaProjectID == "other-quota")
    }

    @Test func projectPrecedence() async throws {
        let files = ["/k.json": try Self.serviceAccount()]
        #expect(try await discover(["GOOGLE_APPLICATION_CREDENTIALS": "/k.json", "GOOGLE_CLOUD_PROJECT": "env-p",
                                    "GCLOUD_PROJECT": "legacy"], files).projectID == "env-p")
        #expect(try await discover(["GOOGLE_APPLICATION_CREDENTIALS": "/k.json", "GCLOUD_PROJECT": "legacy"], files)
            .projectID == "legacy")
    }

    @Test func nothingFoundExplainsWhatWasTried() async throws {
        for variables in [["NO_GCE_CHECK": "true"], ["GCE_METADATA_HOST": "127.0.0.1:9"]] {
            let error = await #expect(throws: GoogleCredentialsError.self) { try await discover(variables) }
            #expect(error?.kind == .notFound)
            #expect(error?.description.contains("gcloud auth application-default login") == true)
            #expect(error?.description.contains("/home/u/.config/gcloud/application_default_credentials.json") == true)
            #expect(error?.category.exitCode == 2)
        }
    }

    @Test(arguments: [
        ("not json", GoogleCredentialsError.Kind.invalidFile, "not a JSON object"),
        (#"{"type":"external_account"}"#, .unsupportedType, "'external_account' are not supported"),
        (#"{"client_email":"x"}"#, .invalidFile, "has no 'type'"),
        (#"{"type":"service_account","client_email":"x@y"}"#, .invalidFile, "has no 'private_key'"),
        (#"{"type":"service_account","client_email":"x@y","private_key":"garbage"}"#, .invalidFile, "private key"),
        (#"{"type":"authorized_user","client_id":"a","client_secret":"b"}"#, .invalidFile, "has no 'refresh_token'"),
        (#"{"type":"impersonated_service_account","service_account_impersonation_url":"https://x/v1/projects/-/serviceAccounts/t@p.iam.gserviceaccount.com:generateAccessToken"}"#,
         .invalidFile, "source_credentials"),
    ])
    func badFilesAreClearErrors(content: String, kind: GoogleCredentialsError.Kind, phrase: String) async throws {
        let error = await #expect(throws: GoogleCredentialsError.self) {
            try await discover(["GOOGLE_APPLICATION_CREDENTIALS": "/bad.json"], ["/bad.json": content])
        }
        #expect(error?.kind == kind)
        #expect(error?.description.contains(phrase) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("garbage") == false, "file contents are never quoted")
    }

    @Test func unreadableFileAndBadImpersonationTarget() async throws {
        let unreadable = GoogleCloudEnvironment(
            variables: ["GOOGLE_APPLICATION_CREDENTIALS": "/k.json"], homeDirectory: "/h",
            fileSystem: InMemoryCloudFiles(files: ["/k.json": "{}"], unreadable: ["/k.json"]))
        await #expect(throws: GoogleCredentialsError.self) {
            try await GoogleCredentials.discover(environment: unreadable, options: options)
        }
        let error = await #expect(throws: GoogleCredentialsError.self) {
            try await discover(["GOOGLE_APPLICATION_CREDENTIALS": "/k.json", "GOOGLE_IMPERSONATE_SERVICE_ACCOUNT": "not-an-email"],
                               ["/k.json": Self.user])
        }
        #expect(error?.kind == .invalidConfiguration)
    }

    @Test func impersonationChainsAndADCFiles() async throws {
        let chained = try await discover(
            ["GOOGLE_APPLICATION_CREDENTIALS": "/k.json",
             "GOOGLE_IMPERSONATE_SERVICE_ACCOUNT": "hop@p.iam.gserviceaccount.com, target@p.iam.gserviceaccount.com"],
            ["/k.json": Self.user])
        #expect(chained.kind == .impersonated(target: "target@p.iam.gserviceaccount.com", source: "gcloud user credentials"))
        let file = #"{"type":"impersonated_service_account","delegates":[],"#
            + #""service_account_impersonation_url":"https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/t@p.iam.gserviceaccount.com:generateAccessToken","#
            + #""source_credentials":\#(Self.user)}"#
        let adc = try await discover(["GOOGLE_APPLICATION_CREDENTIALS": "/imp.json"], ["/imp.json": file])
        #expect(adc.kind == .impersonated(target: "t@p.iam.gserviceaccount.com", source: "gcloud user credentials"))
        #expect(adc.quotaProjectID == "quota-p")
    }
}
