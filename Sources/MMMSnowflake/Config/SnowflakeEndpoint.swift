import Foundation

/// The API origin built from `host`, `port` and `protocol` as Snowflake's connectors honour them:
/// `host` defaults to the account's host, `protocol` to `https`, `port` to the protocol's default.
struct SnowflakeEndpoint {
    let url: URL
    let origins: [String: String]
    let warnings: [String]

    init(layers: SettingLayers, flags: SnowflakeConfigFlags, account: SnowflakeAccount) throws(SnowflakeConfigurationError) {
        var origins: [String: String] = [:]
        var host = account.defaultHost
        if let found = layers.find("host", flag: flags.host, env: ["SNOWFLAKE_HOST"], keys: ["host"]) {
            host = found.value.lowercased()
            origins["host"] = found.origin
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-_")
            guard !host.isEmpty, host.allSatisfy({ allowed.contains($0) }) else {
                throw SnowflakeConfigurationError(
                    kind: .invalidSetting,
                    message: "host '\(found.value)' (\(found.origin)) must be a bare host name such as "
                        + "myorg-acct.privatelink.snowflakecomputing.com: no scheme, port or path (use port and protocol)")
            }
        }
        var scheme = "https"
        if let found = layers.find("protocol", flag: flags.protocolScheme, env: ["SNOWFLAKE_PROTOCOL"], keys: ["protocol"]) {
            scheme = found.value.lowercased()
            origins["protocol"] = found.origin
            guard scheme == "https" || scheme == "http" else {
                throw SnowflakeConfigurationError(
                    kind: .invalidSetting, message: "protocol '\(found.value)' (\(found.origin)) must be https or http")
            }
        }
        var port: Int?
        let portFlag = flags.port.map(String.init)
        if let found = layers.find("port", flag: portFlag, env: ["SNOWFLAKE_PORT"], keys: ["port"]) {
            guard let number = Int(found.value), (1...65_535).contains(number) else {
                throw SnowflakeConfigurationError(
                    kind: .invalidSetting, message: "port '\(found.value)' (\(found.origin)) must be 1–65535")
            }
            port = number
            origins["port"] = found.origin
        }
        let defaultPort = scheme == "https" ? 443 : 80
        let portSuffix = port.map { $0 == defaultPort ? "" : ":\($0)" } ?? ""
        guard let url = URL(string: "\(scheme)://\(host)\(portSuffix)") else {
            throw SnowflakeConfigurationError(kind: .invalidSetting, message: "host '\(host)' does not form a valid URL")
        }
        var warnings: [String] = []
        if scheme == "http", !["127.0.0.1", "localhost", "::1"].contains(host) {
            warnings.append("protocol is http: the key-pair token and all data travel unencrypted to \(host)")
        }
        self.url = url
        self.origins = origins
        self.warnings = warnings
    }
}
