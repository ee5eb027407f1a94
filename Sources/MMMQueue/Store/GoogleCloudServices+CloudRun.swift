import MMMCloud
import MMMJobs

extension GoogleCloudServices {
    /// The Cloud Run Admin client (`MMM_RUN_ENDPOINT` honoured), with the services' shared credentials.
    /// - Throws: ``GoogleCredentialsError`` when no credentials are found; a malformed endpoint variable.
    public func cloudRun() async throws -> CloudRunClient {
        CloudRunClient(credentials: try await credentials(), endpoints: try GoogleEndpoints(environment: environment),
                       options: options.client)
    }
}
