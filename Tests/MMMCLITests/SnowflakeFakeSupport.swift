import Foundation
import MMMTestSupport

/// The Python SQL API fake, driven from the CLI tests: one key pair per test run (openssl CLI), a listener of the
/// shared fake per test with a scenario keyed by statement text, and the connection flags pointing `mmm-cli` at it
/// over http on 127.0.0.1.
final class CLISnowflakeFake: Sendable {
    static let passphrase = "cli-Passphrase-4711"

    /// The key files, generated once per test run (RSA key generation is slow on a loaded machine).
    static let keys: Result<URL, any Error> = Result {
        let directory = try TemporaryDirectory.make("mmm-cli-snowflake")
        try Shell.run("""
            set -e; cd \(Shell.quote(directory.path))
            openssl genrsa 2048 2>/dev/null | openssl pkcs8 -topk8 -inform PEM -out key.p8 -nocrypt
            openssl pkcs8 -topk8 -v2 des3 -in key.p8 -passout pass:\(passphrase) -out key-des3.p8
            openssl rsa -in key.p8 -pubout -out key.pub 2>/dev/null
            """)
        return directory
    }

    let directory: URL
    let listener: SnowflakeFakeListener

    var plainKey: String { directory.appendingPathComponent("key.p8").path }
    var encryptedKey: String { directory.appendingPathComponent("key-des3.p8").path }

    /// Opens a listener with `statements` (SQL text → `{columns, partitions}` in jsonv2 encoding).
    init(statements: [String: Any]) async throws {
        directory = try Self.keys.get()
        let scenario = try JSONSerialization.data(withJSONObject: ["statements": statements], options: [.sortedKeys])
        listener = try await SnowflakeFakeListener(
            scenario: scenario, publicKeyPath: directory.appendingPathComponent("key.pub").path,
            account: "MYORG-MY_ACCOUNT", user: "JANE.DOE")
    }

    /// Closes the listener in the background (for `defer`, which also keeps the fake alive to the end of the test).
    func stop() { listener.closeSoon() }

    /// `mmm-cli` connection flags for this fake.
    func flags(key: String? = nil) -> [String] {
        [
            "--account", "myorg-my_account", "--user", "jane.doe", "--private-key-file", key ?? plainKey,
            "--host", "127.0.0.1", "--port", String(listener.port), "--protocol", "http", "--warehouse", "WH",
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

extension CLI {
    /// Runs `mmm-cli` without holding a cooperative-pool thread while it works (see ``ProcessRunner/runDetached``).
    static func runDetached(_ arguments: [String], environment: [String: String]? = nil) async throws -> ProcessOutput {
        try await ProcessRunner.runDetached(binary, arguments, environment: environment)
    }
}
