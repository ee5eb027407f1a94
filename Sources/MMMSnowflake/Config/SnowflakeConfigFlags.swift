/// Connection settings given on the command line; `nil` means "not given" (lower layers apply).
///
/// There is deliberately no passphrase flag: argv is visible to other users. Name an environment variable with
/// ``privateKeyPassphraseEnv`` instead, or let the CLI prompt.
public struct SnowflakeConfigFlags: Sendable, Equatable {
    /// `--connection NAME`: the `connections.toml` entry to use.
    public var connection: String?
    /// `--connections-file PATH`: read this file instead of `$SNOWFLAKE_HOME/connections.toml`.
    public var connectionsFile: String?
    /// `--account`.
    public var account: String?
    /// `--user`.
    public var user: String?
    /// `--private-key-file PATH`.
    public var privateKeyFile: String?
    /// `--private-key-secret projects/P/secrets/NAME`: the PEM lives in Google Secret Manager.
    public var privateKeySecret: String?
    /// `--private-key-passphrase-env NAME`: the environment variable holding the passphrase.
    public var privateKeyPassphraseEnv: String?
    /// `--warehouse`.
    public var warehouse: String?
    /// `--database`.
    public var database: String?
    /// `--schema`.
    public var schema: String?
    /// `--role`.
    public var role: String?
    /// `--host` (e.g. a PrivateLink host or `127.0.0.1` for tests).
    public var host: String?
    /// `--port`.
    public var port: Int?
    /// `--protocol` (`https` or `http`).
    public var protocolScheme: String?

    /// Creates flags; every parameter defaults to "not given".
    public init(
        connection: String? = nil, connectionsFile: String? = nil, account: String? = nil, user: String? = nil,
        privateKeyFile: String? = nil, privateKeySecret: String? = nil, privateKeyPassphraseEnv: String? = nil,
        warehouse: String? = nil, database: String? = nil, schema: String? = nil, role: String? = nil,
        host: String? = nil, port: Int? = nil, protocolScheme: String? = nil
    ) {
        self.connection = connection
        self.connectionsFile = connectionsFile
        self.account = account
        self.user = user
        self.privateKeyFile = privateKeyFile
        self.privateKeySecret = privateKeySecret
        self.privateKeyPassphraseEnv = privateKeyPassphraseEnv
        self.warehouse = warehouse
        self.database = database
        self.schema = schema
        self.role = role
        self.host = host
        self.port = port
        self.protocolScheme = protocolScheme
    }
}
