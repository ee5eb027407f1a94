import Foundation
import MMMCore
import MMMParquet
import MMMTestSupport

/// Seeded tables with every writable kind, nulls, and the awkward values (NaN, ±0, ±∞, subnormals, empty and
/// non-ASCII strings, dates before 1970).
enum SampleTables {
    static func everyKind(rows: Int, seed: UInt64 = 11) throws -> ParquetTable {
        var random = SeededRandom(seed: seed)
        func maybe<T>(_ value: T, _ nullRate: Double = 0.15) -> T? {
            random.uniform(0...1) < nullRate ? nil : value
        }
        let specials: [Double] = [.nan, 0.0, -0.0, .infinity, -.infinity, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 0.1]
        let words = ["DE", "FR", "Köln", "東京", "", "brand, \"always on\"", "😀 emoji"]
        var flags: [Bool?] = [], ints: [Int64?] = [], counts: [Int64?] = [], doubles: [Double?] = []
        var spends: [Double?] = [], texts: [String?] = [], labels: [String?] = [], dates: [CalendarDate?] = []
        var stamps: [Int64?] = [], required: [Double?] = [], ids: [Int64?] = []
        for r in 0..<rows {
            flags.append(maybe(random.next() % 2 == 0))
            ints.append(maybe(Int64(bitPattern: random.next())))
            counts.append(maybe(Int64(random.next() % 40)))
            doubles.append(maybe(random.next() % 5 == 0 ? specials[Int(random.next() % 8)] : random.uniform(-1e9...1e9)))
            spends.append(maybe((random.uniform(0...50_000) * 100).rounded() / 100, 0.02))
            texts.append(maybe("row \(r) " + String(repeating: "x", count: Int(random.next() % 30))))
            labels.append(maybe(words[Int(random.next() % UInt64(words.count))]))
            dates.append(maybe(CalendarDate(daysSinceEpoch: Int(random.next() % 40_000) - 20_000)))
            stamps.append(maybe(Int64(random.next() % (1 << 51)) - (1 << 50)))
            required.append(Double(r) * 0.5)
            ids.append(Int64(r))
        }
        return try ParquetTable(columns: [
            ParquetColumn(name: "flag", values: .boolean(flags)),
            ParquetColumn(name: "i64", values: .int64(ints)),
            ParquetColumn(name: "small_count", values: .int64(counts)),
            ParquetColumn(name: "value", values: .double(doubles)),
            ParquetColumn(name: "spend", values: .double(spends)),
            ParquetColumn(name: "text", values: .string(texts)),
            ParquetColumn(name: "label", values: .string(labels)),
            ParquetColumn(name: "day", values: .date(dates)),
            ParquetColumn(name: "at", values: .timestamp(stamps)),
            ParquetColumn(name: "all_null", values: .double(Array(repeating: nil, count: rows))),
            ParquetColumn(name: "required", values: .double(required), isNullable: false),
            ParquetColumn(name: "id", values: .int64(ids), isNullable: false),
        ])
    }

    /// Small options that force several row groups and many pages.
    static func smallPages(_ compression: ParquetCompression, dictionary: Bool) -> ParquetWriter.Options {
        var options = ParquetWriter.Options()
        options.compression = compression
        options.dictionary = dictionary
        options.rowGroupRows = 700
        options.pageBytes = 2048
        return options
    }
}
