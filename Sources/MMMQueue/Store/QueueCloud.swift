import Foundation
import MMMCloud

/// The Google Cloud clients a queue command needs, made on first use (credential discovery can take seconds, so a
/// command on a local queue never pays for it) and shared by every caller.
public actor QueueCloud {
    /// The environment clients are made from.
    public nonisolated let environment: GoogleCloudEnvironment
    /// Discovery and client options.
    public nonisolated let options: GoogleCredentialsOptions

    private var credentialsTask: Task<GoogleCredentials, any Error>?
    private var storageClient: GCSClient?

    /// Clients for an environment.
    /// - Parameters:
    ///   - environment: Usually ``GoogleCloudEnvironment/current()``.
    ///   - options: Credential discovery and client options.
    public init(environment: GoogleCloudEnvironment, options: GoogleCredentialsOptions = GoogleCredentialsOptions()) {
        self.environment = environment
        self.options = options
    }

    /// Application Default Credentials (one discovery shared by concurrent callers).
    /// - Throws: ``GoogleCredentialsError`` when none are found.
    public func credentials() async throws -> GoogleCredentials {
        if let credentialsTask { return try await credentialsTask.value }
        let (environment, options) = (self.environment, self.options)
        let task = Task { try await GoogleCredentials.discover(environment: environment, options: options) }
        credentialsTask = task
        return try await task.value
    }

    /// The Cloud Storage client (anonymous against a `STORAGE_EMULATOR_HOST` emulator).
    /// - Throws: ``GoogleCredentialsError``; a malformed endpoint variable.
    public func storage() async throws -> GCSClient {
        if let storageClient { return storageClient }
        let endpoints = try GoogleEndpoints(environment: environment)
        let credentials = endpoints.storageIsEmulator
            ? GoogleCredentials.anonymous(projectID: environment.value("GOOGLE_CLOUD_PROJECT")) : try await credentials()
        let client = GCSClient(credentials: credentials, endpoints: endpoints, options: options.client)
        storageClient = client
        return client
    }

    /// The Cloud Run Admin client (`MMM_RUN_ENDPOINT` honoured).
    /// - Throws: ``GoogleCredentialsError``; a malformed endpoint variable.
    public func cloudRun() async throws -> CloudRunClient {
        CloudRunClient(credentials: try await credentials(), endpoints: try GoogleEndpoints(environment: environment),
                       options: options.client)
    }
}
