import Foundation

/// Accumulates one column's cells. Subclasses parse the raw (already unescaped) cell bytes for their type.
///
/// Builders are classes so the row loop can call them through one vtable dispatch per cell; they are private to
/// a single decoder and never shared across tasks.
class ColumnBuilder {
    func appendNull() {}
    func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {}
    func makeValues() -> SnowflakeColumnValues { .text([]) }

    /// The builder for a column type.
    static func make(for column: SnowflakeColumnDescription) -> ColumnBuilder {
        switch column.type {
        case .fixed: FixedBuilder(scale: max(0, column.scale ?? 0))
        case .decfloat: ExactDecimalBuilder()
        case .real: DoubleBuilder()
        case .boolean: BooleanBuilder()
        case .date: DateBuilder()
        case .time: TimeBuilder()
        case .timestampNTZ, .timestampLTZ: TimestampBuilder()
        case .timestampTZ: TimestampTZBuilder()
        case .binary: BinaryBuilder()
        case .variant, .object, .array, .map, .geography, .geometry, .vector: StringBuilder(json: true)
        case .text, .other: StringBuilder(json: false)
        }
    }
}

/// `fixed`: scaled `Int64` while every value fits, exact text from the first value that does not.
final class FixedBuilder: ColumnBuilder {
    let scale: Int
    private var unscaled: [Int64?] = []
    private var exact: [String?] = []
    private var isExact = false

    init(scale: Int) { self.scale = scale }

    override func appendNull() {
        if isExact { exact.append(nil) } else { unscaled.append(nil) }
    }

    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        if !isExact, let value = try CellParsers.fixed(cell, scale: scale) {
            unscaled.append(value)
            return
        }
        try CellParsers.validateDecimalText(cell, allowExponent: false)
        if !isExact { promote() }
        exact.append(String(decoding: cell, as: UTF8.self))
    }

    /// Rewrites the values seen so far as text; deterministic because it depends only on the data.
    private func promote() {
        isExact = true
        exact = unscaled.map { $0.map { SnowflakeFormat.decimal(unscaled: $0, scale: scale) } }
        unscaled = []
    }

    override func makeValues() -> SnowflakeColumnValues {
        isExact ? .exactDecimal(exact) : .fixed(scale: scale, unscaled: unscaled)
    }
}

/// `decfloat`: exact text.
final class ExactDecimalBuilder: ColumnBuilder {
    private var values: [String?] = []
    override func appendNull() { values.append(nil) }
    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        try CellParsers.validateDecimalText(cell, allowExponent: true)
        values.append(String(decoding: cell, as: UTF8.self))
    }
    override func makeValues() -> SnowflakeColumnValues { .exactDecimal(values) }
}

final class DoubleBuilder: ColumnBuilder {
    private var values: [Double?] = []
    override func appendNull() { values.append(nil) }
    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        values.append(try CellParsers.double(cell))
    }
    override func makeValues() -> SnowflakeColumnValues { .double(values) }
}

final class StringBuilder: ColumnBuilder {
    private let json: Bool
    private var values: [String?] = []
    init(json: Bool) { self.json = json }
    override func appendNull() { values.append(nil) }
    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        values.append(String(decoding: cell, as: UTF8.self))
    }
    override func makeValues() -> SnowflakeColumnValues { json ? .json(values) : .text(values) }
}

final class BooleanBuilder: ColumnBuilder {
    private var values: [Bool?] = []
    override func appendNull() { values.append(nil) }
    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        values.append(try CellParsers.boolean(cell))
    }
    override func makeValues() -> SnowflakeColumnValues { .boolean(values) }
}

final class DateBuilder: ColumnBuilder {
    private var values: [Int32?] = []
    override func appendNull() { values.append(nil) }
    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        let days = try CellParsers.integer(cell)
        guard let narrow = Int32(exactly: days) else { throw CellError(reason: "date out of range") }
        values.append(narrow)
    }
    override func makeValues() -> SnowflakeColumnValues { .date(values) }
}

final class TimeBuilder: ColumnBuilder {
    private var values: [Int64?] = []
    override func appendNull() { values.append(nil) }
    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        let parts = try CellParsers.secondsAndNanoseconds(cell)
        guard (0..<86_400).contains(parts.seconds), parts.nanoseconds >= 0 else {
            throw CellError(reason: "time of day out of range")
        }
        values.append(parts.seconds * 1_000_000_000 + parts.nanoseconds)
    }
    override func makeValues() -> SnowflakeColumnValues { .time(values) }
}

final class TimestampBuilder: ColumnBuilder {
    private var values: [SnowflakeTimestamp?] = []
    override func appendNull() { values.append(nil) }
    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        values.append(try CellParsers.timestamp(cell))
    }
    override func makeValues() -> SnowflakeColumnValues { .timestamp(values) }
}

final class TimestampTZBuilder: ColumnBuilder {
    private var values: [SnowflakeTimestampTZ?] = []
    override func appendNull() { values.append(nil) }
    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        values.append(try CellParsers.timestampTZ(cell))
    }
    override func makeValues() -> SnowflakeColumnValues { .timestampTZ(values) }
}

final class BinaryBuilder: ColumnBuilder {
    private var values: [Data?] = []
    override func appendNull() { values.append(nil) }
    override func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        values.append(try CellParsers.hex(cell))
    }
    override func makeValues() -> SnowflakeColumnValues { .binary(values) }
}
