import MMMCore

/// Builds CSV files in the shape Robyn's `write.csv` produces (missing values `NA`, booleans `TRUE`/`FALSE`), without
/// R's unnamed leading row-number column, and with numbers in shortest round-trip form so equal runs give equal bytes.
///
/// Cells are appended straight into a byte buffer (numbers never need quoting), and a full buffer is handed to a
/// sink, so a 10,000-model `all_aggregated.csv` is written in chunks rather than built in memory.
struct RobynCSV {
    /// One cell.
    enum Cell {
        case number(Double?)
        case integer(Int?)
        case bool(Bool?)
        case text(String?)
    }

    private(set) var bytes: [UInt8] = []
    private let width: Int
    private var column = 0
    private let chunkSize: Int
    private let sink: ([UInt8]) throws -> Void

    /// - Parameters:
    ///   - header: column names.
    ///   - chunkSize: bytes after which the buffer is handed to `sink` (at a row end).
    ///   - sink: receives full chunks; the remainder stays in ``bytes`` until ``finish()``.
    init(header: [String], chunkSize: Int = .max, sink: @escaping ([UInt8]) throws -> Void = { _ in }) {
        width = header.count
        self.chunkSize = chunkSize
        self.sink = sink
        bytes.reserveCapacity(min(chunkSize, 1 << 20) + 4096)
        for name in header { text(name) }
        try? endRow()
    }

    private mutating func separator() {
        if column > 0 { bytes.append(0x2C) }
        column += 1
    }

    mutating func number(_ value: Double?) {
        separator()
        guard let value, !value.isNaN else {
            bytes.append(0x4E)
            bytes.append(0x41)
            return
        }
        var text = NumberFormatting.shortest(value)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func integer(_ value: Int?) {
        separator()
        guard let value else { return bytes.append(contentsOf: [0x4E, 0x41]) }
        var text = String(value)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool?) {
        separator()
        guard let value else { return bytes.append(contentsOf: [0x4E, 0x41]) }
        bytes.append(contentsOf: value ? [0x54, 0x52, 0x55, 0x45] : [0x46, 0x41, 0x4C, 0x53, 0x45])
    }

    mutating func text(_ value: String?) {
        separator()
        guard let value else { return bytes.append(contentsOf: [0x4E, 0x41]) }
        bytes.append(contentsOf: CSVWriter().escape(value).utf8)
    }

    mutating func cell(_ cell: Cell) {
        switch cell {
        case .number(let v): number(v)
        case .integer(let v): integer(v)
        case .bool(let v): bool(v)
        case .text(let v): text(v)
        }
    }

    /// Appends pre-rendered cells (a block that repeats on many rows), `cells` of them.
    mutating func raw(_ rendered: [UInt8], cells: Int) {
        separator()
        bytes.append(contentsOf: rendered)
        column += cells - 1
    }

    /// Forgets the buffered header (for chunks of rows rendered separately).
    mutating func dropHeader() { bytes.removeAll(keepingCapacity: true) }

    /// Renders cells once, for ``raw(_:cells:)``.
    static func render(_ cells: [Cell]) -> [UInt8] {
        var scratch = RobynCSV(header: [])
        scratch.bytes = []
        for cell in cells { scratch.cell(cell) }
        return scratch.bytes
    }

    /// Ends a row (checks it has as many cells as the header) and flushes a full chunk.
    mutating func endRow() throws {
        precondition(column == width, "row has \(column) cells, header has \(width)")
        bytes.append(0x0A)
        column = 0
        if bytes.count >= chunkSize {
            try sink(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Hands the remaining bytes to the sink.
    mutating func finish() throws {
        if !bytes.isEmpty { try sink(bytes) }
        bytes.removeAll()
    }
}
