import Foundation
import MMMTransport

/// Mints and caches the key-pair JWT Snowflake expects (`Authorization: Bearer …`).
///
/// Claims, in this order: `iss` = `ACCOUNT.USER.SHA256:<fingerprint>`, `sub` = `ACCOUNT.USER`, `iat` (whole
/// seconds, never in the future), `exp` = `iat` + lifetime (≤ 3600 s). A cached token is re-used until fewer than
/// `renewalMargin` seconds remain, then a new one is minted; ``invalidate()`` forces a new one (after a 401).
public actor SnowflakeKeyPairAuthenticator: CustomReflectable {
    /// The `sub` claim, `ACCOUNT.USER`.
    public nonisolated let subject: String
    /// The `iss` claim, `ACCOUNT.USER.SHA256:<fingerprint>`.
    public nonisolated let issuer: String
    /// `SHA256:` + base64 of the public key's SHA-256; compare with `DESC USER` → `RSA_PUBLIC_KEY_FP`.
    public nonisolated let fingerprint: String
    private let key: RSAPrivateKey
    private let clock: any WallClock
    private let lifetime: Int64
    private let renewalMargin: Int64
    private var cached: (token: SecretValue, expiresAt: Int64)?
    private var minted = 0

    /// Creates an authenticator.
    /// - Parameters:
    ///   - key: The user's RSA private key.
    ///   - account: The normalised account.
    ///   - user: The login name (uppercased for the claims).
    ///   - clock: The wall clock (injectable for tests).
    ///   - lifetime: Token lifetime in seconds; clamped to 60…3600 (default 59 minutes).
    ///   - renewalMargin: Re-mint when fewer seconds than this remain (default 5 minutes).
    /// - Throws: ``PrivateKeyError`` if the public key cannot be exported.
    public init(
        key: RSAPrivateKey, account: SnowflakeAccount, user: String, clock: any WallClock = SystemWallClock(),
        lifetime: Int = 3540, renewalMargin: Int = 300
    ) throws {
        let principal = account.jwtAccount + "." + user.uppercased()
        self.fingerprint = try key.publicKeyFingerprintSHA256()
        self.subject = principal
        self.issuer = principal + "." + fingerprint
        self.key = key
        self.clock = clock
        self.lifetime = Int64(min(3600, max(60, lifetime)))
        self.renewalMargin = Int64(min(max(0, renewalMargin), min(3600, max(60, lifetime)) / 2))
    }

    /// A valid token: the cached one while it has more than the renewal margin left, else a fresh one.
    /// - Returns: The compact JWT (a secret: never log it).
    /// - Throws: ``PrivateKeyError`` when signing fails.
    public func token() throws -> SecretValue {
        let now = Int64(clock.now().timeIntervalSince1970.rounded(.down))
        if let cached, now < cached.expiresAt - renewalMargin { return cached.token }
        let expiresAt = now + lifetime
        let token = try CompactJWT.signRS256(
            claims: [JWTClaim("iss", .string(issuer)), JWTClaim("sub", .string(subject)),
                     JWTClaim("iat", .integer(now)), JWTClaim("exp", .integer(expiresAt))],
            key: key)
        cached = (token, expiresAt)
        minted += 1
        return token
    }

    /// Reflection (`dump`, debuggers) shows the public claims only, never the cached token or the key.
    public nonisolated var customMirror: Mirror {
        Mirror(self, children: ["subject": subject, "fingerprint": fingerprint], displayStyle: .class)
    }

    /// Drops the cached token so the next ``token()`` mints a new one.
    public func invalidate() { cached = nil }

    /// How many tokens have been minted (for diagnostics and tests).
    public var mintedCount: Int { minted }
}
