/// One node of the flattened schema tree (`SchemaElement`): the root, a group, or a leaf column.
struct SchemaElement: Sendable, Equatable {
    var type: PhysicalType?
    var typeLength: Int32?
    var repetition: Repetition?
    var name: String
    var numChildren: Int32?
    var convertedType: ConvertedType?
    var scale: Int32?
    var precision: Int32?
    var logicalType: LogicalType?

    init(
        name: String, type: PhysicalType? = nil, repetition: Repetition? = nil, numChildren: Int32? = nil,
        convertedType: ConvertedType? = nil, logicalType: LogicalType? = nil
    ) {
        self.name = name
        self.type = type
        self.repetition = repetition
        self.numChildren = numChildren
        self.convertedType = convertedType
        self.logicalType = logicalType
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var name: String?
        var element = SchemaElement(name: "")
        try d.readStruct { d, f in
            switch f.id {
            case 1:
                let raw = try d.readInt32(f)
                guard let type = PhysicalType(rawValue: raw) else {
                    throw ParquetError.corrupt("unknown physical type \(raw) in the schema")
                }
                element.type = type
            case 2: element.typeLength = try d.readInt32(f)
            case 3:
                let raw = try d.readInt32(f)
                guard let repetition = Repetition(rawValue: raw) else {
                    throw ParquetError("unsupported field repetition \(raw) in the schema")
                }
                element.repetition = repetition
            case 4: name = try d.readString(f)
            case 5: element.numChildren = try d.readInt32(f)
            case 6: element.convertedType = ConvertedType(rawValue: try d.readInt32(f))
            case 7: element.scale = try d.readInt32(f)
            case 8: element.precision = try d.readInt32(f)
            case 10 where f.type == .struct: element.logicalType = try LogicalType(from: &d)
            default: try d.skip(f)
            }
        }
        guard let name else { throw ParquetError.corrupt("a schema element has no name") }
        element.name = name
        self = element
    }

    func encode(to e: inout ThriftCompactEncoder) {
        if let type { e.i32(1, type.rawValue) }
        if let typeLength { e.i32(2, typeLength) }
        if let repetition { e.i32(3, repetition.rawValue) }
        e.string(4, name)
        if let numChildren { e.i32(5, numChildren) }
        if let convertedType { e.i32(6, convertedType.rawValue) }
        if let scale { e.i32(7, scale) }
        if let precision { e.i32(8, precision) }
        if let logicalType { e.structField(10) { logicalType.encode(to: &$0) } }
    }
}
