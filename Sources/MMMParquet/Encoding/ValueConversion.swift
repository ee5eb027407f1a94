import MMMCore

/// Turns stored values into the column's ``ParquetValueKind`` (the logical-type step of decoding).
extension LeafColumn {
    /// Converts integers (INT32 widened, or INT64) for this column.
    func convert(integers raw: [Int64]) throws -> ValueStore {
        var store = ValueStore(kind: kind)
        switch (kind, conversion) {
        case (.int64, .none): store.integers = raw
        case (.int64, .unsigned32): store.integers = raw.map { Int64(UInt32(truncatingIfNeeded: $0)) }
        case (.double, .unsigned64): store.doubles = raw.map { Double(UInt64(bitPattern: $0)) }
        case (.date, _):
            store.days = try raw.map {
                guard let day = Int32(exactly: $0) else { throw ParquetError.corrupt("a date is out of range") }
                return day
            }
        case (.timestamp, .timestamp(let unit)): store.integers = try raw.map { try Self.micros($0, unit) }
        case (.double, .decimal(let scale)): store.doubles = raw.map { Self.decimal($0, scale: scale) }
        case (.string, .time(let unit)): store.strings = raw.map { Self.timeText($0, unit) }
        default: throw ParquetError.corrupt("integers stored in a \(physical.name) column")
        }
        return store
    }

    /// Converts byte strings (BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY, INT96) for this column.
    /// - Parameters:
    ///   - count: number of values.
    ///   - value: the bytes of value `i`.
    func convert(count: Int, bytes value: (Int) -> UnsafeBufferPointer<UInt8>) throws -> ValueStore {
        var store = ValueStore(kind: kind)
        store.reserve(count)
        switch (kind, conversion) {
        case (.string, .none):
            for i in 0..<count {
                guard let text = String(validating: value(i), as: UTF8.self) else {
                    throw ParquetError(
                        "a cell holds bytes that are not UTF-8 text", column: name,
                        hint: "store text as UTF-8 strings, or drop the binary column")
                }
                store.strings.append(text)
            }
        case (.string, .uuid): for i in 0..<count { store.strings.append(Self.uuidText(value(i))) }
        case (.double, .decimal(let scale)): for i in 0..<count { store.doubles.append(try Self.decimal(value(i), scale: scale)) }
        case (.double, .float16): for i in 0..<count { store.doubles.append(Self.halfToDouble(value(i))) }
        case (.timestamp, .int96): for i in 0..<count { store.integers.append(try Self.int96Micros(value(i))) }
        default: throw ParquetError.corrupt("byte strings stored in a \(physical.name) column")
        }
        return store
    }

    static func micros(_ value: Int64, _ unit: TimeUnit) throws -> Int64 {
        switch unit {
        case .micros: return value
        case .nanos: return value >= 0 ? value / 1000 : -((-(value + 1)) / 1000) - 1
        case .millis:
            let (product, overflow) = value.multipliedReportingOverflow(by: 1000)
            guard !overflow else { throw ParquetError.corrupt("a timestamp is out of range") }
            return product
        }
    }

    static func decimal(_ unscaled: Int64, scale: Int) -> Double {
        if unscaled.magnitude <= 1 << 53 && scale <= 22 { return Double(unscaled) / pow10(scale) }
        return NumberParser.parse(decimalText(String(unscaled), scale: scale)) ?? .nan
    }

    /// A big-endian two's-complement unscaled decimal of any length.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, scale: Int) throws -> Double {
        guard !bytes.isEmpty else { throw ParquetError.corrupt("an empty decimal") }
        guard bytes.count <= 16 else {
            throw ParquetError.corrupt("a decimal wider than 16 bytes")
        }
        var value: Int128 = bytes[0] & 0x80 != 0 ? -1 : 0
        for b in bytes { value = value << 8 | Int128(b) }
        if let small = Int64(exactly: value) { return decimal(small, scale: scale) }
        return NumberParser.parse(decimalText(String(value), scale: scale)) ?? .nan
    }

    private static func decimalText(_ digits: String, scale: Int) -> String {
        guard scale > 0 else { return digits }
        let negative = digits.hasPrefix("-")
        var magnitude = negative ? String(digits.dropFirst()) : digits
        if magnitude.count <= scale { magnitude = String(repeating: "0", count: scale - magnitude.count + 1) + magnitude }
        let point = magnitude.index(magnitude.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + magnitude[..<point] + "." + magnitude[point...]
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    /// INT96: 8 bytes nanoseconds of the day, then 4 bytes Julian day (both little-endian).
    static func int96Micros(_ b: UnsafeBufferPointer<UInt8>) throws -> Int64 {
        guard b.count == 12 else { throw ParquetError.corrupt("an INT96 value is not 12 bytes") }
        var nanos: Int64 = 0
        for i in 0..<8 { nanos |= Int64(b[i]) << Int64(8 * i) }
        var julian: Int64 = 0
        for i in 0..<4 { julian |= Int64(b[8 + i]) << Int64(8 * i) }
        let days = Int64(Int32(truncatingIfNeeded: julian)) - 2_440_588
        let (dayMicros, overflow) = days.multipliedReportingOverflow(by: 86_400_000_000)
        let (total, overflow2) = dayMicros.addingReportingOverflow(try micros(nanos, .nanos))
        guard !overflow, !overflow2 else { throw ParquetError.corrupt("an INT96 timestamp is out of range") }
        return total
    }

    static func timeText(_ value: Int64, _ unit: TimeUnit) -> String {
        let perSecond: Int64 = unit == .millis ? 1000 : unit == .micros ? 1_000_000 : 1_000_000_000
        let digits = unit == .millis ? 3 : unit == .micros ? 6 : 9
        let v = value.magnitude
        let seconds = v / UInt64(perSecond), fraction = v % UInt64(perSecond)
        func two(_ x: UInt64) -> String { x < 10 ? "0\(x)" : "\(x)" }
        let frac = String(fraction)
        return (value < 0 ? "-" : "") + "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))."
            + String(repeating: "0", count: digits - frac.count) + frac
    }

    static func uuidText(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let hex = Array("0123456789abcdef")
        var out = ""
        for (i, byte) in b.enumerated() {
            if [4, 6, 8, 10].contains(i) { out.append("-") }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return out
    }

    /// IEEE 754 half precision (little-endian) to double.
    static func halfToDouble(_ b: UnsafeBufferPointer<UInt8>) -> Double {
        guard b.count == 2 else { return .nan }
        let bits = UInt16(b[0]) | UInt16(b[1]) << 8
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int(bits >> 10 & 0x1F), mantissa = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * mantissa * 0x1p-24
        case 31: return mantissa == 0 ? sign * .infinity : .nan
        default: return sign * (1 + mantissa / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
