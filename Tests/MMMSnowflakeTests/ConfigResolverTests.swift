import Foundation
import MMMSnowflake
import MMMTransport
import Testing

struct ConfigResolverTests {
    static let home = "/home/u"
    static let defaultPath = "/home/u/.snowflake/connections.toml"
    static let file = """
        default_connection_name = "dev"
        [dev]
        account = "myorg-dev"
        user = "file_user"
        private_key_file = "~/keys/dev.p8"
        warehouse = "file_wh"
        database = "file_db"
        schema = "file_schema"
        role = "file_role"
        [other]
        account = "myorg-other"
        user = "other_user"
        private_key_file = "/keys/other.p8"
        [default]
        account = "myorg-default"
        user = "default_user"
        private_key_file = "/keys/default.p8"
        """

    private func resolver(
        _ environment: [String: String] = [:], files: [String: String] = [defaultPath: file],
        worldReadable: Set<String> = []
    ) -> SnowflakeConfigResolver {
        SnowflakeConfigResolver(environment: environment, homeDirectory: Self.home,
                                fileSystem: InMemoryConfigFiles(files: files, worldReadable: worldReadable))
    }

    @Test func flagsBeatEnvironmentWhichBeatsTheFile() throws {
        let onlyFile = try resolver().resolve(SnowflakeConfigFlags())
        #expect(onlyFile.user == "file_user")
        #expect(onlyFile.warehouse == "FILE_WH")
        #expect(onlyFile.origins["user"] == "connections.toml [dev] user")
        #expect(onlyFile.privateKey == .file(path: "/home/u/keys/dev.p8"))

        let environment = ["SNOWFLAKE_USER": "env_user", "SNOWFLAKE_WAREHOUSE": "env_wh", "SNOWFLAKE_ROLE": "env_role",
                           "SNOWFLAKE_PRIVATE_KEY_FILE": "/env/key.p8"]
        let withEnv = try resolver(environment).resolve(SnowflakeConfigFlags())
        #expect(withEnv.user == "env_user")
        #expect(withEnv.warehouse == "ENV_WH")
        #expect(withEnv.database == "FILE_DB")
        #expect(withEnv.origins["warehouse"] == "env SNOWFLAKE_WAREHOUSE")
        #expect(withEnv.privateKey == .file(path: "/env/key.p8"))

        let flags = SnowflakeConfigFlags(user: "flag_user", privateKeyFile: "/flag/key.p8", warehouse: "flag_wh")
        let withFlags = try resolver(environment).resolve(flags)
        #expect(withFlags.user == "flag_user")
        #expect(withFlags.warehouse == "FLAG_WH")
        #expect(withFlags.role == "ENV_ROLE")
        #expect(withFlags.schema == "FILE_SCHEMA")
        #expect(withFlags.origins["user"] == "flag --user")
        #expect(withFlags.privateKey == .file(path: "/flag/key.p8"))
    }

    @Test func connectionChoiceOrder() throws {
        #expect(try resolver().resolve(SnowflakeConfigFlags()).connectionName == "dev")
        let env = ["SNOWFLAKE_DEFAULT_CONNECTION_NAME": "other"]
        #expect(try resolver(env).resolve(SnowflakeConfigFlags()).connectionName == "other")
        #expect(try resolver(env).resolve(SnowflakeConfigFlags(connection: "default")).connectionName == "default")
        let noDefaultName = Self.file.replacingOccurrences(of: "default_connection_name = \"dev\"\n", with: "")
        let implicit = try resolver(files: [Self.defaultPath: noDefaultName]).resolve(SnowflakeConfigFlags())
        #expect(implicit.connectionName == "default")
        #expect(implicit.user == "default_user")
    }

