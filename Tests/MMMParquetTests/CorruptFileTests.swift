import Foundation
import MMMCore
import MMMTestSupport
import Testing

@testable import MMMParquet

/// Damaged files give one clear ``DataError`` naming the file (and the column for page damage), never a crash.
@Suite struct CorruptFileTests {
    static let good: [UInt8] = {
        let table = try? ParquetTable(columns: [
            ParquetColumn(name: "spend", values: .double((0..<400).map { $0 % 9 == 0 ? nil : Double($0) * 1.5 })),
            ParquetColumn(name: "label", values: .string((0..<400).map { "L\($0 % 7)" })),
        ])
        var options = ParquetWriter.Options()
        options.pageBytes = 512
        options.rowGroupRows = 150
        return table.flatMap { try? ParquetWriter(options: options).bytes(for: $0) } ?? []
    }()

    private func error(_ bytes: [UInt8]) -> DataError? {
        do {
            _ = try ParquetReader().readTable(Data(bytes), name: "bad.parquet")
            return nil
        } catch let error as DataError {
            return error
        } catch {
            Issue.record("not a DataError: \(error)")
            return nil
        }
    }

    private func footer(_ bytes: [UInt8]) throws -> (FileMetaData, Int) {
        try bytes.withUnsafeBufferPointer { try ParquetFileDecoder(file: $0, limits: ParquetReadLimits()).footer() }
    }

    /// The file with its footer replaced.
    private func withFooter(_ bytes: [UInt8], _ change: (inout FileMetaData) -> Void) throws -> [UInt8] {
        var (metadata, start) = try footer(bytes)
        change(&metadata)
        var e = ThriftCompactEncoder()
        e.structBody { metadata.encode(to: &$0) }
        var out = Array(bytes[..<start]) + e.bytes
        withUnsafeBytes(of: UInt32(e.bytes.count).littleEndian) { out += $0 }
        return out + Array("PAR1".utf8)
    }

    @Test func theGoodFileReads() throws {
        #expect(error(Self.good) == nil)
        #expect(try ParquetReader().readTable(Data(Self.good)).rowCount == 400)
    }

    @Test func truncatedFilesAndFootersAreNamed() throws {
        let cut = error(Array(Self.good.dropLast(3)))
        #expect(cut?.description.contains("bad.parquet") == true)
        #expect(cut?.description.contains("does not end with the Parquet magic bytes") == true)
        // Every prefix of the file fails cleanly.
        for length in stride(from: 0, to: Self.good.count, by: 7) {
            #expect(error(Array(Self.good.prefix(length))) != nil, "prefix \(length)")
        }
        #expect(error([])?.description.contains("too short for Parquet") == true)
    }

    @Test func badMagicIsNamed() {
        var bytes = Self.good
        bytes[0] = UInt8(ascii: "X")
        #expect(error(bytes)?.description.contains("does not start with the Parquet magic bytes") == true)
        let csv = Array("DATE,X\n2024-01-01,1\n".utf8)
        #expect(error(csv)?.description.contains("magic") == true)
    }

    @Test func wrongFooterLengthsAreNamed() {
        var bytes = Self.good
        let at = bytes.count - 8
        for length: UInt32 in [UInt32(bytes.count), 0, 0xFFFF_FFFF] {
            withUnsafeBytes(of: length.littleEndian) { for i in 0..<4 { bytes[at + i] = $0[i] } }
            #expect(error(bytes)?.description.contains("footer length") == true, "\(length)")
        }
        // A footer length a few bytes short starts the metadata mid-struct.
        let real = Self.good[at..<(at + 4)].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        withUnsafeBytes(of: (real - 5).littleEndian) { for i in 0..<4 { bytes[at + i] = $0[i] } }
        #expect(error(bytes) != nil)
    }

    @Test func pageHeaderPastTheEndIsNamedWithItsColumn() throws {
        let (_, footerStart) = try footer(Self.good)
        // The chunk's last two bytes hold the start of a page header whose rest is past the chunk's end.
        let past = try withFooter(Self.good) {
            $0.rowGroups[0].columns[1].metaData?.dictionaryPageOffset = nil
            $0.rowGroups[0].columns[1].metaData?.dataPageOffset = Int64(footerStart - 2)
            $0.rowGroups[0].columns[1].metaData?.totalCompressedSize = 2
        }
        let description = try #require(error(past)?.description)
        #expect(description.contains("bad.parquet"))
        #expect(description.contains("column 'label'"))
        #expect(description.contains("a page header at byte \(footerStart - 2) is unreadable"))
        let beyond = try withFooter(Self.good) {
            $0.rowGroups[0].columns[1].metaData?.dictionaryPageOffset = nil
            $0.rowGroups[0].columns[1].metaData?.dataPageOffset = Int64(footerStart - 2)
        }
        #expect(error(beyond)?.description.contains("lies outside the file's data") == true)
        let outside = try withFooter(Self.good) { $0.rowGroups[1].columns[0].metaData?.dataPageOffset = 1 << 40 }
        #expect(error(outside)?.description.contains("lies outside the file's data") == true)
    }

