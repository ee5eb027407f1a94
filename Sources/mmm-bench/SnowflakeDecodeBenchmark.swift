import Foundation
import MMMSnowflake

/// Decode throughput of Snowflake jsonv2 result partitions (MB/s of JSON).
///
/// Generates one realistic partition in memory (mixed types, ~5 % NULLs, some escaped text and pretty-printed
/// VARIANT JSON), then decodes it repeatedly with ``SnowflakeResultDecoder`` and reports the median and best rate.
/// Usage: `mmm-bench snowflake-decode [--rows N] [--iterations K]`.
enum SnowflakeDecodeBenchmark {
    static func run(_ arguments: [String]) async throws {
        let rows = try option("--rows", in: arguments) ?? 200_000
        let iterations = try option("--iterations", in: arguments) ?? 7
        let (columns, body) = makePartition(rows: rows)
        let megabytes = Double(body.count) / 1_000_000
        print("snowflake-decode: \(rows) rows x \(columns.count) columns, \(String(format: "%.1f", megabytes)) MB JSON")

        var rates: [Double] = []
        for _ in 0..<max(1, iterations) {
            let decoder = SnowflakeResultDecoder(columns: columns)
            let start = ContinuousClock.now
            let decoded = try decoder.decodePartition(body)
            let elapsed = ContinuousClock.now - start
            guard decoded == rows else { throw BenchmarkError(message: "decoded \(decoded) rows, expected \(rows)") }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            rates.append(megabytes / seconds)
            withExtendedLifetime(decoder.makeColumns()) {}
        }
        rates.sort()
        let median = rates[rates.count / 2]
        print(String(format: "snowflake-decode: median %.0f MB/s, best %.0f MB/s over %d runs", median,
                     rates.last ?? median, rates.count))
    }

    struct BenchmarkError: Error, CustomStringConvertible { let message: String; var description: String { message } }

    private static func option(_ name: String, in arguments: [String]) throws -> Int? {
        guard let index = arguments.firstIndex(of: name) else { return nil }
        guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else {
            throw BenchmarkError(message: "\(name) needs a positive integer")
        }
        return value
    }

    /// A deterministic partition: `{"data": [[...], ...]}` with the given number of rows.
    static func makePartition(rows: Int) -> ([SnowflakeColumnDescription], Data) {
        let columns = [
            SnowflakeColumnDescription(name: "ID", type: .fixed, scale: 0, precision: 38, nullable: false),
            SnowflakeColumnDescription(name: "SPEND", type: .fixed, scale: 2, precision: 12),
            SnowflakeColumnDescription(name: "ROAS", type: .real),
            SnowflakeColumnDescription(name: "CHANNEL", type: .text, length: 256),
            SnowflakeColumnDescription(name: "ACTIVE", type: .boolean),
            SnowflakeColumnDescription(name: "WEEK", type: .date),
            SnowflakeColumnDescription(name: "LOADED_AT", type: .timestampNTZ, scale: 9),
            SnowflakeColumnDescription(name: "EVENT_AT", type: .timestampTZ, scale: 9),
            SnowflakeColumnDescription(name: "ATTRIBUTES", type: .variant),
        ]
        let channels = ["search", "social", "tv", "radio", "display \\\"brand\\\"", "affiliate", "email", "ooh"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var text = "{\"data\":["
        text.reserveCapacity(rows * 260)
        for row in 0..<rows {
            if row > 0 { text += "," }
            func cell(_ value: String) -> String { next() % 20 == 0 ? "null" : "\"" + value + "\"" }
            let spend = next() % 10_000_000
            let roas = Double(next() % 1_000_000) / 1000
            let seconds = 1_600_000_000 + next() % 100_000_000
            let fields = [
                "\"\(row)\"",
                cell("\(spend / 100).\(String(format: "%02d", spend % 100))"),
                cell("\(roas)"),
                cell(channels[Int(next() % UInt64(channels.count))]),
                cell(next() % 2 == 0 ? "true" : "false"),
                cell("\(18_000 + next() % 2_000)"),
                cell("\(seconds).\(String(format: "%09d", next() % 1_000_000_000))"),
                cell("\(seconds).000000000 \(1440 + Int(next() % 5) * 60 - 120)"),
                cell("{\\n  \\\"campaign\\\": \\\"c\(next() % 500)\\\",\\n  \\\"weight\\\": \(next() % 100)\\n}"),
            ]
            text += "[" + fields.joined(separator: ",") + "]"
        }
        text += "]}"
        return (columns, Data(text.utf8))
    }
}
