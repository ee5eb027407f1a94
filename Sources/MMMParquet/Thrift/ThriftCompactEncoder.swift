/// Writes the Thrift compact protocol: field headers with id deltas, zigzag varints, length-prefixed binaries.
///
/// Fields must be written in increasing id order inside each struct (``structField(_:_:)`` keeps the last id per
/// nesting level), which is what the Parquet metadata writers here do.
struct ThriftCompactEncoder {
    private(set) var bytes: [UInt8] = []
    private var lastIDs: [Int16] = [0]

    init() {}

    mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func writeZigzag(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    private mutating func fieldHeader(_ id: Int16, _ type: ThriftType) {
        let last = lastIDs[lastIDs.count - 1]
        let delta = id - last
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeZigzag(Int64(id))
        }
        lastIDs[lastIDs.count - 1] = id
    }

    mutating func i32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        writeZigzag(Int64(value))
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        writeZigzag(value)
    }

    mutating func bool(_ id: Int16, _ value: Bool) {
        fieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    mutating func binary(_ id: Int16, _ value: [UInt8]) {
        fieldHeader(id, .binary)
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func string(_ id: Int16, _ value: String) {
        binary(id, Array(value.utf8))
    }

    /// A struct field whose members `body` writes.
    mutating func structField(_ id: Int16, _ body: (inout Self) -> Void) {
        fieldHeader(id, .struct)
        structBody(body)
    }

    /// A struct's members and stop byte (for the top-level struct and list elements).
    mutating func structBody(_ body: (inout Self) -> Void) {
        lastIDs.append(0)
        body(&self)
        bytes.append(0)
        lastIDs.removeLast()
    }

    /// A list field header; the caller then writes `count` elements of `type`.
    mutating func listHeader(_ id: Int16, _ type: ThriftType, count: Int) {
        fieldHeader(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type.rawValue)
        } else {
            bytes.append(0xF0 | type.rawValue)
            writeVarint(UInt64(count))
        }
    }

    /// A list of i32 values (Parquet enums).
    mutating func i32List(_ id: Int16, _ values: [Int32]) {
        listHeader(id, .i32, count: values.count)
        for v in values { writeZigzag(Int64(v)) }
    }

    /// A list of strings.
    mutating func stringList(_ id: Int16, _ values: [String]) {
        listHeader(id, .binary, count: values.count)
        for v in values {
            writeVarint(UInt64(v.utf8.count))
            bytes.append(contentsOf: v.utf8)
        }
    }

    /// A list of structs, each written by `element`.
    mutating func structList<T>(_ id: Int16, _ values: [T], _ element: (inout Self, T) -> Void) {
        listHeader(id, .struct, count: values.count)
        for v in values { structBody { element(&$0, v) } }
    }
}
