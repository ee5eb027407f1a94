import Foundation
import MMMCore
import MMMParquet
import MMMTestSupport

/// The Python oracle (`Tests/Fixtures/parquet/parquet_oracle.py`, pyarrow + duckdb from PyPI), found as `python3`
/// on PATH. When it cannot run, tests print a loud SKIPPED line on stderr and pass.
enum ParquetOracle {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/parquet")
    static let script = fixtures.appendingPathComponent("parquet_oracle.py").path

    /// Whether pyarrow and duckdb import (checked once).
    static let isAvailable: Bool = {
        (try? ProcessRunner.run("/usr/bin/env", ["python3", script, "check"]).code) == 0
    }()

    /// Prints the skip notice; returns true when the oracle is missing.
    static func skipped(_ test: String) -> Bool {
        guard !isAvailable else { return false }
        FileHandle.standardError.write(
            Data("SKIPPED: \(test): python3 with pyarrow and duckdb is not available (pip install pyarrow duckdb)\n".utf8))
        return true
    }

    /// Fixture files written by pyarrow and duckdb at test time, once per test process.
    static let generated: Result<(URL, [OracleFile]), any Error> = Result {
        let directory = try TemporaryDirectory.make("mmm-parquet-fixtures")
        let run = try ProcessRunner.run("/usr/bin/env", ["python3", script, "write-fixtures", directory.path, "--rows", "1500"])
        guard run.code == 0 else { throw OracleFailure(description: "write-fixtures failed: \(run.stderr)") }
        let data = try Data(contentsOf: directory.appendingPathComponent("manifest.json"))
        return (directory, try OracleFile.manifest(data))
    }

    /// What pyarrow and duckdb read from each of `paths`.
    static func read(_ paths: [String]) throws -> [(pyarrow: [OracleColumn], duckdb: [OracleColumn])] {
        let run = try ProcessRunner.run("/usr/bin/env", ["python3", script, "read"] + paths)
        guard run.code == 0 else { throw OracleFailure(description: "read failed: \(run.stderr)") }
        guard let list = try JSONSerialization.jsonObject(with: run.stdoutData) as? [[String: Any]] else {
            throw OracleFailure(description: "read printed no list")
        }
        return try list.map {
            (try OracleColumn.list($0["pyarrow"]), try OracleColumn.list($0["duckdb"]))
        }
    }
}

struct OracleFailure: Error, CustomStringConvertible {
    var description: String
}

/// One fixture file and the values its oracle read.
struct OracleFile {
    var file: String
    var columns: [OracleColumn]

    static func manifest(_ data: Data) throws -> [OracleFile] {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = root["files"] as? [[String: Any]]
        else { throw OracleFailure(description: "manifest has no files") }
        return try files.map { OracleFile(file: $0["file"] as? String ?? "?", columns: try OracleColumn.list($0["columns"])) }
    }
}

/// A column as the oracle read it, in the library's kinds.
struct OracleColumn {
    var name: String
    var values: ParquetValues

    static func list(_ any: Any?) throws -> [OracleColumn] {
        guard let columns = any as? [[String: Any]] else { throw OracleFailure(description: "no column list") }
        return try columns.map(OracleColumn.init)
    }

    init(_ json: [String: Any]) throws {
        name = json["name"] as? String ?? "?"
        let cells = json["values"] as? [Any] ?? []
        func map<T>(_ f: (Any) -> T?) -> [T?] { cells.map { $0 is NSNull ? nil : f($0) } }
        switch json["kind"] as? String {
        case "boolean": values = .boolean(map { ($0 as? NSNumber)?.boolValue })
        case "int64": values = .int64(map { ($0 as? NSNumber)?.int64Value })
        case "timestamp": values = .timestamp(map { ($0 as? NSNumber)?.int64Value })
        case "double": values = .double(map { ($0 as? String).flatMap(Self.double) })
        case "string": values = .string(map { $0 as? String })
        case "date": values = .date(map { ($0 as? String).flatMap { DateFormat.isoDate.parse($0) } })
        default: throw OracleFailure(description: "column \(name): unknown kind \(json["kind"] ?? "nil")")
        }
    }

    /// Python's float.hex() text (or inf/nan).
    static func double(_ text: String) -> Double? {
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(text)
        }
    }
}

/// The first difference between two columns' values (doubles compared bit for bit, any NaN equal to any NaN).
func firstDifference(_ a: ParquetValues, _ b: ParquetValues) -> String? {
    guard a.kind == b.kind else { return "kind \(a.kind) vs \(b.kind)" }
    guard a.count == b.count else { return "\(a.count) vs \(b.count) rows" }
    func compare<T>(_ x: [T?], _ y: [T?], _ same: (T, T) -> Bool) -> String? {
        for i in x.indices {
            switch (x[i], y[i]) {
            case (nil, nil): continue
            case (let p?, let q?) where same(p, q): continue
            default: return "row \(i): \(String(describing: x[i])) vs \(String(describing: y[i]))"
            }
        }
        return nil
    }
    switch (a, b) {
    case (.boolean(let x), .boolean(let y)): return compare(x, y, ==)
    case (.int64(let x), .int64(let y)), (.timestamp(let x), .timestamp(let y)): return compare(x, y, ==)
    case (.double(let x), .double(let y)): return compare(x, y) { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    case (.string(let x), .string(let y)): return compare(x, y) { Array($0.utf8) == Array($1.utf8) }
    case (.date(let x), .date(let y)): return compare(x, y, ==)
    default: return "kinds differ"
    }
}
