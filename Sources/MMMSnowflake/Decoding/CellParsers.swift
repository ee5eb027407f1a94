import Foundation
import MMMCore

/// Why one cell could not be decoded (wrapped with row/column context by the decoder).
struct CellError: Error {
    let reason: String
}

/// Parsers for jsonv2 cell text (§1.8 of the wire notes). All work on raw bytes without creating strings.
enum CellParsers {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// A `fixed` cell as an integer scaled by `10^scale`, or `nil` when it does not fit 64 bits or has more
    /// fraction digits than `scale` (the caller then keeps the exact text).
    static func fixed(_ cell: Bytes, scale: Int) throws(CellError) -> Int64? {
        var index = 0
        let count = cell.count
        var negative = false
        if count > 0, cell[0] == 0x2D || cell[0] == 0x2B {
            negative = cell[0] == 0x2D
            index = 1
        }
        var magnitude: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var overflow = false
        while index < count {
            let byte = cell[index]
            if isDigit(byte) {
                if magnitude > (UInt64.max - 9) / 10 { overflow = true } else {
                    magnitude = magnitude &* 10 &+ UInt64(byte &- 0x30)
                }
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else {
                throw CellError(reason: "not a decimal number")
            }
            index += 1
        }
        guard digits > 0 else { throw CellError(reason: "not a decimal number") }
        if overflow || fractionDigits > scale { return nil }
        for _ in fractionDigits..<scale {
            let (product, carry) = magnitude.multipliedReportingOverflow(by: 10)
            if carry { return nil }
            magnitude = product
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// Checks that a cell is a plain or scientific decimal (for exact-text storage).
    static func validateDecimalText(_ cell: Bytes, allowExponent: Bool) throws(CellError) {
        var index = 0
        if index < cell.count, cell[index] == 0x2D || cell[index] == 0x2B { index += 1 }
        var digits = 0
        var seenPoint = false
        while index < cell.count {
            let byte = cell[index]
            if isDigit(byte) {
                digits += 1
            } else if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else if allowExponent, byte == 0x65 || byte == 0x45, digits > 0 {
                index += 1
                if index < cell.count, cell[index] == 0x2D || cell[index] == 0x2B { index += 1 }
                guard index < cell.count else { throw CellError(reason: "not a decimal number") }
                while index < cell.count {
                    guard isDigit(cell[index]) else { throw CellError(reason: "not a decimal number") }
                    index += 1
                }
                break
            } else {
                throw CellError(reason: "not a decimal number")
            }
            index += 1
        }
        guard digits > 0 else { throw CellError(reason: "not a decimal number") }
    }

    /// A `real` cell: decimals through MMMCore's correctly rounded parser (the same one CSV files use), plus
    /// Snowflake's spellings of the special values (`NaN`, `inf`, `-inf`).
    static func double(_ cell: Bytes) throws(CellError) -> Double {
        if let value = NumberParser.parse(cell) { return value }
        switch String(decoding: cell, as: UTF8.self).lowercased() {
        case "nan", "-nan": return .nan
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: throw CellError(reason: "not a floating-point number")
        }
    }

    /// An optionally signed integer that fits `Int64`.
    static func integer(_ cell: Bytes) throws(CellError) -> Int64 {
        guard let value = try fixed(cell, scale: 0), !cell.contains(0x2E) else {
            throw CellError(reason: "not an integer in range")
        }
        return value
    }
}
