import Foundation
import MMMCloud
import MMMCore
import Testing

@Suite struct EndpointsTests {
    private func endpoints(_ variables: [String: String]) throws -> GoogleEndpoints {
        try GoogleEndpoints(environment: GoogleCloudEnvironment(variables: variables, homeDirectory: "/h"))
    }

    @Test func defaultsAreGooglesPublicEndpoints() throws {
        let defaults = try endpoints([:])
        #expect(defaults == .production)
        #expect(defaults.storage.absoluteString == "https://storage.googleapis.com")
        #expect(!defaults.storageIsEmulator)
        #expect(defaults.metadata.absoluteString == "http://metadata.google.internal")
        #expect(defaults.metadataPing.absoluteString == "http://169.254.169.254")
    }

    @Test func overridesFromTheEnvironment() throws {
        let found = try endpoints([
            "STORAGE_EMULATOR_HOST": "127.0.0.1:4443", "MMM_SECRETMANAGER_ENDPOINT": "http://127.0.0.1:8123/",
            "MMM_RUN_ENDPOINT": "https://europe-west1-run.googleapis.com/v2", "MMM_IAMCREDENTIALS_ENDPOINT": "http://h:1/v1",
            "GCE_METADATA_HOST": "127.0.0.1:9999",
        ])
        #expect(found.storage.absoluteString == "http://127.0.0.1:4443")
        #expect(found.storageIsEmulator)
        #expect(found.secretManager.absoluteString == "http://127.0.0.1:8123")
        #expect(found.run.absoluteString == "https://europe-west1-run.googleapis.com")
        #expect(found.iamCredentials.absoluteString == "http://h:1")
        #expect(found.metadata.absoluteString == "http://127.0.0.1:9999")
        #expect(found.metadataPing.absoluteString == "http://127.0.0.1:9999", "the metadata host is also pinged")
        let legacy = try endpoints(["GCE_METADATA_ROOT": "10.0.0.1", "GCE_METADATA_IP": "10.0.0.2:80"])
        #expect(legacy.metadata.absoluteString == "http://10.0.0.1")
        #expect(legacy.metadataPing.absoluteString == "http://10.0.0.2:80")
        #expect(try endpoints(["STORAGE_EMULATOR_HOST": "  "]) == .production, "blank means unset")
    }

    @Test(arguments: ["MMM_SECRETMANAGER_ENDPOINT", "MMM_RUN_ENDPOINT", "MMM_IAMCREDENTIALS_ENDPOINT"])
    func malformedOverridesNameTheVariable(variable: String) {
        for value in ["127.0.0.1:8123", "ftp://x", "http://h/x?y=1", "not a url"] {
            let error = #expect(throws: GoogleCredentialsError.self) { try endpoints([variable: value]) }
            #expect(error?.kind == .invalidConfiguration)
            #expect(error?.description.contains(variable) == true)
            #expect(error?.category.exitCode == 2)
        }
    }
}
