import Foundation

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

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A `real` cell. Plain decimals with ≤ 19 digits and small exponents take an exact fast path (the
    /// mantissa and the power of ten are both exact doubles, so one multiply/divide rounds correctly); anything
    /// else (long mantissas, `NaN`, `inf`) goes through `strtod`.
    static func double(_ cell: Bytes) throws(CellError) -> Double {
        var index = 0
        let count = cell.count
        var negative = false
        if count > 0, cell[0] == 0x2D || cell[0] == 0x2B {
            negative = cell[0] == 0x2D
            index = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while index < count, isDigit(cell[index]) {
            sawDigit = true
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(cell[index] &- 0x30) } else { return try slowDouble(cell) }
            if mantissa > 0 { digits += 1 }
            index += 1
        }
        if index < count, cell[index] == 0x2E {
            index += 1
            while index < count, isDigit(cell[index]) {
                sawDigit = true
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(cell[index] &- 0x30) } else {
                    return try slowDouble(cell)
                }
                if mantissa > 0 { digits += 1 }
                exponent -= 1
                index += 1
            }
        }
        if index < count, cell[index] == 0x65 || cell[index] == 0x45 {
            index += 1
            var exponentNegative = false
            if index < count, cell[index] == 0x2D || cell[index] == 0x2B {
                exponentNegative = cell[index] == 0x2D
                index += 1
            }
            var value = 0
            var exponentDigits = 0
            while index < count, isDigit(cell[index]) {
                if value < 100_000 { value = value * 10 + Int(cell[index] &- 0x30) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return try slowDouble(cell) }
            exponent += exponentNegative ? -value : value
        }
        guard index == count, sawDigit else { return try slowDouble(cell) }
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return try slowDouble(cell) }
        var value = Double(mantissa)
        value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
        return negative ? -value : value
    }

    private static func slowDouble(_ cell: Bytes) throws(CellError) -> Double {
        guard cell.count > 0, cell.count < 512 else { throw CellError(reason: "not a floating-point number") }
        let result: Double? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: cell.count + 1) { buffer in
            for index in 0..<cell.count { buffer[index] = CChar(bitPattern: cell[index]) }
            buffer[cell.count] = 0
            guard let start = buffer.baseAddress else { return nil }
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &endPointer)
            guard let endPointer, endPointer - start == cell.count else { return nil }
            return value
        }
        guard let result else { throw CellError(reason: "not a floating-point number") }
        return result
    }

    /// An optionally signed integer that fits `Int64`.
    static func integer(_ cell: Bytes) throws(CellError) -> Int64 {
        guard let value = try fixed(cell, scale: 0), !cell.contains(0x2E) else {
            throw CellError(reason: "not an integer in range")
        }
        return value
    }
}
