import Foundation
import MMMTransport

/// Everything `mmm-cli serve` is started with: where it listens, where runs live, how workers run, and sign-in.
public struct ServeConfiguration: Sendable {
    /// The address to listen on (`127.0.0.1` by default: only this machine).
    public var host = "127.0.0.1"
    /// The port (0 picks a free one; the bound port is reported when listening).
    public var port = 8080
    /// Parent of the run folders: a local directory or `gs://bucket/prefix`.
    public var store = "runs"
    /// The distributed queue's root (issue 14: `gs://bucket/prefix` or a folder); nil → runs train in this server's
    /// worker processes. With a queue, ``store`` must be where the queue's workers can write (gs://, or an absolute
    /// folder for a local queue).
    public var queueRoot: String?
    /// The queue's name under ``queueRoot``.
    public var queueName = "web"
    /// Seconds between looks at a queued run's status.
    public var queuePollSeconds = 2.0
    /// Where uploads, datasets and benchmark folders are kept (a local directory).
    public var workDirectory: String
    /// The largest request body accepted (bytes); larger ones get 413.
    public var maxUploadBytes = 200 * 1024 * 1024
    /// Trainings at once; more wait in the server's queue.
    public var workers = 2
    /// Threads per training (default: the cores ÷ ``workers``, at least 1).
    public var threadsPerRun: Int?
    /// The program a worker runs (`mmm-cli`); `train …` or `benchmark …` arguments follow.
    public var workerExecutable: String
    /// Environment of the worker processes (the server's, without its own secrets).
    public var workerEnvironment: [String: String] = ProcessInfo.processInfo.environment
    /// The URL users reach the server at (for the OAuth redirect and the dev login link); default `http://host:port`.
    public var publicURL: String?
    /// Sign-in settings.
    public var auth = AuthSettings()
    /// A bearer token `/metrics` requires, or nil for an open `/metrics`.
    public var metricsToken: SecretValue?

    /// A configuration with the required paths.
    /// - Parameters:
    ///   - workDirectory: local folder for uploads and datasets.
    ///   - workerExecutable: path of the `mmm-cli` binary workers run.
    public init(workDirectory: String, workerExecutable: String) {
        self.workDirectory = workDirectory
        self.workerExecutable = workerExecutable
    }

    /// Whether ``host`` is a loopback address (only this machine can connect).
    public var isLoopback: Bool { Self.isLoopback(host: host) }

    /// Whether a host name or address is loopback (`localhost`, `127.0.0.0/8`, `::1`).
    public static func isLoopback(host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }
}

/// How users sign in: OpenID Connect ID tokens (API), the authorization-code flow (web pages), and `--dev-auth`.
public struct AuthSettings: Sendable {
    /// The OpenID provider (`https://accounts.google.com`); nil → no bearer tokens and no web sign-in.
    public var issuer: String?
    /// The expected `aud` of ID tokens (the OAuth client id).
    public var audience: String?
    /// Email domains allowed in (exact match on the email's domain or `hd`; subdomains are refused).
    public var allowedDomains: [String] = []
    /// The OAuth client id of the web sign-in; nil → web sign-in off.
    public var oauthClientID: String?
    /// The OAuth client secret (from a file or Secret Manager).
    public var oauthClientSecret: SecretValue?
    /// The key that signs session cookies (from a file or Secret Manager; else made at start).
    public var sessionKey = SecretValue(bytes: SecureRandom.bytes(32))
    /// Whether `--dev-auth` prints one-time login links.
    public var devAuth = false
    /// Allowed clock difference for `exp`, `iat` and `nbf` (seconds).
    public var clockSkew: TimeInterval = 60
    /// How long a web session lasts (seconds).
    public var sessionLifetime: TimeInterval = 12 * 3600

    /// Settings with nothing enabled.
    public init() {}

    /// Whether any way of signing in is configured.
    public var anyEnabled: Bool { issuer != nil || devAuth }
}
