/// Builds a column chunk's dictionary and the index of every value, or declines when a dictionary would not pay.
enum DictionaryEncoder {
    private static let sampleSize = 4096

    /// The dictionary (values in first-seen order) and one index per value of `values[range]`.
    /// - Parameter maxBytes: give up once the dictionary's PLAIN size passes this.
    /// - Returns: nil for booleans and empty chunks, or when the dictionary grows past `maxBytes` or past half the
    ///   values.
    static func build(_ values: ValueStore, _ range: Range<Int>, maxBytes: Int) -> (ValueStore, [UInt32])? {
        guard !range.isEmpty else { return nil }
        let maxEntries = max(16, range.count / 2)
        switch values.kind {
        case .boolean: return nil
        case .int64, .timestamp:
            return numeric(values.integers[range], kind: values.kind, width: 8, maxEntries, maxBytes) {
                UInt64(bitPattern: $0)
            } store: { $0.integers.append($1) }
        case .double:
            return numeric(values.doubles[range], kind: .double, width: 8, maxEntries, maxBytes) {
                $0.bitPattern
            } store: { $0.doubles.append($1) }
        case .date:
            return numeric(values.days[range], kind: .date, width: 4, maxEntries, maxBytes) {
                UInt64(UInt32(bitPattern: $0))
            } store: { $0.days.append($1) }
        case .string:
            return strings(values.strings[range], maxEntries, maxBytes)
        }
    }

    private static func numeric<T>(
        _ slice: ArraySlice<T>, kind: ParquetValueKind, width: Int, _ maxEntries: Int, _ maxBytes: Int,
        key: (T) -> UInt64, store: (inout ValueStore, T) -> Void
    ) -> (ValueStore, [UInt32])? {
        // Measured values (spend, revenue) are mostly distinct: a sample says so before hashing the whole chunk.
        if slice.count > 4 * sampleSize {
            var sample = KeyTable(capacity: sampleSize)
            for value in slice.prefix(sampleSize) { _ = sample.intern(key(value)) }
            if sample.count > sampleSize * 3 / 4 { return nil }
        }
        var table = KeyTable(capacity: min(maxEntries, 1024))
        var dictionary = ValueStore(kind: kind)
        var indices: [UInt32] = []
        indices.reserveCapacity(slice.count)
        for value in slice {
            let (index, inserted) = table.intern(key(value))
            if inserted {
                guard table.count <= maxEntries, table.count * width <= maxBytes else { return nil }
                store(&dictionary, value)
            }
            indices.append(index)
        }
        return (dictionary, indices)
    }

    private static func strings(_ slice: ArraySlice<String>, _ maxEntries: Int, _ maxBytes: Int) -> (ValueStore, [UInt32])? {
        var table = ByteStringTable(capacity: min(maxEntries, 1024))
        var dictionary = ValueStore(kind: .string)
        var indices: [UInt32] = []
        indices.reserveCapacity(slice.count)
        for value in slice {
            var text = value
            let (index, inserted) = text.withUTF8 { table.intern($0) }
            if inserted {
                guard table.count <= maxEntries, table.byteCount + 4 * table.count <= maxBytes else { return nil }
                dictionary.strings.append(value)
            }
            indices.append(index)
        }
        return (dictionary, indices)
    }
}

/// Open-addressing hash set of 64-bit keys (bit patterns, so 0.0 and -0.0 or two NaNs stay distinct).
struct KeyTable {
    private var slots: [Int32]
    private var keys: [UInt64] = []
    private var shift: UInt64

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    var count: Int { keys.count }

    /// The key's index, inserting it if new.
    mutating func intern(_ key: UInt64) -> (UInt32, Bool) {
        if keys.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let index = slots[slot]
            if index < 0 {
                slots[slot] = Int32(keys.count)
                keys.append(key)
                return (UInt32(keys.count - 1), true)
            }
            if keys[Int(index)] == key { return (UInt32(index), false) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = keys
        self = KeyTable(capacity: slots.count)
        for key in old { _ = intern(key) }
    }
}

/// Open-addressing hash set of byte strings (compared as bytes, not as Unicode-equivalent text).
struct ByteStringTable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int] = [0]
    private var storage: [UInt8] = []

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
    }

    var count: Int { hashes.count }
    var byteCount: Int { storage.count }

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Bool) {
        if hashes.count * 2 >= slots.count { grow() }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let index = slots[slot]
            if index < 0 {
                slots[slot] = Int32(hashes.count)
                hashes.append(hash)
                storage.append(contentsOf: bytes)
                starts.append(storage.count)
                return (UInt32(hashes.count - 1), true)
            }
            let i = Int(index)
            if hashes[i] == hash && storage[starts[i]..<starts[i + 1]].elementsEqual(bytes) { return (UInt32(i), false) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        var bigger = ByteStringTable(capacity: slots.count)
        for i in 0..<hashes.count {
            storage[starts[i]..<starts[i + 1]].withUnsafeBufferPointer { _ = bigger.intern($0) }
        }
        self = bigger
    }
}
