import Foundation

/// Parsers for temporal, boolean and binary jsonv2 cells.
extension CellParsers {
    /// `seconds[.fraction]` as whole seconds and nanoseconds, with the sign applied to both
    /// (`-1.5` → (−1, −500 000 000)). Fractions beyond 9 digits are truncated.
    static func secondsAndNanoseconds(_ cell: Bytes) throws(CellError) -> (seconds: Int64, nanoseconds: Int64, hadPoint: Bool) {
        var index = 0
        let count = cell.count
        var negative = false
        if count > 0, cell[0] == 0x2D || cell[0] == 0x2B {
            negative = cell[0] == 0x2D
            index = 1
        }
        var seconds: Int64 = 0
        var digits = 0
        while index < count, isDigit(cell[index]) {
            let (product, overflow1) = seconds.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(Int64(cell[index] &- 0x30))
            guard !overflow1, !overflow2 else { throw CellError(reason: "number out of range") }
            seconds = sum
            digits += 1
            index += 1
        }
        var nanoseconds: Int64 = 0
        var hadPoint = false
        if index < count, cell[index] == 0x2E {
            hadPoint = true
            index += 1
            var fractionDigits = 0
            while index < count, isDigit(cell[index]) {
                if fractionDigits < 9 {
                    nanoseconds = nanoseconds * 10 + Int64(cell[index] &- 0x30)
                    fractionDigits += 1
                }
                digits += 1
                index += 1
            }
            for _ in fractionDigits..<9 { nanoseconds *= 10 }
        }
        guard digits > 0, index == count else { throw CellError(reason: "not a seconds value") }
        return negative ? (-seconds, -nanoseconds, hadPoint) : (seconds, nanoseconds, hadPoint)
    }

    /// A timestamp cell: `epochSeconds.fraction`, or legacy integer nanoseconds (no point, beyond 10^15).
    static func timestamp(_ cell: Bytes) throws(CellError) -> SnowflakeTimestamp {
        let parts = try secondsAndNanoseconds(cell)
        if !parts.hadPoint, parts.seconds.magnitude > 1_000_000_000_000_000 {
            return SnowflakeTimestamp(seconds: 0, nanoseconds: parts.seconds)
        }
        return SnowflakeTimestamp(seconds: parts.seconds, nanoseconds: parts.nanoseconds)
    }

    /// A `timestamp_tz` cell: `epochSeconds.fraction offset` where the offset in minutes is `offset − 1440`.
    static func timestampTZ(_ cell: Bytes) throws(CellError) -> SnowflakeTimestampTZ {
        guard let space = cell.firstIndex(of: 0x20) else { throw CellError(reason: "timestamp_tz without offset") }
        let instant = try timestamp(Bytes(rebasing: cell[..<space]))
        let encoded = try integer(Bytes(rebasing: cell[(space + 1)...]))
        let minutes = encoded - 1440
        guard (-1440...1440).contains(minutes) else { throw CellError(reason: "timestamp_tz offset out of range") }
        return SnowflakeTimestampTZ(instant: instant, offsetMinutes: Int16(minutes))
    }

    /// A `boolean` cell.
    static func boolean(_ cell: Bytes) throws(CellError) -> Bool {
        switch cell.count {
        case 1 where cell[0] == 0x31: return true
        case 1 where cell[0] == 0x30: return false
        case 4 where cell[0] | 0x20 == 0x74 && cell[1] | 0x20 == 0x72 && cell[2] | 0x20 == 0x75 && cell[3] | 0x20 == 0x65:
            return true
        case 5 where cell[0] | 0x20 == 0x66 && cell[1] | 0x20 == 0x61 && cell[2] | 0x20 == 0x6C
            && cell[3] | 0x20 == 0x73 && cell[4] | 0x20 == 0x65:
            return false
        default: throw CellError(reason: "not a boolean")
        }
    }

    /// A hex `binary` cell.
    static func hex(_ cell: Bytes) throws(CellError) -> Data {
        guard cell.count % 2 == 0 else { throw CellError(reason: "odd-length hex") }
        var bytes = [UInt8](repeating: 0, count: cell.count / 2)
        for index in bytes.indices {
            guard let high = nibble(cell[2 * index]), let low = nibble(cell[2 * index + 1]) else {
                throw CellError(reason: "not hex")
            }
            bytes[index] = high << 4 | low
        }
        return Data(bytes)
    }

    @inline(__always) private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
