import Foundation
import MMMTestSupport

/// The Python Snowflake SQL API fake (Tests/Fixtures/snowflake/fake_snowflake.py) for the pages: a key pair made
/// with the openssl CLI, one listener of the shared fake answering the connection check, the demo table and one
/// query, and the worker environment that points `mmm-cli snowflake …` at it over http on 127.0.0.1.
struct ServeSnowflakeFake: Sendable {
    static let checkSQL =
        "SELECT CURRENT_ACCOUNT(), CURRENT_USER(), CURRENT_ROLE(), CURRENT_WAREHOUSE(), CURRENT_DATABASE(), "
        + "CURRENT_SCHEMA(), CURRENT_VERSION(), CURRENT_TIMESTAMP()"
    static let tableSQL = "SELECT * FROM \"ANALYTICS\".\"MMM\".\"DEMO\""
    static let query = "SELECT * FROM ANALYTICS.MMM.DEMO WHERE DATE >= '2015-11-23'"

    let directory: URL
    let listener: SnowflakeFakeListener

    var keyPath: String { directory.appendingPathComponent("key.p8").path }
    var key: Data { get throws { try Data(contentsOf: URL(fileURLWithPath: keyPath)) } }

    static func start() async throws -> ServeSnowflakeFake {
        let directory = try TemporaryDirectory.make("mmm-serve-snowflake")
        try Shell.run("""
            set -e; cd \(Shell.quote(directory.path))
            openssl genrsa 2048 2>/dev/null | openssl pkcs8 -topk8 -inform PEM -out key.p8 -nocrypt
            openssl rsa -in key.p8 -pubout -out key.pub 2>/dev/null
            """)
        let demo = try demoTable()
        let check: [String: Any] = [
            "columns": ["CURRENT_ACCOUNT()", "CURRENT_USER()", "CURRENT_ROLE()", "CURRENT_WAREHOUSE()", "CURRENT_DATABASE()",
                        "CURRENT_SCHEMA()", "CURRENT_VERSION()"].map { column($0, "text") }
                + [column("CURRENT_TIMESTAMP()", "timestamp_ltz", scale: 9)],
            "partitions": [[["MY_ACCOUNT", "JANE.DOE", "ANALYST", "WH", NSNull(), NSNull(), "9.1.0", "1795317495.000000000"]]],
        ]
        let scenario = try JSONSerialization.data(withJSONObject: ["statements": [checkSQL: check, tableSQL: demo, query: demo]])
        let listener = try await SnowflakeFakeListener(
            scenario: scenario, publicKeyPath: directory.appendingPathComponent("key.pub").path, account: "MYORG-MY_ACCOUNT",
            user: "JANE.DOE")
        return ServeSnowflakeFake(directory: directory, listener: listener)
    }

    /// The server's environment with `SNOWFLAKE_HOST/PORT/PROTOCOL` aimed at the fake (and no developer settings).
    var workerEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SNOWFLAKE_") }
        env["SNOWFLAKE_HOME"] = directory.path
        env["SNOWFLAKE_HOST"] = "127.0.0.1"
        env["SNOWFLAKE_PORT"] = String(listener.port)
        env["SNOWFLAKE_PROTOCOL"] = "http"
        return env
    }

    /// The Connect form's fields for the fake's user.
    static let connection = ["account": "myorg-my_account", "user": "jane.doe", "warehouse": "WH", "role": "ANALYST"]

    func stop() { listener.closeSoon() }

    private static func column(_ name: String, _ type: String, scale: Int? = nil) -> [String: Any] {
        var column: [String: Any] = ["name": name, "type": type]
        if let scale { column["scale"] = scale }
        return column
    }

    /// The demo data as a Snowflake result: DATE as jsonv2 days since 1970, `events` as TEXT, the rest REAL.
    private static func demoTable() throws -> [String: Any] {
        let text = String(decoding: try ServeFixture.demoData, as: UTF8.self)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        let columns = header.map { column($0, $0 == "DATE" ? "date" : ($0 == "events" ? "text" : "real")) }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let rows: [[String]] = lines.dropFirst().map { row in
            row.enumerated().map { index, cell in
                guard header[index] == "DATE", let date = formatter.date(from: cell) else { return cell }
                return String(Int(date.timeIntervalSince1970 / 86400))
            }
        }
        return ["columns": columns, "partitions": [Array(rows.prefix(100)), Array(rows.dropFirst(100))]]
    }
}
