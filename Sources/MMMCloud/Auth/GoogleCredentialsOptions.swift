import Foundation
import MMMTransport

/// Settings of credential discovery and token requests; the defaults suit production.
public struct GoogleCredentialsOptions: Sendable {
    /// The cloud-platform scope, enough for every API used here.
    public static let cloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform"

    /// OAuth scopes requested for service-account and impersonated tokens.
    public var scopes: [String]
    /// Scopes asked of the metadata server (`?scopes=`); `nil` (default) takes the instance's own scopes, which on
    /// Cloud Run are cloud-platform.
    public var metadataScopes: [String]?
    /// A service account to impersonate (the CLI's `--impersonate-service-account`); wins over
    /// `GOOGLE_IMPERSONATE_SERVICE_ACCOUNT`. A comma-separated list is a delegation chain whose **last** entry is
    /// the target (as in gcloud).
    public var impersonateServiceAccount: String?
    /// Lifetime of impersonated tokens in seconds (≤ 3600 unless the organisation allows more).
    public var impersonationLifetime: Int
    /// Refresh cached tokens when fewer seconds than this remain (google-auth: 225).
    public var refreshMargin: TimeInterval
    /// Seconds per metadata-server presence check; `nil` = `GCE_METADATA_TIMEOUT`, else 3.
    public var metadataPingTimeout: TimeInterval?
    /// Tries of the metadata-server presence check.
    public var metadataPingAttempts: Int
    /// The wall clock (JWT `iat`, token expiry).
    public var clock: any WallClock
    /// User agent, retries, timeouts and logging of the token requests.
    public var client: GoogleClientOptions

    /// Creates options; every parameter has a production default.
    public init(
        scopes: [String] = [cloudPlatformScope], metadataScopes: [String]? = nil, impersonateServiceAccount: String? = nil,
        impersonationLifetime: Int = 3600, refreshMargin: TimeInterval = 225, metadataPingTimeout: TimeInterval? = nil,
        metadataPingAttempts: Int = 3, clock: any WallClock = SystemWallClock(),
        client: GoogleClientOptions = GoogleClientOptions()
    ) {
        self.scopes = scopes
        self.metadataScopes = metadataScopes
        self.impersonateServiceAccount = impersonateServiceAccount
        self.impersonationLifetime = impersonationLifetime
        self.refreshMargin = refreshMargin
        self.metadataPingTimeout = metadataPingTimeout
        self.metadataPingAttempts = metadataPingAttempts
        self.clock = clock
        self.client = client
    }

    func tokenContext(_ transport: any HTTPTransport) -> TokenRequestContext {
        TokenRequestContext(transport: transport, retryPolicy: client.retryPolicy, requestTimeout: client.requestTimeout,
                            userAgent: client.userAgent, clock: clock, log: client.log)
    }
}

extension MetadataServer {
    /// A metadata-server client at the environment's address (`GCE_METADATA_HOST`, else the standard one).
    /// - Parameters:
    ///   - endpoints: The endpoints (see ``GoogleEndpoints/init(environment:)``).
    ///   - options: Retries, timeouts, clock and logging.
    ///   - transport: The HTTP transport.
    public init(
        endpoints: GoogleEndpoints, options: GoogleCredentialsOptions = GoogleCredentialsOptions(),
        transport: any HTTPTransport = URLSessionTransport.shared
    ) {
        self.init(baseURL: endpoints.metadata, pingURL: endpoints.metadataPing, context: options.tokenContext(transport))
    }
}
