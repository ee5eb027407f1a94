import Foundation
import MMMCloud
import MMMTransport

/// The Google Cloud clients of one process, made on first use and sharing one set of credentials.
///
/// Credential discovery can take seconds (the metadata-server check off Google Cloud), so a command that never
/// touches `gs://` or Secret Manager never pays for it, and one that does pays once. Against a
/// `STORAGE_EMULATOR_HOST` emulator, Cloud Storage needs no credentials at all (as in Google's libraries).
public actor GoogleCloudServices {
    /// The environment clients are made from.
    public nonisolated let environment: GoogleCloudEnvironment
    /// Discovery and client options (impersonation, retries, logging).
    public nonisolated let options: GoogleCredentialsOptions

    private var credentialsTask: Task<GoogleCredentials, any Error>?
    private var storageClient: GCSClient?

    /// Services for an environment.
    /// - Parameters:
    ///   - environment: Usually ``GoogleCloudEnvironment/current()``.
    ///   - options: Credential discovery options.
    public init(environment: GoogleCloudEnvironment, options: GoogleCredentialsOptions = GoogleCredentialsOptions()) {
        self.environment = environment
        self.options = options
    }

    /// The discovered Application Default Credentials (one discovery, shared by concurrent callers).
    /// - Throws: ``GoogleCredentialsError`` when none are found or a variable is malformed.
    public func credentials() async throws -> GoogleCredentials {
        if let credentialsTask { return try await credentialsTask.value }
        let (environment, options) = (self.environment, self.options)
        let task = Task { try await GoogleCredentials.discover(environment: environment, options: options) }
        credentialsTask = task
        return try await task.value
    }

    /// The default project: `GOOGLE_CLOUD_PROJECT`, the key file's, gcloud's, or the metadata server's.
    /// - Throws: ``GoogleCredentialsError`` when no credentials are found.
    public func projectID() async throws -> String? {
        try await credentials().projectID
    }

    /// The Cloud Storage client (anonymous against `STORAGE_EMULATOR_HOST`).
    /// - Throws: ``GoogleCredentialsError`` when no credentials are found or a variable is malformed.
    public func storage() async throws -> GCSClient {
        if let storageClient { return storageClient }
        let endpoints = try GoogleEndpoints(environment: environment)
        let credentials = endpoints.storageIsEmulator
            ? GoogleCredentials.anonymous(projectID: environment.value("GOOGLE_CLOUD_PROJECT")) : try await credentials()
        let client = GCSClient(credentials: credentials, endpoints: endpoints, options: options.client)
        storageClient = client
        return client
    }

    /// The Secret Manager client (`MMM_SECRETMANAGER_ENDPOINT` honoured).
    /// - Throws: ``GoogleCredentialsError`` when no credentials are found or a variable is malformed.
    public func secretManager() async throws -> SecretManagerClient {
        SecretManagerClient(credentials: try await credentials(), endpoints: try GoogleEndpoints(environment: environment),
                            options: options.client)
    }

    /// Fetches a PEM private key from Secret Manager, for `SnowflakeClientOptions.secretFetcher` (Snowflake's
    /// `--private-key-secret`). The key stays in memory.
    /// - Returns: A fetcher taking `projects/P/secrets/S[/versions/V]`.
    public nonisolated func privateKeyFetcher() -> @Sendable (String) async throws -> Data {
        { [self] resourceName in
            let pem = try await self.secretManager().privateKeyPEM(resourceName: resourceName)
            return Data(pem.bytes)
        }
    }
}
