import Foundation
import MMMTestSupport
import Testing

@testable import MMMParquet

/// Thrift compact protocol, RLE/bit-packing hybrid and Snappy against hand-worked examples from the specs and
/// seeded round trips.
@Suite struct EncodingTests {
    @Test func thriftCompactBytesMatchTheSpecification() throws {
        var e = ThriftCompactEncoder()
        e.structBody { e in
            e.i32(1, 3)  // delta 1, type i32 (5), zigzag(3) = 6
            e.string(4, "ab")  // delta 3, type binary (8), length 2
            e.bool(5, true)  // delta 1, type true (1)
            e.i64(40, -1)  // delta 35 > 15: long form, type i64 (6), zigzag id 40 = 80, zigzag(-1) = 1
        }
        #expect(e.bytes == [0x15, 0x06, 0x38, 0x02, 0x61, 0x62, 0x11, 0x06, 0x50, 0x01, 0x00])
        var seen: [Int16] = []
        var a: Int32?, text: String?, flag: Bool?, big: Int64?, remaining = -1
        try e.bytes.withUnsafeBufferPointer { b in
            var d = ThriftCompactDecoder(b)
            try d.readStruct { d, f in
                seen.append(f.id)
                switch f.id {
                case 1: a = try d.readInt32(f)
                case 4: text = try d.readString(f)
                case 5: flag = try d.readBool(f)
                case 40: big = try d.readInt(f)
                default: try d.skip(f)
                }
            }
            remaining = d.remaining
        }
        #expect(seen == [1, 4, 5, 40])
        #expect(a == 3 && text == "ab" && flag == true && big == -1 && remaining == 0)
    }

    @Test func thriftSkipsUnknownNestedFieldsAndLimitsDepth() throws {
        // A struct with an unknown list of structs (field 9) and a map (field 10), then field 11 = 7.
        var e = ThriftCompactEncoder()
        e.structBody { e in
            e.structList(9, [1, 2]) { e, v in e.i32(1, Int32(v)) }
            e.i32(11, 7)
        }
        try e.bytes.withUnsafeBufferPointer { b in
            var d = ThriftCompactDecoder(b)
            var value: Int32?
            try d.readStruct { d, f in
                if f.id == 11 { value = try d.readInt32(f) } else { try d.skip(f) }
            }
            #expect(value == 7)
        }
        // 40 nested struct headers (field 1, type struct) never end: depth limit, not a stack overflow.
        let deep = [UInt8](repeating: 0x1C, count: 40)
        deep.withUnsafeBufferPointer { b in
            var d = ThriftCompactDecoder(b)
            #expect(throws: ParquetError.self) { try d.readStruct { d, f in try d.skip(f) } }
        }
    }

    @Test func thriftRejectsTruncatedAndOversizedInput() {
        for bytes: [UInt8] in [[0x18], [0x18, 0x05, 0x61], [0x19, 0xF9, 0xFF, 0xFF, 0x0F], [0x15, 0x80]] {
            bytes.withUnsafeBufferPointer { b in
                var d = ThriftCompactDecoder(b)
                #expect(throws: ParquetError.self) { try d.readStruct { d, f in try d.skip(f) } }
            }
        }
    }

    @Test func rleHybridDecodesTheSpecificationExample() throws {
        // Bit-packed run of 8 values 0…7 at width 3: header (1 << 1) | 1, then 0x88 0xC6 0xFA.
        var out: [UInt32] = []
        try [UInt8]([0x03, 0x88, 0xC6, 0xFA]).withUnsafeBufferPointer { b in
            var d = try RLEHybridDecoder(b, bitWidth: 3)
            try d.decode(count: 8, into: &out)
        }
        #expect(out == [0, 1, 2, 3, 4, 5, 6, 7])
        // RLE run: 5 copies of 0x0102 at width 9 (two value bytes).
        out = []
        try [UInt8]([0x0A, 0x02, 0x01]).withUnsafeBufferPointer { b in
            var d = try RLEHybridDecoder(b, bitWidth: 9)
            try d.decode(count: 5, into: &out)
        }
        #expect(out == Array(repeating: 0x0102, count: 5))
    }

