import MMMCore

/// The non-null values of one column in plain arrays, plus which rows are null.
///
/// Reader and writer both work on this form: it avoids an optional per cell, appends in place (no copy-on-write of
/// an enum payload), and converts cheaply to ``ParquetValues`` or to Core's ``Column``.
struct ValueStore: Sendable, Equatable {
    let kind: ParquetValueKind
    var booleans: [Bool] = []
    /// `int64` values, and `timestamp` values in microseconds.
    var integers: [Int64] = []
    var doubles: [Double] = []
    var strings: [String] = []
    /// `date` values as days since 1970-01-01.
    var days: [Int32] = []

    init(kind: ParquetValueKind) {
        self.kind = kind
    }

    /// Number of values held.
    var count: Int {
        switch kind {
        case .boolean: booleans.count
        case .int64, .timestamp: integers.count
        case .double: doubles.count
        case .string: strings.count
        case .date: days.count
        }
    }

    mutating func reserve(_ n: Int) {
        switch kind {
        case .boolean: booleans.reserveCapacity(n)
        case .int64, .timestamp: integers.reserveCapacity(n)
        case .double: doubles.reserveCapacity(n)
        case .string: strings.reserveCapacity(n)
        case .date: days.reserveCapacity(n)
        }
    }

    /// Appends all values of `other` (same kind).
    mutating func append(contentsOf other: ValueStore) {
        booleans += other.booleans
        integers += other.integers
        doubles += other.doubles
        strings += other.strings
        days += other.days
    }

    /// Appends `dictionary[i]` for every index.
    /// - Throws: when an index is outside the dictionary.
    mutating func append(gathering indices: UnsafeBufferPointer<UInt32>, from dictionary: ValueStore) throws {
        let size = dictionary.count
        for i in indices where Int(i) >= size {
            throw ParquetError.corrupt("a dictionary index (\(i)) is past the dictionary's \(size) entries")
        }
        switch kind {
        case .boolean: booleans += indices.lazy.map { dictionary.booleans[Int($0)] }
        case .int64, .timestamp: Self.gather(indices, dictionary.integers, into: &integers)
        case .double: Self.gather(indices, dictionary.doubles, into: &doubles)
        case .string: strings += indices.lazy.map { dictionary.strings[Int($0)] }
        case .date: Self.gather(indices, dictionary.days, into: &days)
        }
    }

    /// Indices are checked by the caller.
    private static func gather<T: BitwiseCopyable>(
        _ indices: UnsafeBufferPointer<UInt32>, _ source: [T], into out: inout [T]
    ) {
        let start = out.count
        out.reserveCapacity(start + indices.count)
        source.withUnsafeBufferPointer { src in
            out.append(contentsOf: indices.lazy.map { src[Int($0)] })
        }
    }
}

/// A decoded column: its values and, when it has nulls, a per-row presence flag.
struct DecodedColumn: Sendable {
    var name: String
    var values: ValueStore
    /// `present[row]`; nil when every row has a value.
    var present: [Bool]?
    var rowCount: Int
    /// Whether the schema allows nulls (OPTIONAL).
    var isOptional: Bool

    /// The cells with nulls in place, as the public enum.
    func parquetValues() -> ParquetValues {
        func spread<T>(_ dense: [T]) -> [T?] {
            guard let present else { return dense.map { $0 } }
            var out: [T?] = []
            out.reserveCapacity(rowCount)
            var next = 0
            for p in present {
                if p {
                    out.append(dense[next])
                    next += 1
                } else {
                    out.append(nil)
                }
            }
            return out
        }
        switch values.kind {
        case .boolean: return .boolean(spread(values.booleans))
        case .int64: return .int64(spread(values.integers))
        case .double: return .double(spread(values.doubles))
        case .string: return .string(spread(values.strings))
        case .date: return .date(spread(values.days).map { $0.map { CalendarDate(daysSinceEpoch: Int($0)) } })
        case .timestamp: return .timestamp(spread(values.integers))
        }
    }
}
