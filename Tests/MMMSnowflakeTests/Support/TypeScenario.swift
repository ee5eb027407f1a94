import Foundation

/// A statement whose result covers every jsonv2 type, spread over three partitions (1 and 2 gzip-compressed).
enum TypeScenario {
    static let sql = "SELECT * FROM ALL_TYPES"

    static var columns: [[String: Any]] { [
        FakeScenario.column("ID", "fixed", scale: 0, precision: 38),
        FakeScenario.column("AMOUNT", "fixed", scale: 2, precision: 12),
        FakeScenario.column("RATIO", "real"),
        FakeScenario.column("NAME", "text"),
        FakeScenario.column("ACTIVE", "boolean"),
        FakeScenario.column("DAY", "date"),
        FakeScenario.column("AT_TIME", "time", scale: 9),
        FakeScenario.column("NTZ", "timestamp_ntz", scale: 9),
        FakeScenario.column("LTZ", "timestamp_ltz", scale: 9),
        FakeScenario.column("TZ", "timestamp_tz", scale: 9),
        FakeScenario.column("DOC", "variant"),
        FakeScenario.column("OBJ", "object"),
        FakeScenario.column("ARR", "array"),
        FakeScenario.column("BLOB", "binary"),
    ] }

    static func row(_ id: Int) -> [String?] {
        [String(id), "\(id).25", "0.5", "name \"\(id)\"\nline", id % 2 == 0 ? "true" : "false", String(18262 + id),
         "3600.5", "1616173619.123000000", "1616173619.000000000", "1616173619.000000000 1500",
         "{\n  \"k\": \(id)\n}", "{\"a\":1}", "[1,2]", "CAFE"]
    }

    static let nullRow: [String?] = Array(repeating: nil, count: 14)

    /// Partition 0: rows 0–1, partition 1: rows 2–4 and a NULL row, partition 2: rows 6–7.
    static var partitions: [[[String?]]] {
        [[row(0), row(1)], [row(2), row(3), row(4), nullRow], [row(6), row(7)]]
    }
}
