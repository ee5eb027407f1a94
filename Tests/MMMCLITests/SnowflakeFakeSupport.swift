import Foundation
import MMMTestSupport

/// The Python SQL API fake, driven from the CLI tests: one key pair (openssl CLI), a scenario keyed by statement
/// text, and the connection flags pointing `mmm-cli` at it over http on 127.0.0.1.
final class CLISnowflakeFake {
    static let passphrase = "cli-Passphrase-4711"
    let directory: URL
    let server: PythonServer

    var plainKey: String { directory.appendingPathComponent("key.p8").path }
    var encryptedKey: String { directory.appendingPathComponent("key-des3.p8").path }

    /// Starts the fake with `statements` (SQL text → `{columns, partitions}` in jsonv2 encoding).
    init(statements: [String: Any]) async throws {
        directory = try TemporaryDirectory.make("mmm-cli-snowflake")
        try Shell.run("""
            set -e; cd \(Shell.quote(directory.path))
            openssl genrsa 2048 2>/dev/null | openssl pkcs8 -topk8 -inform PEM -out key.p8 -nocrypt
            openssl pkcs8 -topk8 -v2 des3 -in key.p8 -passout pass:\(Self.passphrase) -out key-des3.p8
            openssl rsa -in key.p8 -pubout -out key.pub 2>/dev/null
            """)
        let scenario = directory.appendingPathComponent("scenario.json")
        try JSONSerialization.data(withJSONObject: ["statements": statements], options: [.sortedKeys]).write(to: scenario)
        server = try await PythonServer(script: "fake_snowflake.py", arguments: [
            "--public-key", directory.appendingPathComponent("key.pub").path, "--account", "MYORG-MY_ACCOUNT",
            "--user", "JANE.DOE", "--scenario", scenario.path,
        ])
    }

    deinit { server.stop() }

    /// `mmm-cli` connection flags for this fake.
    func flags(key: String? = nil) -> [String] {
        [
            "--account", "myorg-my_account", "--user", "jane.doe", "--private-key-file", key ?? plainKey,
            "--host", "127.0.0.1", "--port", String(server.port), "--protocol", "http", "--warehouse", "WH",
            "--role", "ANALYST",
        ]
    }

    /// An environment without the developer's SNOWFLAKE_* settings or connections.toml.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SNOWFLAKE_") }
        env["SNOWFLAKE_HOME"] = directory.path
        env.merge(extra) { _, new in new }
        return env
    }

    static func column(_ name: String, _ type: String, scale: Int? = nil) -> [String: Any] {
        var column: [String: Any] = ["name": name, "type": type]
        if let scale { column["scale"] = scale }
        return column
    }
}

/// Robyn's demo data as a Snowflake result: DATE as jsonv2 days, numbers as REAL/FIXED text, events as TEXT, split
/// into two partitions (the second one gzip on the wire).
enum DemoAsSnowflakeTable {
    static func statement() throws -> [String: Any] {
        let text = try String(contentsOfFile: CLI.path("Examples/data/dt_simulated_weekly.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        var columns: [[String: Any]] = []
        for name in header {
            switch name {
            case "DATE": columns.append(CLISnowflakeFake.column(name, "date"))
            case "events": columns.append(CLISnowflakeFake.column(name, "text"))
            case "competitor_sales_B": columns.append(CLISnowflakeFake.column(name, "fixed", scale: 0))
            default: columns.append(CLISnowflakeFake.column(name, "real"))
            }
        }
        let rows: [[String]] = lines.dropFirst().map { row in
            row.enumerated().map { index, cell in
                guard header[index] == "DATE" else { return cell }
                let parts = cell.split(separator: "-").compactMap { Int($0) }
                var components = DateComponents()
                components.year = parts[0]
                components.month = parts[1]
                components.day = parts[2]
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
                let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
                return String(Int(date.timeIntervalSince1970 / 86400))
            }
        }
        return ["columns": columns, "partitions": [Array(rows.prefix(100)), Array(rows.dropFirst(100))]]
    }
}
