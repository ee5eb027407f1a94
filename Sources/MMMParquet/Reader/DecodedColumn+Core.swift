import MMMCore

extension DecodedColumn {
    /// Microseconds per day, for TIMESTAMP → calendar day.
    static let microsPerDay: Int64 = 86_400_000_000

    /// The column as Core's kinds: number (NaN = missing), date (nil = missing) or text (nil = missing).
    func coreColumn() -> Column {
        switch values.kind {
        case .double: return Column(name: name, values: .number(spread(values.doubles, missing: .nan) { $0 }))
        case .int64: return Column(name: name, values: .number(spread(values.integers, missing: .nan) { Double($0) }))
        case .boolean: return Column(name: name, values: .number(spread(values.booleans, missing: .nan) { $0 ? 1 : 0 }))
        case .date:
            return Column(name: name, values: .date(spread(values.days, missing: nil) { CalendarDate(daysSinceEpoch: Int($0)) }))
        case .timestamp:
            let day = { (micros: Int64) -> CalendarDate? in
                let (q, r) = micros.quotientAndRemainder(dividingBy: Self.microsPerDay)
                return CalendarDate(daysSinceEpoch: Int(r < 0 ? q - 1 : q))
            }
            return Column(name: name, values: .date(spread(values.integers, missing: nil, day)))
        case .string:
            let texts = spread(values.strings, missing: nil) { $0 }
            return Column(name: name, values: .text(texts), firstNonNumeric: Self.firstNonNumeric(texts))
        }
    }

    /// Dense values spread over the rows, `missing` where a row is null.
    private func spread<T, U>(_ dense: [T], missing: U, _ transform: (T) -> U) -> [U] {
        guard let present else { return dense.map(transform) }
        var out = [U](repeating: missing, count: rowCount)
        var next = 0
        for row in 0..<rowCount where present[row] {
            out[row] = transform(dense[next])
            next += 1
        }
        return out
    }

    /// The first cell that is not a number, as the CSV reader records it for text columns.
    private static func firstNonNumeric(_ texts: [String?]) -> CellSample? {
        for (row, text) in texts.enumerated() {
            if let text, NumberParser.parse(text) == nil { return CellSample(row: row, value: text) }
        }
        return nil
    }
}