    @Test func wrongPageAndChunkLengthsAreNamed() throws {
        let (metadata, _) = try footer(Self.good)
        let meta = try #require(metadata.rowGroups[0].columns[0].metaData)
        // Grow the first data page's compressed size while keeping the header's byte length.
        let offset = Int(meta.dictionaryPageOffset ?? meta.dataPageOffset)
        let (header, headerLength) = try Self.good.withUnsafeBufferPointer { b in
            var d = ThriftCompactDecoder(b, position: offset)
            return (try PageHeader(from: &d), d.position - offset)
        }
        for (field, expected) in [(3, "runs past the end of its column chunk"), (2, "says")] {
            var changed = header
            var replacement: [UInt8] = []
            for candidate in [Int32(8000), 8100, 900, 1000, 60, 63] {
                if field == 3 { changed.compressedSize = candidate } else { changed.uncompressedSize = candidate }
                var e = ThriftCompactEncoder()
                e.structBody { changed.encode(to: &$0) }
                if e.bytes.count == headerLength, candidate != (field == 3 ? header.compressedSize : header.uncompressedSize) {
                    replacement = e.bytes
                    break
                }
            }
            try #require(!replacement.isEmpty)
            var bytes = Self.good
            bytes.replaceSubrange(offset..<(offset + headerLength), with: replacement)
            let description = error(bytes)?.description ?? ""
            #expect(description.contains(expected), "\(description)")
            #expect(description.contains("column 'spend'"))
        }
        let rows = try withFooter(Self.good) { $0.rowGroups[0].numRows += 10; $0.numRows += 10 }
        #expect(error(rows)?.description.contains("ends after") == true)
        let count = try withFooter(Self.good) { $0.numRows += 1 }
        #expect(error(count)?.description.contains("row groups hold") == true)
    }

    @Test func nestedAndUnsupportedSchemasAreNamed() throws {
        let nested = try withFooter(Self.good) { m in
            m.schema = [
                SchemaElement(name: "schema", numChildren: 2),
                SchemaElement(name: "spend", type: .double, repetition: .optional),
                SchemaElement(name: "tags", repetition: .optional, numChildren: 1),
                SchemaElement(name: "element", type: .byteArray, repetition: .repeated),
            ]
        }
        #expect(error(nested)?.description.contains("column 'tags': column is nested") == true)
        let lzo = try withFooter(Self.good) { $0.rowGroups[0].columns[0].metaData?.codec = CompressionCodec.lzo.rawValue }
        #expect(error(lzo)?.description.contains("LZO compression is not supported") == true)
    }

    @Test func hostileCountsHitTheLimitsNotTheMemory() throws {
        let huge = try withFooter(Self.good) { m in
            m.rowGroups[0].numRows = 1 << 40
            m.numRows = m.rowGroups.reduce(0) { $0 + $1.numRows }
        }
        #expect(error(huge) != nil)
        let limits = ParquetReadLimits(maximumPageBytes: 100, maximumCells: 10_000)
        #expect(throws: DataError.self) { try ParquetReader(limits: limits).readTable(Data(Self.good)) }
    }

    /// Seeded random damage (byte flips, overwrites, truncations): every outcome is a table or a DataError.
    @Test func seededMutationsNeverCrash() {
        var random = SeededRandom(seed: 99)
        let reader = ParquetReader(limits: ParquetReadLimits(maximumPageBytes: 1 << 20, maximumCells: 1 << 20))
        for _ in 0..<3_000 {
            var bytes = Self.good
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let i = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[i] ^= UInt8(1 << (random.next() % 8))
                case 1: bytes[i] = UInt8(truncatingIfNeeded: random.next())
                default: bytes[i] = [0x00, 0xFF, 0x7F, 0x80][Int(random.next() % 4)]
                }
            }
            do {
                _ = try reader.readColumns(Data(bytes))
            } catch is DataError {
            } catch {
                Issue.record("not a DataError: \(error)")
            }
        }
    }
}
