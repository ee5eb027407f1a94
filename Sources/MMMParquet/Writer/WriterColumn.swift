import MMMCore

/// A column ready to write: dense values, which rows are null, and its schema element.
struct WriterColumn: Sendable {
    var name: String
    var values: ValueStore
    /// `present[row]`; nil when no row is null.
    var present: [Bool]?
    var isOptional: Bool
    var rowCount: Int

    /// From a typed column.
    init(_ column: ParquetColumn) {
        name = column.name
        isOptional = column.isNullable
        rowCount = column.values.count
        var store = ValueStore(kind: column.values.kind)
        var present: [Bool] = []
        present.reserveCapacity(rowCount)
        func split<T>(_ cells: [T?], into dense: inout [T]) {
            dense.reserveCapacity(cells.count)
            for cell in cells {
                if let cell { dense.append(cell) }
                present.append(cell != nil)
            }
        }
        switch column.values {
        case .boolean(let v): split(v, into: &store.booleans)
        case .int64(let v): split(v, into: &store.integers)
        case .double(let v): split(v, into: &store.doubles)
        case .string(let v): split(v, into: &store.strings)
        case .date(let v): split(v.map { $0.map { Int32(clamping: $0.daysSinceEpoch) } }, into: &store.days)
        case .timestamp(let v): split(v, into: &store.integers)
        }
        values = store
        self.present = store.count == rowCount ? nil : present
    }

    /// From a Core column: numbers as DOUBLE (NaN written as null), dates as DATE, text as STRING; all OPTIONAL.
    init(_ column: Column) {
        name = column.name
        isOptional = true
        rowCount = column.values.count
        switch column.values {
        case .number(let v):
            var store = ValueStore(kind: .double)
            store.doubles = v.filter { !$0.isNaN }
            values = store
            present = store.doubles.count == v.count ? nil : v.map { !$0.isNaN }
        case .date(let v):
            var store = ValueStore(kind: .date)
            store.days = v.compactMap { $0.map { Int32(clamping: $0.daysSinceEpoch) } }
            values = store
            present = store.days.count == v.count ? nil : v.map { $0 != nil }
        case .text(let v):
            var store = ValueStore(kind: .string)
            store.strings = v.compactMap { $0 }
            values = store
            present = store.strings.count == v.count ? nil : v.map { $0 != nil }
        }
    }

    /// The leaf schema element for this column's kind.
    var schemaElement: SchemaElement {
        let repetition: Repetition = isOptional ? .optional : .required
        switch values.kind {
        case .boolean: return SchemaElement(name: name, type: .boolean, repetition: repetition)
        case .int64: return SchemaElement(name: name, type: .int64, repetition: repetition)
        case .double: return SchemaElement(name: name, type: .double, repetition: repetition)
        case .string:
            return SchemaElement(
                name: name, type: .byteArray, repetition: repetition, convertedType: .utf8, logicalType: .string)
        case .date:
            return SchemaElement(name: name, type: .int32, repetition: repetition, convertedType: .date, logicalType: .date)
        case .timestamp:
            return SchemaElement(
                name: name, type: .int64, repetition: repetition, convertedType: .timestampMicros,
                logicalType: .timestamp(adjustedToUTC: true, unit: .micros))
        }
    }

    /// Index of the first dense value of each row boundary in `rowStarts` (plus the end).
    func denseOffsets(atRows rowStarts: [Int]) -> [Int] {
        guard let present else { return rowStarts }
        var offsets: [Int] = []
        offsets.reserveCapacity(rowStarts.count)
        var dense = 0
        var row = 0
        for start in rowStarts {
            while row < start {
                if present[row] { dense += 1 }
                row += 1
            }
            offsets.append(dense)
        }
        return offsets
    }
}
