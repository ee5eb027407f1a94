import Foundation

/// Base URLs of the Google services, with the overrides tests and private endpoints use.
///
/// | service | default | override |
/// |---|---|---|
/// | Cloud Storage | `https://storage.googleapis.com` | `STORAGE_EMULATOR_HOST` (then no authentication, as Google's libraries do) |
/// | Secret Manager | `https://secretmanager.googleapis.com` | `MMM_SECRETMANAGER_ENDPOINT` |
/// | Cloud Run Admin v2 | `https://run.googleapis.com` | `MMM_RUN_ENDPOINT` |
/// | IAM Credentials | `https://iamcredentials.googleapis.com` | `MMM_IAMCREDENTIALS_ENDPOINT` |
/// | metadata server | `http://metadata.google.internal` | `GCE_METADATA_HOST` (older `GCE_METADATA_ROOT`) |
/// | metadata ping | `http://169.254.169.254` | `GCE_METADATA_IP`, else `GCE_METADATA_HOST` |
///
/// Overrides are base URLs such as `http://127.0.0.1:8123` (a trailing `/v1` or `/v2` is tolerated);
/// `STORAGE_EMULATOR_HOST` and the metadata variables may omit the scheme (`host:port` means `http://host:port`).
public struct GoogleEndpoints: Sendable, Equatable {
    /// Cloud Storage (the JSON API is under `/storage/v1`, uploads under `/upload/storage/v1`).
    public var storage: URL
    /// Whether ``storage`` is an emulator from `STORAGE_EMULATOR_HOST` (requests then carry no credentials).
    public var storageIsEmulator: Bool
    /// Secret Manager (API under `/v1`).
    public var secretManager: URL
    /// Cloud Run Admin API (v2 under `/v2`).
    public var run: URL
    /// IAM Credentials (API under `/v1`).
    public var iamCredentials: URL
    /// The metadata server (API under `/computeMetadata/v1`).
    public var metadata: URL
    /// Where the metadata-server presence check goes.
    public var metadataPing: URL

    /// Google's public endpoints.
    public static let production = GoogleEndpoints(
        storage: fixed("https://storage.googleapis.com"), storageIsEmulator: false,
        secretManager: fixed("https://secretmanager.googleapis.com"), run: fixed("https://run.googleapis.com"),
        iamCredentials: fixed("https://iamcredentials.googleapis.com"),
        metadata: fixed("http://metadata.google.internal"), metadataPing: fixed("http://169.254.169.254"))

    /// Creates endpoints from explicit URLs.
    public init(
        storage: URL, storageIsEmulator: Bool, secretManager: URL, run: URL, iamCredentials: URL, metadata: URL,
        metadataPing: URL
    ) {
        self.storage = storage
        self.storageIsEmulator = storageIsEmulator
        self.secretManager = secretManager
        self.run = run
        self.iamCredentials = iamCredentials
        self.metadata = metadata
        self.metadataPing = metadataPing
    }

    /// The production endpoints with the environment's overrides applied.
    /// - Parameter environment: The environment to read.
    /// - Throws: ``GoogleCredentialsError`` (``GoogleCredentialsError/Kind/invalidConfiguration``) naming the
    ///   variable whose value is not a usable http(s) base URL.
    public init(environment: GoogleCloudEnvironment) throws(GoogleCredentialsError) {
        var endpoints = GoogleEndpoints.production
        if let emulator = environment.value("STORAGE_EMULATOR_HOST") {
            endpoints.storage = try Self.parse(emulator, variable: "STORAGE_EMULATOR_HOST", schemeOptional: true)
            endpoints.storageIsEmulator = true
        }
        if let value = environment.value("MMM_SECRETMANAGER_ENDPOINT") {
            endpoints.secretManager = try Self.parse(value, variable: "MMM_SECRETMANAGER_ENDPOINT", strip: "/v1")
        }
        if let value = environment.value("MMM_RUN_ENDPOINT") {
            endpoints.run = try Self.parse(value, variable: "MMM_RUN_ENDPOINT", strip: "/v2")
        }
        if let value = environment.value("MMM_IAMCREDENTIALS_ENDPOINT") {
            endpoints.iamCredentials = try Self.parse(value, variable: "MMM_IAMCREDENTIALS_ENDPOINT", strip: "/v1")
        }
        if let found = environment.firstValue(["GCE_METADATA_HOST", "GCE_METADATA_ROOT"]) {
            endpoints.metadata = try Self.parse(found.value, variable: found.name, schemeOptional: true)
            endpoints.metadataPing = endpoints.metadata
        }
        if let value = environment.value("GCE_METADATA_IP") {
            endpoints.metadataPing = try Self.parse(value, variable: "GCE_METADATA_IP", schemeOptional: true)
        }
        self = endpoints
    }

    private static func parse(_ value: String, variable: String, schemeOptional: Bool = false, strip: String? = nil)
        throws(GoogleCredentialsError) -> URL
    {
        var text = value
        if schemeOptional, !text.contains("://") { text = "http://" + text }
        while text.hasSuffix("/") { text.removeLast() }
        if let strip, text.hasSuffix(strip) { text.removeLast(strip.count) }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil
        else {
            throw GoogleCredentialsError(
                kind: .invalidConfiguration,
                message: "\(variable)='\(value)' is not a base URL; expected e.g. http://127.0.0.1:8123",
                source: variable)
        }
        return url
    }

    private static func fixed(_ text: String) -> URL {
        guard let url = URL(string: text) else { preconditionFailure("invalid built-in URL \(text)") }
        return url
    }
}
