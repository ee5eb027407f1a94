import Foundation

/// The three configuration layers, queried per setting in precedence order.
struct SettingLayers {
    struct Found: Equatable {
        let value: String
        let origin: String
    }

    let flags: SnowflakeConfigFlags
    let environment: [String: String]
    let table: [String: TOMLValue]?
    let tableLabel: String

    /// The first value among the flag, the environment variables and the table keys.
    func find(_ setting: String, flag: String?, env: [String], keys: [String]) -> Found? {
        if let flag = nonEmpty(flag) { return Found(value: flag, origin: "flag --\(setting)") }
        for name in env {
            if let value = nonEmpty(environment[name]) { return Found(value: value, origin: "env \(name)") }
        }
        for key in keys {
            if let value = table?[key], !value.text.isEmpty { return Found(value: value.text, origin: "\(tableLabel) \(key)") }
        }
        return nil
    }
}

/// How warehouse/database/schema/role names are sent: the SQL API compares them case-sensitively, while
/// Snowflake's connectors run `USE …` with the name unquoted. To behave like the connectors, names that are valid
/// unquoted identifiers are uppercased; `"Quoted"` names keep their case (quotes removed).
enum SnowflakeSessionName {
    static func normalise(_ value: String) -> String {
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return SnowflakeObjectName.isUnquotedIdentifier(value) ? value.uppercased() : value
    }
}
