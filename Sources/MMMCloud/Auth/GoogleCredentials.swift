import Foundation
import MMMTransport

/// Google credentials with a token cache: the one object API clients ask for `Authorization` tokens.
///
/// A cached token is reused until fewer than `refreshMargin` seconds remain (default 225 s, as google-auth does),
/// then one refresh runs; concurrent callers during a refresh all await that same request. After an API answers
/// 401, clients call ``invalidate(_:)`` with the rejected token and ask again (once).
///
/// Build one with ``discover(environment:options:transport:)`` (Application Default Credentials order) or
/// ``anonymous(projectID:)`` for emulators.
public actor GoogleCredentials: CustomReflectable {
    /// What kind of credentials these are.
    public nonisolated let kind: GoogleCredentialsKind
    /// The project to bill and address by default (`GOOGLE_CLOUD_PROJECT`, the key's `project_id`, gcloud's
    /// configured project or the metadata server's), if known.
    public nonisolated let projectID: String?
    /// Sent as `x-goog-user-project` (from `GOOGLE_CLOUD_QUOTA_PROJECT` or the file's `quota_project_id`).
    public nonisolated let quotaProjectID: String?
    private let provider: (any GoogleTokenProvider)?
    private let clock: any WallClock
    private let refreshMargin: TimeInterval
    private var cached: (token: AccessToken, fetchedAt: Date)?
    private var inFlight: Task<AccessToken, any Error>?
    private var fetches = 0

    /// Creates credentials around a token provider.
    /// - Parameters:
    ///   - kind: What they are (for messages).
    ///   - provider: Where tokens come from; `nil` for anonymous access.
    ///   - projectID: The default project, if known.
    ///   - quotaProjectID: The quota project, if any.
    ///   - clock: The wall clock for expiry checks.
    ///   - refreshMargin: Refresh when fewer seconds than this remain.
    public init(
        kind: GoogleCredentialsKind, provider: (any GoogleTokenProvider)?, projectID: String? = nil,
        quotaProjectID: String? = nil, clock: any WallClock = SystemWallClock(), refreshMargin: TimeInterval = 225
    ) {
        self.kind = kind
        self.provider = provider
        self.projectID = projectID
        self.quotaProjectID = quotaProjectID
        self.clock = clock
        self.refreshMargin = max(0, refreshMargin)
    }

    /// Credentials that send no token (for `STORAGE_EMULATOR_HOST` emulators).
    /// - Parameter projectID: The default project, if any.
    public static func anonymous(projectID: String? = nil) -> GoogleCredentials {
        GoogleCredentials(kind: .anonymous, provider: nil, projectID: projectID)
    }

    /// Whether requests carry no token.
    public nonisolated var isAnonymous: Bool { kind == .anonymous }

    /// A valid access token: the cached one while it is fresh, else one shared refresh.
    /// - Returns: The token, or `nil` for anonymous credentials.
    /// - Throws: ``GoogleCredentialsError`` (or ``GoogleCloudError`` from an impersonation call) when the refresh fails.
    public func accessToken() async throws -> SecretValue? {
        guard let provider else { return nil }
        if let cached, isFresh(cached.token, fetchedAt: cached.fetchedAt) { return cached.token.value }
        if let inFlight { return try await inFlight.value.value }
        let task = Task { try await provider.fetchToken() }
        inFlight = task
        defer { inFlight = nil }
        let token = try await task.value
        fetches += 1
        cached = (token, clock.now())
        return token.value
    }

    /// Drops the cached token if it is `token` (an API rejected it), so the next ``accessToken()`` refreshes.
    /// A token refreshed meanwhile by another caller is kept.
    /// - Parameter token: The rejected token.
    public func invalidate(_ token: SecretValue) {
        if cached?.token.value == token { cached = nil }
    }

    /// How many tokens have been fetched (for diagnostics and tests).
    public var fetchCount: Int { fetches }

    /// Reflection shows the kind and projects only, never the cached token.
    public nonisolated var customMirror: Mirror {
        Mirror(self, children: ["kind": kind.description, "projectID": projectID as Any], displayStyle: .class)
    }

    private func isFresh(_ token: AccessToken, fetchedAt: Date) -> Bool {
        guard let expiresAt = token.expiresAt else { return true }
        // A token issued with less life than the margin (a metadata token near its end) is still used for half of
        // what it had, instead of refreshing on every call.
        let margin = min(refreshMargin, max(0, expiresAt.timeIntervalSince(fetchedAt)) / 2)
        return clock.now() < expiresAt.addingTimeInterval(-margin)
    }
}
