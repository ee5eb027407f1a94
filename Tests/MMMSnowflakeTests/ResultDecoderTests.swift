import MMMTestSupport
import Foundation
import MMMSnowflake
import Testing

/// jsonv2 decoding of every `rowType` (wire notes §1.8). Expected values come from the spec and from
/// independent oracles (Swift/Python literal parsing, calendar facts), not from the decoder.
struct ResultDecoderTests {
    private func decode(_ type: SnowflakeColumnType, scale: Int? = nil, _ cells: [String?]) throws -> SnowflakeColumn {
        let column = SnowflakeColumnDescription(name: "C", type: type, scale: scale)
        let decoder = SnowflakeResultDecoder(columns: [column])
        let rows = cells.map { cell in cell.map { "[\"\($0)\"]" } ?? "[null]" }.joined(separator: ",")
        #expect(try decoder.decodePartition(Data("{\"data\":[\(rows)]}".utf8)) == cells.count)
        return decoder.makeColumns()[0]
    }

    @Test func fixedIntegersAndDecimals() throws {
        let integers = try decode(.fixed, scale: 0, ["123", "-9223372036854775808", "9223372036854775807", "0", nil])
        #expect(integers.values == .fixed(scale: 0, unscaled: [123, .min, .max, 0, nil]))
        let decimals = try decode(.fixed, scale: 2, ["1.50", "-0.05", "3", "12345678901234.99", nil])
        #expect(decimals.values == .fixed(scale: 2, unscaled: [150, -5, 300, 1_234_567_890_123_499, nil]))
        #expect((0..<4).map { decimals.formattedValue(at: $0) } == ["1.50", "-0.05", "3.00", "12345678901234.99"])
        #expect(decimals.doubleValue(at: 0) == 1.5)
        #expect(decimals.formattedValue(at: 4) == nil)
    }

    @Test func fixedBeyond64BitsKeepsExactTextForTheWholeColumn() throws {
        let column = try decode(.fixed, scale: 1, ["12.5", "-3.0", "123456789012345678901234567890.5", nil, "7.1"])
        #expect(column.values == .exactDecimal(["12.5", "-3.0", "123456789012345678901234567890.5", nil, "7.1"]))
        #expect(column.doubleValue(at: 2) == 123456789012345678901234567890.5)
        let decfloat = try decode(.decfloat, ["1.5E+40", "-2", nil])
        #expect(decfloat.values == .exactDecimal(["1.5E+40", "-2", nil]))
    }

    @Test func realValues() throws {
        let column = try decode(.real, ["2.5", "1.0e-10", "-0.1", "123456789012345678901234", "1.7976931348623157e308",
                                        "NaN", "inf", "-inf", "5e-324", "0", nil])
        guard case .double(let values) = column.values else { Issue.record("not double"); return }
        #expect(values[0] == 2.5)
        #expect(values[1] == 1.0e-10)
        #expect(values[2] == -0.1)
        #expect(values[3] == 1.2345678901234569e+23)
        #expect(values[4] == .greatestFiniteMagnitude)
        #expect(values[5]?.isNaN == true)
        #expect(values[6] == .infinity)
        #expect(values[7] == -.infinity)
        #expect(values[8] == .leastNonzeroMagnitude)
        #expect(values[9] == 0)
        #expect(values[10] == nil)
        #expect([5, 6, 7].map { column.formattedValue(at: $0) } == ["NaN", "inf", "-inf"])
    }

    /// Round-trip against Swift's own parser for many decimal spellings (fast path vs strtod agreement).
    @Test func realFastPathAgreesWithTheStandardParser() throws {
        var generator = SeededRandom(seed: 42)
        var cells: [String] = []
        for _ in 0..<2000 {
            let mantissa = generator.next() % 10_000_000_000_000
            let shift = Int(generator.next() % 20)
            var text = String(mantissa)
            if shift < text.count { text.insert(".", at: text.index(text.endIndex, offsetBy: -shift)) }
            if generator.next() % 3 == 0 { text += "e\(Int(generator.next() % 40) - 20)" }
            cells.append(generator.next() % 2 == 0 ? "-" + text : text)
        }
        let column = try decode(.real, cells)
        guard case .double(let values) = column.values else { Issue.record("not double"); return }
        for (cell, value) in zip(cells, values) { #expect(value == Double(cell), "\(cell)") }
    }

    @Test func textWithEscapesAndUnicode() throws {
        let column = try decode(.text, [#"plain"#, #"quote \" backslash \\ slash \/"#, #"line\nbreak\ttab"#,
                                        #"\u00e9t\u00E9"#, #"\ud83d\ude00"#, "ünïcödé", "", #"\ud800"#, nil])
        #expect(column.values == .text(["plain", #"quote " backslash \ slash /"#, "line\nbreak\ttab", "été", "😀",
                                        "ünïcödé", "", "\u{FFFD}", nil]))
    }

