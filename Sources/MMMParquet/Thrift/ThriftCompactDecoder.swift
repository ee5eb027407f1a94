/// Wire types of the Thrift compact protocol (the low nibble of a field header).
enum ThriftType: UInt8 {
    case stop = 0, boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8
    case list = 9, set = 10, map = 11, `struct` = 12
}

/// One field header inside a struct: its id and wire type.
struct ThriftField {
    var id: Int16
    var type: ThriftType
}

/// Reads the Thrift compact protocol from a byte buffer, written from the Thrift compact protocol specification.
///
/// Every read is bounds-checked and every count is checked against the bytes left, so hostile input ends in a
/// ``ParquetError`` rather than a crash or a huge allocation. Nesting is limited to ``maxDepth``.
struct ThriftCompactDecoder {
    /// Deepest struct/list nesting accepted (Parquet metadata needs 6).
    static let maxDepth = 32

    let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next byte to read.
    private(set) var position: Int
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }

    mutating func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw ParquetError.corrupt("metadata ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    /// An unsigned LEB128 varint of at most 10 bytes.
    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw ParquetError.corrupt("metadata holds an over-long integer") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A zigzag varint as a signed 64-bit integer.
    mutating func readZigzag() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// An integer field of any integer wire type.
    mutating func readInt(_ field: ThriftField) throws -> Int64 {
        switch field.type {
        case .byte: return Int64(Int8(bitPattern: try readByte()))
        case .i16, .i32, .i64: return try readZigzag()
        default: throw ParquetError.corrupt("metadata field \(field.id) is not an integer")
        }
    }

    /// An integer field that must fit in 32 bits (Parquet's i32 fields and enums).
    mutating func readInt32(_ field: ThriftField) throws -> Int32 {
        let value = try readInt(field)
        guard let narrow = Int32(exactly: value) else {
            throw ParquetError.corrupt("metadata field \(field.id) is out of range")
        }
        return narrow
    }

    /// A bool field (its value is in the header's type nibble).
    func readBool(_ field: ThriftField) throws -> Bool {
        switch field.type {
        case .boolTrue: return true
        case .boolFalse: return false
        default: throw ParquetError.corrupt("metadata field \(field.id) is not a bool")
        }
    }

    /// A binary/string field's bytes.
    mutating func readBinary() throws -> UnsafeBufferPointer<UInt8> {
        let length = try readVarint()
        guard length <= UInt64(remaining) else { throw ParquetError.corrupt("metadata string runs past its end") }
        let start = position
        position += Int(length)
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    mutating func readBinary(_ field: ThriftField) throws -> [UInt8] {
        guard field.type == .binary else { throw ParquetError.corrupt("metadata field \(field.id) is not binary") }
        return Array(try readBinary())
    }

    /// A string field; invalid UTF-8 is an error.
    mutating func readString(_ field: ThriftField) throws -> String {
        guard field.type == .binary else { throw ParquetError.corrupt("metadata field \(field.id) is not a string") }
        guard let text = String(validating: try readBinary(), as: UTF8.self) else {
            throw ParquetError.corrupt("metadata holds a name that is not UTF-8")
        }
        return text
    }

    /// A list header: element type and count (checked: every element takes at least one byte).
    mutating func readListHeader(_ field: ThriftField) throws -> (type: ThriftType, count: Int) {
        guard field.type == .list || field.type == .set else {
            throw ParquetError.corrupt("metadata field \(field.id) is not a list")
        }
        let header = try readByte()
        var count = UInt64(header >> 4)
        if count == 15 { count = try readVarint() }
        guard let type = ThriftType(rawValue: header & 0x0F) else { throw ParquetError.corrupt("bad list element type") }
        guard count <= UInt64(remaining) else { throw ParquetError.corrupt("metadata list is longer than the file") }
        return (type, Int(count))
    }

    /// Reads a list whose elements `element` decodes.
    mutating func readList<T>(_ field: ThriftField, _ element: (inout Self, ThriftType) throws -> T) throws -> [T] {
        let (type, count) = try readListHeader(field)
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try element(&self, type)) }
        return out
    }

    /// Calls `handle` for every field of a struct until its stop byte. `handle` must read or ``skip(_:)`` the value.
    mutating func readStruct(_ handle: (inout Self, ThriftField) throws -> Void) throws {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw ParquetError.corrupt("metadata is nested too deeply") }
        var lastID: Int16 = 0
        while true {
            let header = try readByte()
            if header == 0 { return }
            guard let type = ThriftType(rawValue: header & 0x0F), type != .stop else {
                throw ParquetError.corrupt("metadata has an unknown field type \(header & 0x0F)")
            }
            let delta = Int16(header >> 4)
            let id: Int16
            if delta == 0 {
                guard let explicit = Int16(exactly: try readZigzag()) else { throw ParquetError.corrupt("bad field id") }
                id = explicit
            } else {
                id = lastID &+ delta
            }
            lastID = id
            try handle(&self, ThriftField(id: id, type: type))
        }
    }

    /// Skips a field's value.
    mutating func skip(_ field: ThriftField) throws { try skip(field.type, inList: false) }

    /// Skips one value of `type`; in a list, bools take a byte of their own.
    mutating func skip(_ type: ThriftType, inList: Bool) throws {
        switch type {
        case .stop: throw ParquetError.corrupt("unexpected stop in metadata")
        case .boolTrue, .boolFalse: if inList { _ = try readByte() }
        case .byte: _ = try readByte()
        case .i16, .i32, .i64: _ = try readVarint()
        case .double: try advance(8)
        case .binary: _ = try readBinary()
        case .list, .set:
            let (element, count) = try readListHeader(ThriftField(id: 0, type: .list))
            try nested { d in for _ in 0..<count { try d.skip(element, inList: true) } }
        case .map:
            let count = try readVarint()
            guard count <= UInt64(remaining) else { throw ParquetError.corrupt("metadata map is longer than the file") }
            guard count > 0 else { return }
            let types = try readByte()
            guard let key = ThriftType(rawValue: types >> 4), let value = ThriftType(rawValue: types & 0x0F) else {
                throw ParquetError.corrupt("bad map types in metadata")
            }
            try nested { d in
                for _ in 0..<count {
                    try d.skip(key, inList: true)
                    try d.skip(value, inList: true)
                }
            }
        case .struct: try readStruct { d, field in try d.skip(field) }
        }
    }

    private mutating func nested(_ body: (inout Self) throws -> Void) throws {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw ParquetError.corrupt("metadata is nested too deeply") }
        try body(&self)
    }

    private mutating func advance(_ count: Int) throws {
        guard count <= remaining else { throw ParquetError.corrupt("metadata ends early") }
        position += count
    }
}
