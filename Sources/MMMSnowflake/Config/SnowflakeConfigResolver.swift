import Foundation
import MMMTransport

/// Builds a ``SnowflakeConnectionConfiguration`` the way Snowflake's own connectors find settings.
///
/// **Precedence** (highest first), per setting:
/// 1. command-line flags (``SnowflakeConfigFlags``);
/// 2. `SNOWFLAKE_*` environment variables (`SNOWFLAKE_ACCOUNT`, `SNOWFLAKE_USER`, `SNOWFLAKE_PRIVATE_KEY_FILE`,
///    `SNOWFLAKE_PRIVATE_KEY_FILE_PWD`, `SNOWFLAKE_WAREHOUSE`, `SNOWFLAKE_DATABASE`, `SNOWFLAKE_SCHEMA`,
///    `SNOWFLAKE_ROLE`, `SNOWFLAKE_HOST`, `SNOWFLAKE_PORT`, `SNOWFLAKE_PROTOCOL`, …);
/// 3. the named connection in `connections.toml`.
///
/// The file is `$SNOWFLAKE_HOME/connections.toml` when `SNOWFLAKE_HOME` is set, else `~/.snowflake/connections.toml`
/// (falling back to `~/.config/snowflake/connections.toml`), unless `--connections-file` names one. The connection
/// is `--connection`, else `SNOWFLAKE_DEFAULT_CONNECTION_NAME`, else the file's `default_connection_name`, else
/// `default`. An explicitly named connection must exist; the implicit `default` may be absent.
///
/// The passphrase of an encrypted key comes from the environment variable named by `--private-key-passphrase-env`,
/// else `SNOWFLAKE_PRIVATE_KEY_FILE_PWD`, else `PRIVATE_KEY_PASSPHRASE`, else `private_key_file_pwd` in the file,
/// else the client's prompt — never from a flag value.
public struct SnowflakeConfigResolver: Sendable {
    /// The environment to read (`SNOWFLAKE_*`, `SNOWFLAKE_HOME`, passphrase variables).
    public var environment: [String: String]
    /// The home directory used for `~` and the default connections directory.
    public var homeDirectory: String
    /// File access.
    public var fileSystem: any SnowflakeConfigFileSystem

