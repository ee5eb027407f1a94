import Foundation
import MMMTransport

extension GoogleCredentials {
    /// Finds credentials in Google's Application Default Credentials order:
    ///
    /// 1. `GOOGLE_APPLICATION_CREDENTIALS`: a service-account key, gcloud user credentials or an impersonation ADC
    ///    file. A missing or invalid file is an error (no fall-through).
    /// 2. gcloud's ADC file, `$CLOUDSDK_CONFIG/application_default_credentials.json` (default config directory
    ///    `~/.config/gcloud`). Missing → next step.
    /// 3. The metadata server (Cloud Run, Compute Engine), if it answers (`GCE_METADATA_HOST`/`GCE_METADATA_IP`
    ///    move it; `NO_GCE_CHECK=true` skips the check).
    ///
    /// Then, if `options.impersonateServiceAccount` or `GOOGLE_IMPERSONATE_SERVICE_ACCOUNT` names a service
    /// account, the credentials found become the source of an impersonated one (IAM Credentials
    /// `generateAccessToken`). The project is `GOOGLE_CLOUD_PROJECT` (or `GCLOUD_PROJECT`), else the key file's
    /// `project_id`, else gcloud's configured project, else the metadata server's. No token is requested yet.
    ///
    /// - Parameters:
    ///   - environment: Variables, home directory and file access (``GoogleCloudEnvironment/current()`` at the top).
    ///   - options: Scopes, impersonation, retries, clock, logging.
    ///   - transport: The HTTP transport.
    /// - Returns: Credentials with an empty token cache.
    /// - Throws: ``GoogleCredentialsError``.
    public static func discover(
        environment: GoogleCloudEnvironment, options: GoogleCredentialsOptions = GoogleCredentialsOptions(),
        transport: any HTTPTransport = URLSessionTransport.shared
    ) async throws -> GoogleCredentials {
        let endpoints = try GoogleEndpoints(environment: environment)
        let context = options.tokenContext(transport)
        let gcloud = GcloudConfig(environment: environment)
        var found: Found
        if let path = environment.value("GOOGLE_APPLICATION_CREDENTIALS") {
            guard let data = try read(path, environment: environment) else {
                throw GoogleCredentialsError(
                    kind: .invalidFile,
                    message: "GOOGLE_APPLICATION_CREDENTIALS names a file that does not exist", source: path)
            }
            found = try Found(file: try CredentialsFile.parse(data, source: path), source: path, endpoints: endpoints,
                              options: options, context: context, transport: transport)
        } else if let data = try read(gcloud.applicationDefaultCredentialsPath, environment: environment) {
            let path = gcloud.applicationDefaultCredentialsPath
            found = try Found(file: try CredentialsFile.parse(data, source: path), source: path, endpoints: endpoints,
                              options: options, context: context, transport: transport)
            found.projectID = found.projectID ?? gcloud.project()
        } else if environment.value("NO_GCE_CHECK")?.lowercased() != "true",
            await metadataServer(endpoints, environment: environment, options: options, context: context)
        {
            let server = MetadataServer(baseURL: endpoints.metadata, pingURL: endpoints.metadataPing, context: context)
            found = Found(kind: .metadataServer, provider: MetadataTokenProvider(server: server, scopes: options.metadataScopes))
            if environment.firstValue(["GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT"]) == nil {
                found.projectID = try? await server.projectID()
            }
        } else {
            throw GoogleCredentialsError(
                kind: .notFound,
                message: "no credentials found: GOOGLE_APPLICATION_CREDENTIALS is not set, "
                    + "\(gcloud.applicationDefaultCredentialsPath) does not exist and no metadata server answered; "
                    + "run `gcloud auth application-default login` or point GOOGLE_APPLICATION_CREDENTIALS at a "
                    + "service-account key file", source: "Application Default Credentials")
        }
        if let chain = options.impersonateServiceAccount ?? environment.value("GOOGLE_IMPERSONATE_SERVICE_ACCOUNT") {
            found = try found.impersonating(chain, endpoints: endpoints, options: options, transport: transport)
        }
        let projectID = environment.firstValue(["GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT"])?.value ?? found.projectID
        let quota = environment.value("GOOGLE_CLOUD_QUOTA_PROJECT") ?? found.quotaProjectID
        return GoogleCredentials(kind: found.kind, provider: found.provider, projectID: projectID,
                                 quotaProjectID: quota, clock: options.clock, refreshMargin: options.refreshMargin)
    }

