import ArgumentParser
import Foundation
import MMMCore
import MMMJobs
import MMMSnowflake
import MMMTransport

#if canImport(Glibc)
    import Glibc
#endif

/// Snowflake connection flags. Precedence: these flags > SNOWFLAKE_* environment > the named connection in
/// `$SNOWFLAKE_HOME/connections.toml` (default `~/.snowflake`); see docs/snowflake.md. There is no passphrase flag:
/// argv is visible to other users — name an environment variable instead, or answer the prompt.
struct SnowflakeOptions: ParsableArguments {
    @Option(help: "Named connection in connections.toml.")
    var connection: String?
    @Option(help: "connections.toml to read (default: $SNOWFLAKE_HOME/connections.toml or ~/.snowflake/connections.toml).")
    var connectionsFile: String?
    @Option(help: "Account identifier: ORG-ACCOUNT or an account locator (optionally with region).")
    var account: String?
    @Option(help: "Login name.")
    var user: String?
    @Option(help: "PEM private key file (PKCS#8, PKCS#1 or encrypted PKCS#8).")
    var privateKeyFile: String?
    @Option(help: "Secret Manager secret holding the PEM key: projects/P/secrets/NAME[/versions/V] (read with Google Application Default Credentials; kept in memory only).")
    var privateKeySecret: String?
    @Option(help: "Name of the environment variable holding the key's passphrase.")
    var privateKeyPassphraseEnv: String?
    @Option(help: "Warehouse.")
    var warehouse: String?
    @Option(help: "Database.")
    var database: String?
    @Option(help: "Schema.")
    var schema: String?
    @Option(help: "Role.")
    var role: String?
    @Option(help: "Host (private link, or a local test server).")
    var host: String?
    @Option(help: "Port.")
    var port: Int?
    @Option(name: .customLong("protocol"), help: "https (default) or http.")
    var protocolScheme: String?

    var flags: SnowflakeConfigFlags {
        SnowflakeConfigFlags(
            connection: connection, connectionsFile: connectionsFile, account: account, user: user,
            privateKeyFile: privateKeyFile, privateKeySecret: privateKeySecret,
            privateKeyPassphraseEnv: privateKeyPassphraseEnv, warehouse: warehouse, database: database, schema: schema,
            role: role, host: host, port: port, protocolScheme: protocolScheme)
    }

    /// Resolves the configuration and connects (loads and checks the key; no request is sent yet).
    func makeClient(_ console: Console) async throws -> SnowflakeClient {
        let configuration = try SnowflakeConfigResolver().resolve(flags)
        for warning in configuration.warnings { console.warning(warning) }
        console.detail("snowflake: \(configuration)")
        var options = SnowflakeClientOptions(userAgent: "mmm-trainer/\(MMMVersion.current)")
        options.log = { line in console.detail("snowflake: " + line) }
        options.passphrasePrompt = Self.promptForPassphrase
        // --private-key-secret / SNOWFLAKE_PRIVATE_KEY_SECRET: Secret Manager is reached only when a secret is configured.
        options.secretFetcher = CloudAccess.services(console).privateKeyFetcher()
        return try await SnowflakeClient(configuration: configuration, options: options)
    }

    /// Asks on the terminal, without echo, when the key is encrypted and no passphrase source is set.
    @Sendable static func promptForPassphrase() throws -> SecretValue? {
        guard isatty(STDIN_FILENO) == 1, let answer = getpass("Private key passphrase: ") else { return nil }
        return SecretValue(String(cString: answer))
    }
}
