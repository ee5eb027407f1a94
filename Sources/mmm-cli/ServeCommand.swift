import ArgumentParser
import Foundation
import MMMJobs
import MMMCore
import MMMServe
import MMMTransport

/// `mmm-cli serve`: the web app and REST API in one process.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web app and REST API: submit runs, follow them, read reports, allocate budgets (docs/serve.md).",
        discussion: """
            Runs train in `mmm-cli train` worker processes (--workers at a time), so a crash never takes the server \
            down. Sign-in: OpenID Connect ID tokens (--oidc-issuer, --audience, --allowed-domains) for the API, the \
            Google web sign-in (--oauth-client-id) for the pages, or --dev-auth (a one-time link on the console; \
            loopback hosts only). SIGTERM stops gracefully.
            Example: mmm-cli serve --dev-auth --store runs
            """)

    @Option(help: "Address to listen on (default 127.0.0.1: this machine only).") var host = "127.0.0.1"
    @Option(parsing: .unconditional, help: "Port (0 picks a free one).", transform: ServeCommand.port) var port = 8080
    @Option(help: "Parent folder of run folders: a directory or gs://bucket/prefix.") var store = "runs"
    @Option(help: ArgumentHelp(
        "Submit runs to the distributed queue under this root (gs://BUCKET/PREFIX or a folder) instead of training them here.",
        discussion: "`mmm-cli queue process` (local workers or Cloud Run) trains them into --store; default $MMM_QUEUE_ROOT if set."))
    var queueRoot: String?
    @Option(help: "Queue name under --queue-root (default: $MMM_QUEUE, else web).") var queue: String?
    @Option(help: "Local folder for uploads, datasets and benchmark folders.") var workDir = ".mmm-serve"
    @Option(parsing: .unconditional, help: "Largest request body in MB (larger → 413).", transform: FlagValues.positive)
    var maxUploadMb = 200
    @Option(parsing: .unconditional, help: "Trainings at once (more wait in a queue).", transform: FlagValues.positive)
    var workers = 2
    @Option(parsing: .unconditional, help: "Threads per training (default: cores ÷ --workers).", transform: FlagValues.positive)
    var threads: Int?
    @Option(help: "OpenID Connect issuer, e.g. https://accounts.google.com.") var oidcIssuer: String?
    @Option(help: "The expected audience of ID tokens (the OAuth client id).") var audience: String?
    @Option(help: "Email domains allowed in, comma-separated (exact match; subdomains are refused).") var allowedDomains: String?
    @Option(help: "OAuth client id of the web sign-in (authorization code + PKCE).") var oauthClientId: String?
    @Option(help: "File holding the OAuth client secret.") var oauthClientSecretFile: String?
    @Option(help: "Secret Manager version holding the OAuth client secret (projects/P/secrets/S[/versions/V]).")
    var oauthClientSecretSecret: String?
    @Option(help: "File holding the session-cookie signing key (32+ bytes); default: a key made at start.") var sessionKeyFile: String?
    @Option(help: "Secret Manager version holding the session-cookie signing key.") var sessionKeySecret: String?
    @Option(help: "File holding a token /metrics then requires (Authorization: Bearer).") var metricsTokenFile: String?
    @Option(help: "The URL users reach this server at (OAuth redirect), default http://HOST:PORT.") var publicUrl: String?
    @Flag(help: "Print one-time sign-in links on the console (development; loopback --host only).") var devAuth = false
    @OptionGroup var global: GlobalOptions

    static func port(_ text: String) throws -> Int {
        guard let value = Int(text), (0...65535).contains(value) else { throw FlagValues.Invalid(description: "expected a port 0–65535") }
        return value
    }

    func validate() throws {
        if devAuth, !ServeConfiguration.isLoopback(host: host) {
            throw ValidationError("--dev-auth is for local use: it is refused with a non-loopback --host (\(host))")
        }
        if oidcIssuer == nil, !devAuth {
            throw ValidationError("give a way to sign in: --oidc-issuer with --audience and --allowed-domains, and/or --dev-auth")
        }
        if let oidcIssuer {
            guard let url = URL(string: oidcIssuer), let scheme = url.scheme, url.host != nil else {
                throw ValidationError("--oidc-issuer '\(oidcIssuer)' is not a URL")
            }
            if scheme == "http", !ServeConfiguration.isLoopback(host: url.host ?? "") {
                throw ValidationError("--oidc-issuer must be https (http is accepted only for a loopback test issuer)")
            }
            if scheme != "http", scheme != "https" { throw ValidationError("--oidc-issuer must be an https URL") }
            if audience == nil { throw ValidationError("--oidc-issuer needs --audience (the OAuth client id)") }
            if (allowedDomains ?? "").split(separator: ",").isEmpty {
                throw ValidationError("--oidc-issuer needs --allowed-domains (who may sign in)")
            }
        }
        if oauthClientId != nil, oidcIssuer == nil { throw ValidationError("--oauth-client-id needs --oidc-issuer") }
        if oauthClientSecretFile != nil, oauthClientSecretSecret != nil {
            throw ValidationError("give the OAuth client secret once: --oauth-client-secret-file or --oauth-client-secret-secret")
        }
        if sessionKeyFile != nil, sessionKeySecret != nil {
            throw ValidationError("give the session key once: --session-key-file or --session-key-secret")
        }
        if let root = effectiveQueueRoot {
            if StorageLocation.looksLikeGCS(root), !StorageLocation.looksLikeGCS(store) {
                throw ValidationError("a gs:// --queue-root needs a gs:// --store: Cloud Run workers cannot write to this machine's \(store)")
            }
        }
    }

    func run() async throws {
        let console = global.console
        var configuration = ServeConfiguration(workDirectory: workDir, workerExecutable: Self.executablePath())
        configuration.host = host
        configuration.port = port
        configuration.store = store
        if let root = effectiveQueueRoot {
            // Workers started elsewhere write the run folders: local paths must not depend on this process's folder.
            configuration.queueRoot = Self.absolute(root)
            configuration.store = Self.absolute(store)
            configuration.queueName = queue ?? ProcessInfo.processInfo.environment["MMM_QUEUE"].flatMap { $0.isEmpty ? nil : $0 } ?? "web"
        }
        configuration.maxUploadBytes = maxUploadMb * 1024 * 1024
        configuration.workers = workers
        configuration.threadsPerRun = threads
        configuration.publicURL = publicUrl
        configuration.metricsToken = try await ServeSecrets.load(file: metricsTokenFile, secret: nil, what: "metrics token")
        var auth = AuthSettings()
        auth.issuer = oidcIssuer
        auth.audience = audience
        auth.allowedDomains = (allowedDomains ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        auth.oauthClientID = oauthClientId
        auth.oauthClientSecret = try await ServeSecrets.load(
            file: oauthClientSecretFile, secret: oauthClientSecretSecret, what: "OAuth client secret")
        if let key = try await ServeSecrets.load(file: sessionKeyFile, secret: sessionKeySecret, what: "session key") {
            guard key.bytes.count >= 32 else { throw UsageError("the session key must be at least 32 bytes") }
            auth.sessionKey = key
        }
        auth.devAuth = devAuth
        configuration.auth = auth
        let queued = configuration.queueRoot.map { "; runs queued in \($0)/\(configuration.queueName)" } ?? ""
        let location = configuration.store + queued
        try await ServeServer.run(configuration, log: { Console.stderr($0) }) { bound in
            console.info("serving on http://\(host.contains(":") ? "[\(host)]" : host):\(bound) (runs in \(location)); SIGTERM or Ctrl-C stops")
        }
        console.info("stopped")
    }

    /// `--queue-root`, else `$MMM_QUEUE_ROOT` (the Cloud Run service's environment).
    var effectiveQueueRoot: String? {
        queueRoot ?? ProcessInfo.processInfo.environment["MMM_QUEUE_ROOT"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A local path made absolute; `gs://` URIs unchanged.
    static func absolute(_ location: String) -> String {
        guard !StorageLocation.looksLikeGCS(location), !location.hasPrefix("/") else { return location }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(location).standardized.path
    }

    /// This binary, which the workers run as `mmm-cli train …`.
    static func executablePath() -> String {
        let linked = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if FileManager.default.isExecutableFile(atPath: linked), linked != "/proc/self/exe" { return linked }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