    private static func read(_ path: String, environment: GoogleCloudEnvironment) throws(GoogleCredentialsError) -> Data? {
        do {
            return try environment.fileSystem.contents(atPath: path)
        } catch {
            throw GoogleCredentialsError(kind: .invalidFile, message: "the credentials file cannot be read", source: path)
        }
    }

    private static func metadataServer(
        _ endpoints: GoogleEndpoints, environment: GoogleCloudEnvironment, options: GoogleCredentialsOptions,
        context: TokenRequestContext
    ) async -> Bool {
        let timeout = options.metadataPingTimeout ?? environment.value("GCE_METADATA_TIMEOUT").flatMap(Double.init) ?? 3
        let server = MetadataServer(baseURL: endpoints.metadata, pingURL: endpoints.metadataPing, context: context)
        return await server.isAvailable(timeout: timeout, attempts: options.metadataPingAttempts)
    }
}

/// Credentials found by one discovery step, before caching.
private struct Found {
    var kind: GoogleCredentialsKind
    var provider: any GoogleTokenProvider
    var projectID: String?
    var quotaProjectID: String?

    init(kind: GoogleCredentialsKind, provider: any GoogleTokenProvider, projectID: String? = nil,
         quotaProjectID: String? = nil) {
        self.kind = kind
        self.provider = provider
        self.projectID = projectID
        self.quotaProjectID = quotaProjectID
    }

    init(
        file: CredentialsFile, source: String, endpoints: GoogleEndpoints, options: GoogleCredentialsOptions,
        context: TokenRequestContext, transport: any HTTPTransport
    ) throws(GoogleCredentialsError) {
        switch file {
        case .serviceAccount(let key):
            self.init(kind: .serviceAccount(email: key.clientEmail),
                      provider: try ServiceAccountTokenProvider(key, scopes: options.scopes, source: source,
                                                                context: context),
                      projectID: key.projectID)
        case .authorizedUser(let user):
            self.init(kind: .authorizedUser, provider: AuthorizedUserTokenProvider(user, source: source, context: context),
                      quotaProjectID: user.quotaProjectID)
        case .impersonated(let impersonated):
            let inner = try Found(file: impersonated.source.file, source: source, endpoints: endpoints,
                                  options: options, context: context, transport: transport)
            guard let target = ImpersonatedTokenProvider.target(in: impersonated.targetURL) else {
                throw GoogleCredentialsError(
                    kind: .invalidFile, message: "service_account_impersonation_url does not name a service account",
                    source: source)
            }
            self = inner.wrapped(target: target, url: impersonated.targetURL, delegates: impersonated.delegates,
                                 options: options, transport: transport)
            quotaProjectID = impersonated.quotaProjectID ?? inner.quotaProjectID
        }
    }

    /// These credentials as the source of an impersonation chain (`a,b,target`: the last entry is the target).
    func impersonating(
        _ chain: String, endpoints: GoogleEndpoints, options: GoogleCredentialsOptions, transport: any HTTPTransport
    ) throws(GoogleCredentialsError) -> Found {
        let accounts = chain.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let target = accounts.last, accounts.allSatisfy({ $0.contains("@") && !$0.contains("/") }),
            let url = ImpersonatedTokenProvider.url(base: endpoints.iamCredentials, target: target)
        else {
            throw GoogleCredentialsError(
                kind: .invalidConfiguration,
                message: "'\(chain)' is not a service-account e-mail (or a comma-separated chain ending in one)",
                source: "impersonation")
        }
        return wrapped(target: target, url: url, delegates: Array(accounts.dropLast()), options: options,
                       transport: transport)
    }

    private func wrapped(
        target: String, url: URL, delegates: [String], options: GoogleCredentialsOptions, transport: any HTTPTransport
    ) -> Found {
        let source = GoogleCredentials(kind: kind, provider: provider, quotaProjectID: quotaProjectID,
                                       clock: options.clock, refreshMargin: options.refreshMargin)
        let exchange = GoogleAPIExchange(logTag: "iam", service: "IAM Credentials", transport: transport,
                                         credentials: source, options: options.client)
        let provider = ImpersonatedTokenProvider(target: target, url: url, delegates: delegates, scopes: options.scopes,
                                                 lifetimeSeconds: options.impersonationLifetime, exchange: exchange)
        return Found(kind: .impersonated(target: target, source: kind.description), provider: provider,
                     projectID: projectID, quotaProjectID: quotaProjectID)
    }
}