    @Test func rleHybridRoundTripsSeededRuns() throws {
        var random = SeededRandom(seed: 21)
        for width in [0, 1, 2, 3, 7, 8, 13, 17, 24, 31, 32] {
            let maxValue = width == 0 ? 0 : UInt64(1) << UInt64(width) - 1
            var values: [UInt32] = []
            while values.count < 3_000 {
                let v = UInt32(random.next() % (maxValue + 1))
                let run = random.next() % 3 == 0 ? Int(random.next() % 40) + 1 : 1
                values += repeatElement(v, count: run)
            }
            var encoded: [UInt8] = []
            values.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: width, into: &encoded) }
            var decoded: [UInt32] = []
            try encoded.withUnsafeBufferPointer { b in
                var d = try RLEHybridDecoder(b, bitWidth: width)
                try d.decode(count: values.count, into: &decoded)
            }
            #expect(decoded == values, "width \(width)")
        }
    }

    @Test func rleHybridRejectsShortInput() {
        [UInt8]([0x07, 0x88]).withUnsafeBufferPointer { b in
            var out: [UInt32] = []
            #expect(throws: ParquetError.self) {
                var d = try RLEHybridDecoder(b, bitWidth: 3)
                try d.decode(count: 24, into: &out)
            }
        }
    }

    @Test func snappyDecodesHandMadeElements() throws {
        // Length 11; literal "abcd"; copy (1-byte offset form) length 7 at offset 4 → "abcdabcdabc".
        let stream: [UInt8] = [11, 3 << 2, 0x61, 0x62, 0x63, 0x64, 0x01 | (7 - 4) << 2, 4]
        let out = try stream.withUnsafeBufferPointer { try SnappyDecompressor.decompress($0, expectedSize: 11) }
        #expect(String(decoding: out, as: UTF8.self) == "abcdabcdabc")
    }

    @Test func snappyRoundTripsAwkwardInputs() throws {
        var random = SeededRandom(seed: 4)
        var inputs: [[UInt8]] = [[], [1], Array(repeating: 7, count: 200_000)]
        inputs.append((0..<150_000).map { _ in UInt8(truncatingIfNeeded: random.next()) })  // incompressible
        inputs.append(Array((0..<20_000).flatMap { "row \($0 % 97),DE,\($0 % 13)\n".utf8 }))  // text with repeats
        inputs.append(Array(repeating: 0, count: 61) + (0..<70).map { UInt8($0) } + Array(repeating: 9, count: 100))
        for input in inputs {
            let compressed = input.withUnsafeBufferPointer { SnappyCompressor.compress($0) }
            let back = try compressed.withUnsafeBufferPointer {
                try SnappyDecompressor.decompress($0, expectedSize: input.count)
            }
            #expect(back == input, "\(input.count) bytes")
        }
        let text = inputs[4]
        let compressed = text.withUnsafeBufferPointer { SnappyCompressor.compress($0) }
        #expect(compressed.count < text.count / 3)
    }

    @Test func snappyRejectsBadBackReferencesAndSizes() {
        let cases: [([UInt8], Int)] = [
            ([4, 0x01 | 0 << 2, 9], 4),  // copy before any output
            ([3, 2 << 2, 0x61], 3),  // literal runs past input
            ([5, 0 << 2, 0x61], 5),  // stops short of the announced length
            ([2, 0 << 2, 0x61], 3),  // announced length disagrees with the page header
        ]
        for (stream, size) in cases {
            _ = stream.withUnsafeBufferPointer { b in
                #expect(throws: ParquetError.self) { try SnappyDecompressor.decompress(b, expectedSize: size) }
            }
        }
    }

    @Test func gzipAndZstdRoundTripAndRejectGarbage() throws {
        let input = Array((0..<5_000).flatMap { "\($0 * 7 % 101);".utf8 })
        for codec in [ParquetCompression.gzip, .zstd] {
            let compressed = try codec.compress(input)
            let back = try compressed.withUnsafeBufferPointer {
                try codec.codec.decompress($0, expectedSize: input.count)
            }
            #expect(back == input)
            compressed.withUnsafeBufferPointer { b in
                #expect(throws: ParquetError.self) { try codec.codec.decompress(b, expectedSize: input.count - 1) }
                #expect(throws: ParquetError.self) { try codec.codec.decompress(b, expectedSize: input.count + 1) }
                #expect(throws: ParquetError.self) {
                    try codec.codec.decompress(UnsafeBufferPointer(rebasing: b[0..<(b.count / 2)]), expectedSize: input.count)
                }
            }
        }
    }
}
