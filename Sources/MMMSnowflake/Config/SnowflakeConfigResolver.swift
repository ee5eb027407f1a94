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
            let available = file.toml?.tableOrder ?? []
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
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

    private func privateKey(_ layers: SettingLayers, file: String) throws(SnowflakeConfigurationError)
        -> (source: SnowflakePrivateKeySource, origin: String)
    {
        let flagSources = [("--private-key-file", layers.flags.privateKeyFile), ("--private-key-secret", layers.flags.privateKeySecret)]
            .compactMap { name, value in nonEmpty(value).map { (name, $0) } }
        if flagSources.count > 1 {
            throw SnowflakeConfigurationError(kind: .conflictingSettings,
                                              message: "give only one of --private-key-file and --private-key-secret")
        }
        if let (name, value) = flagSources.first {
            return name == "--private-key-file"
                ? (.file(path: expandHome(value)), "flag \(name)") : (try secretSource(value, origin: "flag \(name)"), "flag \(name)")
        }
        let envNames = ["SNOWFLAKE_PRIVATE_KEY_FILE", "SNOWFLAKE_PRIVATE_KEY_PATH", "SNOWFLAKE_PRIVATE_KEY_RAW",
                        "SNOWFLAKE_PRIVATE_KEY_SECRET"]
        let envSources = envNames.compactMap { name in nonEmpty(environment[name]).map { (name, $0) } }
        if envSources.count > 1 {
            throw SnowflakeConfigurationError(
                kind: .conflictingSettings,
                message: "set only one of " + envSources.map(\.0).joined(separator: ", "))
        }
        if let (name, value) = envSources.first {
            let origin = "env \(name)"
            switch name {
            case "SNOWFLAKE_PRIVATE_KEY_RAW": return (.pem(SecretValue(value), origin: origin), origin)
            case "SNOWFLAKE_PRIVATE_KEY_SECRET": return (try secretSource(value, origin: origin), origin)
            default: return (.file(path: expandHome(value)), origin)
            }
        }
        let keys = ["private_key_file", "private_key_path", "private_key_raw"]
        let tableSources = keys.compactMap { key in layers.table?[key].map { (key, $0.text) } }
        if tableSources.count > 1 {
            throw SnowflakeConfigurationError(
                kind: .conflictingSettings,
                message: "\(layers.tableLabel) sets " + tableSources.map(\.0).joined(separator: " and ") + "; keep one")
        }
        if let (key, value) = tableSources.first {
            let origin = "\(layers.tableLabel) \(key)"
            return key == "private_key_raw" ? (.pem(SecretValue(value), origin: origin), origin)
                : (.file(path: expandHome(value)), origin)
        }
        throw SnowflakeConfigurationError(
            kind: .missingSetting,
            message: "no private key configured: pass --private-key-file or --private-key-secret, set "
                + "SNOWFLAKE_PRIVATE_KEY_FILE, or add private_key_file = \"...\" to the connection in \(file)")
    }

    private func secretSource(_ value: String, origin: String) throws(SnowflakeConfigurationError) -> SnowflakePrivateKeySource {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let valid = (parts.count == 4 || (parts.count == 6 && parts[4] == "versions")) && parts[0] == "projects"
            && parts[2] == "secrets" && parts.allSatisfy { !$0.isEmpty }
        guard valid else {
            throw SnowflakeConfigurationError(
                kind: .invalidSetting,
                message: "\(origin) must look like projects/PROJECT/secrets/NAME[/versions/VERSION], got '\(value)'")
        }
        return .secretManager(resourceName: value)
    }

    private func passphrase(_ layers: SettingLayers, flags: SnowflakeConfigFlags) throws(SnowflakeConfigurationError)
        -> (secret: SecretValue, origin: String)?
    {
        if let name = nonEmpty(flags.privateKeyPassphraseEnv) {
            guard let value = environment[name], !value.isEmpty else {
                throw SnowflakeConfigurationError(
                    kind: .missingSetting,
                    message: "environment variable \(name) (named by --private-key-passphrase-env) is not set")
            }
            return (SecretValue(value), "env \(name)")
        }
        for name in ["SNOWFLAKE_PRIVATE_KEY_FILE_PWD", "PRIVATE_KEY_PASSPHRASE"] {
            if let value = nonEmpty(environment[name]) { return (SecretValue(value), "env \(name)") }
        }
        for key in ["private_key_file_pwd", "private_key_pwd"] {
            if let value = layers.table?[key]?.text, !value.isEmpty {
                return (SecretValue(value), "\(layers.tableLabel) \(key)")
            }
        }
        return nil
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

    private func expandHome(_ path: String) -> String {
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