    /// Creates a resolver.
    /// - Parameters:
    ///   - environment: Environment variables (default: the process environment).
    ///   - homeDirectory: The home directory (default: the current user's).
    ///   - fileSystem: File access (default: the real file system).
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String = FileManager.default.homeDirectoryForCurrentUser.path,
        fileSystem: any SnowflakeConfigFileSystem = LocalConfigFileSystem()
    ) {
        self.environment = environment
        self.homeDirectory = homeDirectory
        self.fileSystem = fileSystem
    }

    /// Resolves flags, environment and connections file into one configuration.
    /// - Parameter flags: The command-line flags.
    /// - Returns: The configuration (the key itself is loaded later by ``SnowflakeClient``).
    /// - Throws: ``SnowflakeConfigurationError``.
    public func resolve(_ flags: SnowflakeConfigFlags) throws(SnowflakeConfigurationError)
        -> SnowflakeConnectionConfiguration
    {
        let file = try loadConnectionsFile(flags)
        let selected = try selectConnection(flags, file: file)
        let layers = SettingLayers(flags: flags, environment: environment, table: selected.table,
                                   tableLabel: selected.label)
        try checkAuthenticator(layers)

        let accountSetting = try require(layers.find("account", flag: flags.account, env: ["SNOWFLAKE_ACCOUNT"],
                                                     keys: ["account"]), "account", flag: "--account",
                                         env: "SNOWFLAKE_ACCOUNT", file: file.path)
        let account = try SnowflakeAccount(accountSetting.value)
        let userSetting = try require(layers.find("user", flag: flags.user, env: ["SNOWFLAKE_USER"],
                                                  keys: ["user", "username"]), "user", flag: "--user",
                                      env: "SNOWFLAKE_USER", file: file.path)
        let key = try privateKey(layers, file: file.path)
        let passphrase = try self.passphrase(layers, flags: flags)
        let endpoint = try SnowflakeEndpoint(layers: layers, flags: flags, account: account)

        var configuration = SnowflakeConnectionConfiguration(
            account: account, user: userSetting.value, privateKey: key.source,
            privateKeyPassphrase: passphrase?.secret, baseURL: endpoint.url)
        var origins = ["account": accountSetting.origin, "user": userSetting.origin, "private_key": key.origin]
        if let passphrase { origins["private_key_file_pwd"] = passphrase.origin }
        origins.merge(endpoint.origins) { first, _ in first }
        for (name, flag, envName) in [("warehouse", flags.warehouse, "SNOWFLAKE_WAREHOUSE"),
                                      ("database", flags.database, "SNOWFLAKE_DATABASE"),
                                      ("schema", flags.schema, "SNOWFLAKE_SCHEMA"), ("role", flags.role, "SNOWFLAKE_ROLE")]
        {
            guard let found = layers.find(name, flag: flag, env: [envName], keys: [name]) else { continue }
            let value = SnowflakeSessionName.normalise(found.value)
            switch name {
            case "warehouse": configuration.warehouse = value
            case "database": configuration.database = value
            case "schema": configuration.schema = value
            default: configuration.role = value
            }
            origins[name] = found.origin
        }
        configuration.connectionName = selected.table == nil ? nil : selected.name
        configuration.origins = origins
        configuration.warnings = endpoint.warnings
        if passphrase?.origin.hasPrefix("connections.toml") == true, fileSystem.isReadableByOthers(atPath: file.path) {
            configuration.warnings.append(
                "\(file.path) holds a key passphrase but is readable by other users; run `chmod 600 \(file.path)`")
        }
        return configuration
    }

    /// The names of the connections in the connections file (file order), or `[]` when there is no file.
    /// - Parameter flags: Flags (only `connectionsFile` matters).
    /// - Throws: ``SnowflakeConfigurationError`` when the file is unreadable or invalid.
    public func connectionNames(_ flags: SnowflakeConfigFlags = SnowflakeConfigFlags()) throws(SnowflakeConfigurationError)
        -> [String]
    {
        try loadConnectionsFile(flags).toml?.tableOrder ?? []
    }

    /// The connections file that applies (it may not exist).
    /// - Parameter flags: Flags (only `connectionsFile` matters).
    public func connectionsFilePath(_ flags: SnowflakeConfigFlags = SnowflakeConfigFlags()) -> String {
        candidatePaths(flags).first { (try? fileSystem.contents(atPath: $0)) != nil } ?? candidatePaths(flags)[0]
    }

    // MARK: - Steps

    private func candidatePaths(_ flags: SnowflakeConfigFlags) -> [String] {
        if let explicit = flags.connectionsFile { return [expandHome(explicit)] }
        if let home = nonEmpty(environment["SNOWFLAKE_HOME"]) {
            return [(expandHome(home) as NSString).appendingPathComponent("connections.toml")]
        }
        let configHome = nonEmpty(environment["XDG_CONFIG_HOME"]) ?? (homeDirectory as NSString).appendingPathComponent(".config")
        return [(homeDirectory as NSString).appendingPathComponent(".snowflake/connections.toml"),
                (configHome as NSString).appendingPathComponent("snowflake/connections.toml")]
    }

    private func loadConnectionsFile(_ flags: SnowflakeConfigFlags) throws(SnowflakeConfigurationError)
        -> (path: String, toml: ConnectionsTOML?)
    {
        for path in candidatePaths(flags) {
            let data: Data?
            do {
                data = try fileSystem.contents(atPath: path)
            } catch {
                throw SnowflakeConfigurationError(kind: .invalidConnectionsFile,
                                                  message: "connections file \(path) could not be read")
            }
            guard let data else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                throw SnowflakeConfigurationError(kind: .invalidConnectionsFile,
                                                  message: "connections file \(path) is not UTF-8 text")
            }
            return (path, try ConnectionsTOML.parse(text, path: path))
        }
        if flags.connectionsFile != nil {
            throw SnowflakeConfigurationError(kind: .invalidConnectionsFile,
                                              message: "connections file \(candidatePaths(flags)[0]) does not exist")
        }
        return (candidatePaths(flags)[0], nil)
    }

    private func selectConnection(_ flags: SnowflakeConfigFlags, file: (path: String, toml: ConnectionsTOML?))
        throws(SnowflakeConfigurationError) -> (name: String, table: [String: TOMLValue]?, label: String)
    {
        let explicit = nonEmpty(flags.connection) ?? nonEmpty(environment["SNOWFLAKE_DEFAULT_CONNECTION_NAME"])
        let name = explicit ?? file.toml?.topLevel["default_connection_name"]?.text ?? "default"
        let table = file.toml?.tables[name]
        if table == nil, explicit != nil || file.toml?.topLevel["default_connection_name"] != nil {
            guard let toml = file.toml else {
                throw SnowflakeConfigurationError(
                    kind: .connectionNotFound,
                    message: "connection '\(name)' cannot be read: \(file.path) does not exist (create it, set SNOWFLAKE_HOME, or pass --account, --user and --private-key-file)")
            }
            let list = toml.tableOrder.isEmpty ? "none" : toml.tableOrder.joined(separator: ", ")
            throw SnowflakeConfigurationError(
                kind: .connectionNotFound,
                message: "connection '\(name)' is not defined in \(file.path) (available: \(list))")
        }
        return (name, table, "connections.toml [\(name)]")
    }

    private func checkAuthenticator(_ layers: SettingLayers) throws(SnowflakeConfigurationError) {
        guard let found = layers.find("authenticator", flag: nil, env: ["SNOWFLAKE_AUTHENTICATOR"], keys: ["authenticator"])
        else { return }
        guard found.value.uppercased() == "SNOWFLAKE_JWT" else {
            throw SnowflakeConfigurationError(
                kind: .invalidSetting,
                message: "authenticator '\(found.value)' (\(found.origin)) is not supported: this client only does "
                    + "key-pair authentication (authenticator = \"SNOWFLAKE_JWT\" or unset)")
        }
    }

    private func require(
        _ found: SettingLayers.Found?, _ name: String, flag: String, env: String, file: String
    ) throws(SnowflakeConfigurationError) -> SettingLayers.Found {
        guard let found else {
            throw SnowflakeConfigurationError(
                kind: .missingSetting,
                message: "no Snowflake \(name) configured: pass \(flag), set \(env), or add \(name) = \"...\" to the "
                    + "connection in \(file)")
        }
        return found
    }

    func expandHome(_ path: String) -> String {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return (homeDirectory as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        return path
    }
}

/// Treats empty strings as absent.
func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    return value
}
