import Foundation

/// Builds the JSON scenario the fake serves, keyed by statement text.
struct FakeScenario {
    var unauthorizedFirstRequests = 0
    var statements: [String: [String: Any]] = [:]

    /// A result: `columns` are rowType entries, `partitions` lists of rows in jsonv2 encoding.
    mutating func result(
        _ sql: String, columns: [[String: Any]], partitions: [[[String?]]], extra: [String: Any] = [:]
    ) {
        var spec: [String: Any] = ["columns": columns, "partitions": partitions.map { $0.map { $0.map { $0 ?? NSNull() as Any } } }]
        spec.merge(extra) { _, new in new }
        statements[sql] = spec
    }

    /// A statement that fails with `status` and a Snowflake error body.
    mutating func failure(_ sql: String, status: Int, code: String, sqlState: String, message: String) {
        statements[sql] = ["error": ["status": status, "body": ["code": code, "sqlState": sqlState, "message": message]]]
    }

    /// A statement that stays running until cancelled.
    mutating func slow(_ sql: String) {
        statements[sql] = ["slow": true, "columns": [] as [Any], "partitions": [[]] as [Any]]
    }

    func json() throws -> Data {
        try JSONSerialization.data(withJSONObject: [
            "unauthorizedFirstRequests": unauthorizedFirstRequests, "statements": statements,
        ], options: [.sortedKeys])
    }

    static func column(_ name: String, _ type: String, scale: Int? = nil, precision: Int? = nil) -> [String: Any] {
        var column: [String: Any] = ["name": name, "type": type]
        if let scale { column["scale"] = scale }
        if let precision { column["precision"] = precision }
        return column
    }
}