    @Test func namedConnectionMustExist() {
        let error = #expect(throws: SnowflakeConfigurationError.self) {
            try resolver().resolve(SnowflakeConfigFlags(connection: "prod"))
        }
        #expect(error?.kind == .connectionNotFound)
        #expect(error?.message.contains("available: dev, other, default") == true)
    }

    @Test func missingFileAndImplicitDefaultFallBackToEnvironment() throws {
        let environment = ["SNOWFLAKE_ACCOUNT": "xy12345.us-east-2.aws", "SNOWFLAKE_USER": "svc",
                           "SNOWFLAKE_PRIVATE_KEY_PATH": "/k.p8"]
        let configuration = try resolver(environment, files: [:]).resolve(SnowflakeConfigFlags())
        #expect(configuration.connectionName == nil)
        #expect(configuration.baseURL.absoluteString == "https://xy12345.us-east-2.aws.snowflakecomputing.com")
        #expect(configuration.privateKey == .file(path: "/k.p8"))
    }

    @Test func snowflakeHomeMovesTheDirectory() throws {
        let moved = "/srv/sf/connections.toml"
        let files = [moved: "[default]\naccount = \"myorg-moved\"\nuser = \"m\"\nprivate_key_file = \"/m.p8\"",
                     Self.defaultPath: Self.file]
        let configuration = try resolver(["SNOWFLAKE_HOME": "/srv/sf"], files: files).resolve(SnowflakeConfigFlags())
        #expect(configuration.account.jwtAccount == "MYORG-MOVED")
        #expect(resolver(["SNOWFLAKE_HOME": "/srv/sf"], files: files).connectionsFilePath() == moved)
        let explicit = try resolver(files: files).resolve(SnowflakeConfigFlags(connectionsFile: moved))
        #expect(explicit.user == "m")
        #expect(throws: SnowflakeConfigurationError.self) {
            try resolver(files: files).resolve(SnowflakeConfigFlags(connectionsFile: "/nope.toml"))
        }
    }

    @Test func xdgLocationIsTheFallback() throws {
        let xdg = "/home/u/.config/snowflake/connections.toml"
        let files = [xdg: "[default]\naccount = \"myorg-xdg\"\nuser = \"x\"\nprivate_key_file = \"/x.p8\""]
        #expect(try resolver(files: files).resolve(SnowflakeConfigFlags()).user == "x")
    }

    @Test(arguments: [
        (SnowflakeConfigFlags(host: "127.0.0.1", port: 8085, protocolScheme: "http"), [String: String](), "http://127.0.0.1:8085"),
        (SnowflakeConfigFlags(), ["SNOWFLAKE_HOST": "myorg-dev.privatelink.snowflakecomputing.com"],
         "https://myorg-dev.privatelink.snowflakecomputing.com"),
        (SnowflakeConfigFlags(port: 443), [:], "https://myorg-dev.snowflakecomputing.com"),
        (SnowflakeConfigFlags(protocolScheme: "HTTP"), ["SNOWFLAKE_PORT": "80", "SNOWFLAKE_HOST": "localhost"], "http://localhost"),
        (SnowflakeConfigFlags(), ["SNOWFLAKE_PORT": "9443"], "https://myorg-dev.snowflakecomputing.com:9443"),
    ])
    func hostPortAndProtocolFormTheBaseURL(flags: SnowflakeConfigFlags, environment: [String: String], url: String) throws {
        #expect(try resolver(environment).resolve(flags).baseURL.absoluteString == url)
    }

    @Test(arguments: [
        SnowflakeConfigFlags(port: 0), SnowflakeConfigFlags(port: 70_000), SnowflakeConfigFlags(host: "https://x.com"),
        SnowflakeConfigFlags(host: "x.com:443"), SnowflakeConfigFlags(host: "x.com/path"), SnowflakeConfigFlags(protocolScheme: "ftp"),
    ])
    func invalidEndpointSettingsAreRejected(flags: SnowflakeConfigFlags) {
        let error = #expect(throws: SnowflakeConfigurationError.self) { try resolver().resolve(flags) }
        #expect(error?.kind == .invalidSetting)
    }

    @Test func plainHTTPToARemoteHostWarns() throws {
        let remote = try resolver().resolve(SnowflakeConfigFlags(host: "proxy.example.com", protocolScheme: "http"))
        #expect(remote.warnings.contains { $0.contains("unencrypted") })
        let local = try resolver().resolve(SnowflakeConfigFlags(host: "127.0.0.1", protocolScheme: "http"))
        #expect(local.warnings.isEmpty)
    }

    @Test func passphraseSourcesInOrder() throws {
        let withFilePassword = Self.file.replacingOccurrences(
            of: "warehouse = \"file_wh\"", with: "warehouse = \"file_wh\"\nprivate_key_file_pwd = \"from-file\"")
        let files = [Self.defaultPath: withFilePassword]
        #expect(try resolver(files: files).resolve(SnowflakeConfigFlags()).privateKeyPassphrase?.text == "from-file")
        let env = ["PRIVATE_KEY_PASSPHRASE": "from-generic", "MY_PASS": "from-named"]
        #expect(try resolver(env, files: files).resolve(SnowflakeConfigFlags()).privateKeyPassphrase?.text == "from-generic")
        var both = env
        both["SNOWFLAKE_PRIVATE_KEY_FILE_PWD"] = "from-snowflake"
        let resolved = try resolver(both, files: files).resolve(SnowflakeConfigFlags())
        #expect(resolved.privateKeyPassphrase?.text == "from-snowflake")
        #expect(resolved.origins["private_key_file_pwd"] == "env SNOWFLAKE_PRIVATE_KEY_FILE_PWD")
        let named = try resolver(both, files: files).resolve(SnowflakeConfigFlags(privateKeyPassphraseEnv: "MY_PASS"))
        #expect(named.privateKeyPassphrase?.text == "from-named")
        let missing = #expect(throws: SnowflakeConfigurationError.self) {
            try resolver(both, files: files).resolve(SnowflakeConfigFlags(privateKeyPassphraseEnv: "UNSET_VAR"))
        }
        #expect(missing?.message.contains("UNSET_VAR") == true)
        #expect(try resolver().resolve(SnowflakeConfigFlags()).privateKeyPassphrase == nil)
    }

    @Test func descriptionNeverShowsThePassphraseOrRawKey() throws {
        let env = ["SNOWFLAKE_PRIVATE_KEY_FILE_PWD": "pw-9f8e7d", "SNOWFLAKE_PRIVATE_KEY_RAW": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"]
        let configuration = try resolver(env).resolve(SnowflakeConfigFlags())
        for text in [configuration.description, String(reflecting: configuration), "\(configuration)"] {
            #expect(!text.contains("pw-9f8e7d"))
            #expect(!text.contains("MIIEvQ"))
        }
        #expect(configuration.description.contains("passphrase=<redacted>"))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("pw-9f8e7d"))
        #expect(!dumped.contains("MIIEvQ"))
    }

    @Test func worldReadableFileWithPassphraseWarns() throws {
        let text = Self.file.replacingOccurrences(of: "user = \"file_user\"", with: "user = \"file_user\"\nprivate_key_file_pwd = \"p\"")
        let configuration = try resolver(files: [Self.defaultPath: text], worldReadable: [Self.defaultPath])
            .resolve(SnowflakeConfigFlags())
        #expect(configuration.warnings.contains { $0.contains("chmod 600") })
    }

    @Test func keySourcesAndConflicts() throws {
        let secret = try resolver().resolve(SnowflakeConfigFlags(privateKeySecret: "projects/p1/secrets/sf-key"))
        #expect(secret.privateKey == .secretManager(resourceName: "projects/p1/secrets/sf-key"))
        let versioned = try resolver(["SNOWFLAKE_PRIVATE_KEY_SECRET": "projects/p1/secrets/k/versions/3"]).resolve(SnowflakeConfigFlags())
        #expect(versioned.privateKey == .secretManager(resourceName: "projects/p1/secrets/k/versions/3"))
        let bad = #expect(throws: SnowflakeConfigurationError.self) {
            try resolver().resolve(SnowflakeConfigFlags(privateKeySecret: "sf-key"))
        }
        #expect(bad?.kind == .invalidSetting)
        let both = #expect(throws: SnowflakeConfigurationError.self) {
            try resolver().resolve(SnowflakeConfigFlags(privateKeyFile: "/a", privateKeySecret: "projects/p/secrets/s"))
        }
        #expect(both?.kind == .conflictingSettings)
        let twoEnv = #expect(throws: SnowflakeConfigurationError.self) {
            try resolver(["SNOWFLAKE_PRIVATE_KEY_FILE": "/a", "SNOWFLAKE_PRIVATE_KEY_RAW": "pem"]).resolve(SnowflakeConfigFlags())
        }
        #expect(twoEnv?.kind == .conflictingSettings)
        let raw = try resolver(["SNOWFLAKE_PRIVATE_KEY_RAW": "PEM TEXT"]).resolve(SnowflakeConfigFlags())
        #expect(raw.privateKey == .pem(SecretValue("PEM TEXT"), origin: "env SNOWFLAKE_PRIVATE_KEY_RAW"))
    }

    @Test(arguments: [
        ("account", "SNOWFLAKE_ACCOUNT", "--account"), ("user", "SNOWFLAKE_USER", "--user"),
        ("private_key_file", "SNOWFLAKE_PRIVATE_KEY_FILE", "--private-key-file"),
    ])
    func missingRequiredSettingsSayHowToSetThem(key: String, env: String, flag: String) {
        var lines = ["[default]", "account = \"xy12345\"", "user = \"u\"", "private_key_file = \"/k.p8\""]
        lines.removeAll { $0.hasPrefix(key + " ") }
        let files = [Self.defaultPath: lines.joined(separator: "\n")]
        let error = #expect(throws: SnowflakeConfigurationError.self) { try resolver(files: files).resolve(SnowflakeConfigFlags()) }
        #expect(error?.kind == .missingSetting)
        #expect(error?.message.contains(env) == true)
        #expect(error?.message.contains(flag) == true)
    }

    @Test func onlyKeyPairAuthenticationIsAccepted() throws {
        #expect(try resolver(["SNOWFLAKE_AUTHENTICATOR": "snowflake_jwt"]).resolve(SnowflakeConfigFlags()).user == "file_user")
        let error = #expect(throws: SnowflakeConfigurationError.self) {
            try resolver(["SNOWFLAKE_AUTHENTICATOR": "externalbrowser"]).resolve(SnowflakeConfigFlags())
        }
        #expect(error?.message.contains("key-pair") == true)
    }

    @Test func sessionNamesFollowUnquotedIdentifierRules() throws {
        let configuration = try resolver().resolve(SnowflakeConfigFlags(
            warehouse: "compute_wh", database: "\"Mixed Case\"", schema: "my-schema", role: "Analyst"))
        #expect(configuration.warehouse == "COMPUTE_WH")
        #expect(configuration.database == "Mixed Case")
        #expect(configuration.schema == "my-schema")
        #expect(configuration.role == "ANALYST")
    }

    @Test func unreadableFileIsReported() {
        let files = InMemoryConfigFiles(files: [Self.defaultPath: Self.file], unreadable: [Self.defaultPath])
        let resolver = SnowflakeConfigResolver(environment: [:], homeDirectory: Self.home, fileSystem: files)
        let error = #expect(throws: SnowflakeConfigurationError.self) { try resolver.resolve(SnowflakeConfigFlags()) }
        #expect(error?.kind == .invalidConnectionsFile)
    }
}
