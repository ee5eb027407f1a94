/// Infers a column's type from its cells and converts them (the second stage of ``CSVReader``).
enum ColumnTyper {
    /// Cell spellings that mean "missing" in a number or date column.
    static let missingTokens: Set<String> = ["NA", "NaN", "nan", "N/A", "#N/A", "null", "NULL"]

    static func column(
        name: String, fields: [Int], tokens: CSVTokenizer, bytes: UnsafeBufferPointer<UInt8>, infer: Bool,
        decimalMark: UInt8 = 0x2E
    ) -> Column {
        if infer, let numbers = numbers(fields, tokens, bytes, decimalMark) {
            return Column(name: name, values: .number(numbers))
        }
        if infer, let dates = dates(fields, tokens, bytes) { return Column(name: name, values: .date(dates)) }
        var firstNonNumeric: CellSample?
        var texts: [String?] = []
        texts.reserveCapacity(fields.count)
        for (row, f) in fields.enumerated() {
            if tokens.starts[f] == tokens.ends[f] {
                texts.append(tokens.quoted[f] ? "" : nil)
                continue
            }
            let text = tokens.text(f, in: bytes)
            if firstNonNumeric == nil, !missingTokens.contains(text), NumberParser.parse(text, decimalMark: decimalMark) == nil {
                firstNonNumeric = CellSample(row: row, value: text)
            }
            texts.append(text)
        }
        return Column(name: name, values: .text(texts), firstNonNumeric: firstNonNumeric)
    }

    private static func slice(_ f: Int, _ tokens: CSVTokenizer, _ bytes: UnsafeBufferPointer<UInt8>)
        -> UnsafeBufferPointer<UInt8>
    {
        UnsafeBufferPointer(rebasing: bytes[tokens.starts[f]..<tokens.ends[f]])
    }

    private static func isMissingToken(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard cell.count <= 4 else { return false }
        return missingTokens.contains(String(decoding: cell, as: UTF8.self))
    }

    private static func numbers(
        _ fields: [Int], _ tokens: CSVTokenizer, _ bytes: UnsafeBufferPointer<UInt8>, _ decimalMark: UInt8
    ) -> [Double]? {
        // Only numbers and missing tokens (or nothing at all) make a number column, possibly all missing.
        var out = [Double](repeating: .nan, count: fields.count)
        for (row, f) in fields.enumerated() {
            let cell = slice(f, tokens, bytes)
            if cell.isEmpty { continue }
            if let value = NumberParser.parse(cell, decimalMark: decimalMark) {
                out[row] = value
            } else if !isMissingToken(cell) {
                return nil
            }
        }
        return out
    }

    private static func dates(_ fields: [Int], _ tokens: CSVTokenizer, _ bytes: UnsafeBufferPointer<UInt8>)
        -> [CalendarDate?]?
    {
        var format: DateFormat?
        var out = [CalendarDate?](repeating: nil, count: fields.count)
        for (row, f) in fields.enumerated() {
            let cell = slice(f, tokens, bytes)
            if cell.isEmpty || isMissingToken(cell) { continue }
            if format == nil { format = DateFormat.detect(bytes: cell) }
            guard let format, let date = format.parse(bytes: cell) else { return nil }
            out[row] = date
        }
        return format == nil ? nil : out
    }
}