    @Test func booleans() throws {
        #expect(try decode(.boolean, ["true", "false", "TRUE", "0", "1", nil]).values
            == .boolean([true, false, true, false, true, nil]))
    }

    @Test func datesAreDaysSinceEpoch() throws {
        let column = try decode(.date, ["18262", "0", "-1", "2932896", "-719162", nil])
        #expect(column.values == .date([18262, 0, -1, 2_932_896, -719_162, nil]))
        #expect((0..<5).map { column.formattedValue(at: $0) }
            == ["2020-01-01", "1970-01-01", "1969-12-31", "9999-12-31", "0001-01-01"])
    }

    @Test func timesAreSecondsSinceMidnight() throws {
        let column = try decode(.time, scale: 9, ["82919.000000000", "0.5", "86399.999999999", "3600", nil])
        #expect(column.values == .time([82_919_000_000_000, 500_000_000, 86_399_999_999_999, 3_600_000_000_000, nil]))
        #expect((0..<4).map { column.formattedValue(at: $0) } == ["23:01:59", "00:00:00.5", "23:59:59.999999999", "01:00:00"])
    }

    @Test func timestampsNTZAndLTZ() throws {
        let ntz = try decode(.timestampNTZ, scale: 9, ["1616173619.123000000", "-1.5", "253402300799.000000000",
                                                        "1565481394123000000", "0.000000001", nil])
        #expect(ntz.values == .timestamp([
            SnowflakeTimestamp(seconds: 1_616_173_619, nanoseconds: 123_000_000),
            SnowflakeTimestamp(seconds: -2, nanoseconds: 500_000_000),
            SnowflakeTimestamp(seconds: 253_402_300_799), SnowflakeTimestamp(seconds: 1_565_481_394, nanoseconds: 123_000_000),
            SnowflakeTimestamp(seconds: 0, nanoseconds: 1), nil,
        ]))
        #expect((0..<5).map { ntz.formattedValue(at: $0) } == [
            "2021-03-19T17:06:59.123", "1969-12-31T23:59:58.5", "9999-12-31T23:59:59", "2019-08-10T23:56:34.123",
            "1970-01-01T00:00:00.000000001",
        ])
        let ltz = try decode(.timestampLTZ, ["1616173619.000000000"])
        #expect(ltz.formattedValue(at: 0) == "2021-03-19T17:06:59Z")
        #expect(ltz.doubleValue(at: 0) == 1_616_173_619)
    }

    @Test func timestampTZCarriesTheOffset() throws {
        let column = try decode(.timestampTZ, ["1616173619.000000000 1500", "1616173619.250000000 1080", "0 1440", nil])
        #expect(column.values == .timestampTZ([
            SnowflakeTimestampTZ(instant: SnowflakeTimestamp(seconds: 1_616_173_619), offsetMinutes: 60),
            SnowflakeTimestampTZ(instant: SnowflakeTimestamp(seconds: 1_616_173_619, nanoseconds: 250_000_000), offsetMinutes: -360),
            SnowflakeTimestampTZ(instant: SnowflakeTimestamp(seconds: 0), offsetMinutes: 0), nil,
        ]))
        #expect((0..<3).map { column.formattedValue(at: $0) }
            == ["2021-03-19T18:06:59+01:00", "2021-03-19T11:06:59.25-06:00", "1970-01-01T00:00:00+00:00"])
    }

    @Test(arguments: [SnowflakeColumnType.variant, .object, .array, .map, .geography, .geometry, .vector])
    func semiStructuredTypesAreJSONText(type: SnowflakeColumnType) throws {
        let column = try decode(type, [#"{\n  \"a\": [1, 2]\n}"#, "[]", nil])
        #expect(column.values == .json(["{\n  \"a\": [1, 2]\n}", "[]", nil]))
        let parsed = try JSONSerialization.jsonObject(with: Data((column.formattedValue(at: 0) ?? "").utf8))
        #expect((parsed as? [String: Any])?["a"] as? [Int] == [1, 2])
    }

    @Test func binaryIsHex() throws {
        let column = try decode(.binary, ["48656C6C6F", "00ff", "", nil])
        #expect(column.values == .binary([Data("Hello".utf8), Data([0, 255]), Data(), nil]))
        #expect(column.formattedValue(at: 1) == "00FF")
    }

    @Test func unknownTypesDecodeAsText() throws {
        let column = try decode(SnowflakeColumnType(wireName: "FUTURE_TYPE"), ["x"])
        #expect(column.description.type == .other("future_type"))
        #expect(column.values == .text(["x"]))
        #expect(SnowflakeColumnType(wireName: "TIMESTAMP_NTZ") == .timestampNTZ)
    }

    @Test(arguments: [
        (SnowflakeColumnType.fixed, "12a"), (.fixed, ""), (.fixed, "1e5"), (.real, "abc"), (.real, ""),
        (.boolean, "yes"), (.date, "1.5"), (.date, "99999999999"), (.time, "90000"), (.timestampNTZ, "x"),
        (.timestampTZ, "1616173619.0"), (.timestampTZ, "1 9999"), (.binary, "ABC"), (.binary, "zz"), (.decfloat, "1e"),
    ])
    func invalidCellsNameRowAndColumn(type: SnowflakeColumnType, cell: String) {
        let error = #expect(throws: SnowflakeError.self) { _ = try decode(type, [nil, cell]) }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.message.contains("row 1, column C (\(type.wireName))") == true)
    }

    @Test(arguments: [
        (#"{"data":[["1","2","3"]]}"#, "malformed"), (#"{"data":[["1"]]}"#, "malformed"), (#"{"data":[[1,"2"]]}"#, "string or null"),
        (#"{"data":[["1","2"]"#, "malformed"), (#"{"data" [["1","2"]]}"#, "not JSON"), (#"{"a":1 "data":[]}"#, "not JSON"), (#"{"nodata":[]}"#, "no \"data\""), ("<html>", "not JSON"),
        (#"{"data":[["1","2"],]}"#, "malformed"), (#"{"data":[["1\"#, "malformed"), (#"[["1","2"]"#, "malformed"),
    ])
    func malformedBodiesAreReported(body: String, reason: String) {
        let decoder = SnowflakeResultDecoder(columns: [
            SnowflakeColumnDescription(name: "A", type: .text), SnowflakeColumnDescription(name: "B", type: .text),
        ])
        let error = #expect(throws: SnowflakeError.self) { try decoder.decodePartition(Data(body.utf8), partition: 3) }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.message.contains(reason) == true)
        #expect(error?.message.contains("partition 3") == true)
    }

    @Test func partitionsAccumulateAndTheRowLimitStopsDecoding() throws {
        let columns = [SnowflakeColumnDescription(name: "N", type: .fixed, scale: 0)]
        let all = SnowflakeResultDecoder(columns: columns)
        try all.decodePartition(Data(#"{"resultSetMetaData":{"numRows":5},"data":[["1"],["2"]],"code":"090001"}"#.utf8))
        try all.decodePartition(Data(#"{"data":[["3"],["4"],["5"]]}"#.utf8), partition: 1)
        try all.decodePartition(Data(" [ ] ".utf8), partition: 2)
        try all.decodePartition(Data(#"{"code":"x","data":null}"#.utf8), partition: 3)
        #expect(all.makeColumns()[0].values == .fixed(scale: 0, unscaled: [1, 2, 3, 4, 5]))

        let limited = SnowflakeResultDecoder(columns: columns, rowLimit: 3)
        #expect(try limited.decodePartition(Data(#"{"data":[["1"],["2"]]}"#.utf8)) == 2)
        #expect(!limited.isLimitReached)
        #expect(try limited.decodePartition(Data(#"{"data":[["3"],["4"],["5"]]}"#.utf8)) == 1)
        #expect(limited.isLimitReached)
        #expect(limited.makeColumns()[0].values == .fixed(scale: 0, unscaled: [1, 2, 3]))
    }

    @Test func whitespaceAndPrettyPrintedJSONAreAccepted() throws {
        let body = "{\n  \"data\" : [\n    [ \"1\" , null ],\n    [\"2\",\"x\"]\n  ]\n}\n"
        let decoder = SnowflakeResultDecoder(columns: [SnowflakeColumnDescription(name: "A", type: .fixed),
                                                       SnowflakeColumnDescription(name: "B", type: .text)])
        #expect(try decoder.decodePartition(Data(body.utf8)) == 2)
        #expect(decoder.makeColumns()[1].values == .text([nil, "x"]))
    }

    @Test func gzipBytesThatWereNotDecompressedAreAClearError() {
        let decoder = SnowflakeResultDecoder(columns: [SnowflakeColumnDescription(name: "A", type: .text)])
        let error = #expect(throws: SnowflakeError.self) { try decoder.decodePartition(Data([0x1f, 0x8b, 8, 0]), partition: 2) }
        #expect(error?.message.contains("gzip") == true)
    }

    @Test func decodingIsDeterministic() throws {
        let columns = [SnowflakeColumnDescription(name: "A", type: .fixed, scale: 2),
                       SnowflakeColumnDescription(name: "B", type: .real), SnowflakeColumnDescription(name: "C", type: .text)]
        let body = Data(#"{"data":[["1.25","0.1","a"],["99999999999999999999.99","1e300","b\n"],[null,null,null]]}"#.utf8)
        let first = SnowflakeResultDecoder(columns: columns)
        let second = SnowflakeResultDecoder(columns: columns)
        try first.decodePartition(body)
        try second.decodePartition(body)
        #expect(first.makeColumns() == second.makeColumns())
    }
}
