import Foundation
import MMMTransport

/// Where the RSA private key comes from.
public enum SnowflakePrivateKeySource: Sendable, Equatable, CustomStringConvertible {
    /// A PEM file (`private_key_file`, `SNOWFLAKE_PRIVATE_KEY_FILE`, `--private-key-file`).
    case file(path: String)
    /// PEM text held in memory (`SNOWFLAKE_PRIVATE_KEY_RAW` / `private_key_raw`); `origin` names where it came from.
    case pem(SecretValue, origin: String)
    /// A Google Secret Manager secret holding the PEM (`projects/P/secrets/NAME[/versions/V]`), fetched through
    /// ``SnowflakeClientOptions/secretFetcher``.
    case secretManager(resourceName: String)

    public var description: String {
        switch self {
        case .file(let path): "file \(path)"
        case .pem(_, let origin): "PEM from \(origin)"
        case .secretManager(let name): "Secret Manager \(name)"
        }
    }
}

/// Everything needed to talk to one Snowflake account with key-pair authentication.
///
/// Build it with ``SnowflakeConfigResolver`` (flags > `SNOWFLAKE_*` environment > `connections.toml`) or
/// directly. `description` never shows the passphrase or key text.
public struct SnowflakeConnectionConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// The normalised account.
    public var account: SnowflakeAccount
    /// The login name (uppercased in the JWT).
    public var user: String
    /// Where the private key comes from.
    public var privateKey: SnowflakePrivateKeySource
    /// The key's passphrase, when one was found in the environment or the connections file.
    public var privateKeyPassphrase: SecretValue?
    /// The API origin, e.g. `https://myorg-acct.snowflakecomputing.com` or `http://127.0.0.1:8085`.
    public var baseURL: URL
    /// Warehouse for statements (`nil` = the user's default).
    public var warehouse: String?
    /// Database for statements (`nil` = the user's default).
    public var database: String?
    /// Schema for statements (`nil` = the user's default).
    public var schema: String?
    /// Role for statements (`nil` = the user's default).
    public var role: String?
    /// The `connections.toml` entry that was used, if any.
    public var connectionName: String?
    /// Where each setting came from (setting → e.g. `flag --user`, `env SNOWFLAKE_USER`, `connections.toml [dev]`).
    public var origins: [String: String]
    /// Non-fatal problems worth telling the user (plain http to a remote host, a world-readable secrets file).
    public var warnings: [String]

    /// Creates a configuration directly.
    /// - Parameters:
    ///   - account: The normalised account.
    ///   - user: The login name.
    ///   - privateKey: The key source.
    ///   - privateKeyPassphrase: The passphrase, if known.
    ///   - baseURL: The API origin (default: `https://` + the account's default host).
    ///   - warehouse: Warehouse name.
    ///   - database: Database name.
    ///   - schema: Schema name.
    ///   - role: Role name.
    public init(
        account: SnowflakeAccount, user: String, privateKey: SnowflakePrivateKeySource,
        privateKeyPassphrase: SecretValue? = nil, baseURL: URL? = nil, warehouse: String? = nil,
        database: String? = nil, schema: String? = nil, role: String? = nil
    ) {
        self.account = account
        self.user = user
        self.privateKey = privateKey
        self.privateKeyPassphrase = privateKeyPassphrase
        self.baseURL = baseURL ?? URL(string: "https://\(account.defaultHost)") ?? URL(fileURLWithPath: "/")
        self.warehouse = warehouse
        self.database = database
        self.schema = schema
        self.role = role
        self.connectionName = nil
        self.origins = [:]
        self.warnings = []
    }

    public var description: String {
        var parts = ["account=\(account.identifier)", "user=\(user)", "url=\(baseURL.absoluteString)",
                     "key=\(privateKey)"]
        if privateKeyPassphrase != nil { parts.append("passphrase=<redacted>") }
        for (name, value) in [("warehouse", warehouse), ("database", database), ("schema", schema), ("role", role)] {
            if let value { parts.append("\(name)=\(value)") }
        }
        if let connectionName { parts.append("connection=\(connectionName)") }
        return parts.joined(separator: " ")
    }
}
