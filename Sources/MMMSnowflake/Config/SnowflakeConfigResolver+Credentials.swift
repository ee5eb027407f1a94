import Foundation
import MMMTransport

/// Where the private key and its passphrase come from (flags > environment > connections file).
extension SnowflakeConfigResolver {
    func privateKey(_ layers: SettingLayers, file: String) throws(SnowflakeConfigurationError)
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

    func secretSource(_ value: String, origin: String) throws(SnowflakeConfigurationError) -> SnowflakePrivateKeySource {
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

    func passphrase(_ layers: SettingLayers, flags: SnowflakeConfigFlags) throws(SnowflakeConfigurationError)
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
}
