import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore

@Suite struct CSVReaderTests {
    /// The RFC 4180 torture case from the toolchain notes: BOM, CRLF, quoted delimiter, doubled quotes, quoted CRLF
    /// and LF, empty and "" fields, spaces kept, non-ASCII, no final line break.
    static let tricky = "\u{FEFF}id,text,note\r\n1,\" spaced \",\"a,b\"\r\n2,\"say \"\"hi\"\"\",\"line1\r\nline2\"\r\n3,,\"\"\r\n4,\"x\ny\",Grüße 🎉"

    @Test func readsRFC4180Fields() throws {
        let table = try CSVReader().parse(Self.tricky)
        #expect(table.columnNames == ["id", "text", "note"])
        #expect(table.rowCount == 4)
        #expect(table["id"]?.numbers == [1, 2, 3, 4])
        #expect(table["text"]?.texts == [" spaced ", "say \"hi\"", nil, "x\ny"])
        #expect(table["note"]?.texts == ["a,b", "line1\r\nline2", "", "Grüße 🎉"])
    }

    /// Python's csv module is the oracle for field splitting.
    @Test func agreesWithPythonCSV() throws {
        let dir = try TemporaryDirectory.make()
        let path = dir.appendingPathComponent("t.csv").path
        try Data(Self.tricky.utf8).write(to: URL(fileURLWithPath: path))
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f))))
            """
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, path])
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
        let table = try CSVReader(options: { var o = CSVReader.Options(); o.inferTypes = false; return o }()).parse(Self.tricky)
        #expect(rows[0] == table.columnNames)
        for r in 1..<rows.count {
            #expect(rows[r] == table.columns.map { $0.cellText(r - 1) })
        }
    }

    @Test func infersTypes() throws {
        let table = try CSVReader().parse(
            "d,n,t,mixed,na\n2024-01-01,1.5,a,1,NA\n2024-01-08,,b,x,2\n2024-01-15,-2e3,c,3,\n")
        #expect(table["d"]?.values.kind == .date)
        #expect(table["n"]?.numbers?[0] == 1.5)
        #expect(table["n"]?.numbers?[1].isNaN == true)
        #expect(table["n"]?.numbers?[2] == -2000)
        #expect(table["t"]?.values.kind == .text)
        #expect(table["mixed"]?.values.kind == .text)
        #expect(table["mixed"]?.firstNonNumeric == CellSample(row: 1, value: "x"))
        #expect(table["na"]?.values.kind == .number)
        #expect(table["na"]?.numbers?[1] == 2)
    }

    @Test func datesWithMixedFormatsStayText() throws {
        let table = try CSVReader().parse("d\n2024-01-01\n01.02.2024\n")
        #expect(table["d"]?.values.kind == .text)
    }

    @Test func readsTheDemoDataExactly() throws {
        let table = try CSVReader().read(path: TestPaths.repo("Examples/data/dt_simulated_weekly.csv"))
        #expect(table.rowCount == 208)
        #expect(table.columns.count == 12)
        #expect(table["DATE"]?.values.kind == .date)
        #expect(table["events"]?.values.kind == .text)
        // Column sums published with Robyn's demo data (its data README in the development environment), typed in here.
        let sums: [String: Double] = [
            "revenue": 379005696.7, "tv_S": 3087487.8, "ooh_S": 8989331.7, "print_S": 775555.5,
            "facebook_I": 1695910319.6, "search_clicks_P": 3524603.0, "search_S": 1230426.7,
            "competitor_sales_B": 1151909180, "facebook_S": 446296.8, "newsletter": 4656396.9,
        ]
        for (name, expected) in sums {
            let sum = try #require(table[name]?.numbers).reduce(0, +)
            #expect(abs(sum - expected) < 0.06, "\(name): \(sum)")
        }
    }

    @Test(arguments: [
        ("a,b\n1,\"2\n", "line 2", "unterminated quoted field in column 2"),
        ("a,b\n1,x\"y\n", "line 2", "stray quote inside the unquoted field in column 2"),
        ("a,b\n1,\"x\"y\n", "line 2", "unexpected text after the closing quote in column 2"),
        ("a,b\n1,2\n3\n", "line 3", "expected 2 fields as in the header, found 1"),
        ("a,b\n\"multi\nline\",2\n4,5,6\n", "line 4", "expected 2 fields as in the header, found 3"),
    ])
    func malformedCSVNamesLineAndColumn(text: String, line: String, message: String) {
        do {
            _ = try CSVReader().parse(text)
            Issue.record("accepted malformed CSV")
        } catch let error as DataError {
            #expect(error.reason == .malformedCSV)
            #expect(error.description.contains(line.replacingOccurrences(of: "line ", with: "line ")))
            #expect(error.description.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func emptyAndHeaderOnlyFilesAreErrors() {
        for text in ["", "\n\n", "\u{FEFF}"] {
            #expect(throws: DataError.self) { try CSVReader().parse(text) }
        }
        do {
            _ = try CSVReader().parse("a,b\n")
            Issue.record("accepted header-only file")
        } catch let error as DataError {
            #expect(error.reason == .emptyFile)
        } catch { Issue.record("\(error)") }
    }

    @Test func duplicateAndEmptyColumnNamesAreErrors() {
        do {
            _ = try CSVReader().parse("date,spend,spend\n2024-01-01,1,2\n")
            Issue.record("accepted duplicate names")
        } catch let error as DataError {
            #expect(error.reason == .duplicateColumn("spend"))
            #expect(error.description.contains("columns 2 and 3"))
        } catch { Issue.record("\(error)") }
        #expect(throws: DataError.self) { try CSVReader().parse("a,,c\n1,2,3\n") }
    }

    @Test func fileErrorsNameTheFile() {
        do {
            _ = try CSVReader().read(path: "/nonexistent/x.csv")
            Issue.record("read a missing file")
        } catch let error as DataError {
            #expect(error.description.hasPrefix("/nonexistent/x.csv"))
        } catch { Issue.record("\(error)") }
    }

    @Test func writerRoundTripsTrickyTables() throws {
        var generator = SeededRandom(seed: 11)
        let alphabet = Array("ab ,\"\r\nü🎉0123.-")
        for _ in 0..<200 {
            let rows = Int(generator.next() % 5) + 1
            let texts: [String?] = (0..<rows).map { _ in
                let length = Int(generator.next() % 8) + 1
                return String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            }
            let numbers = (0..<rows).map { _ in Double(bitPattern: generator.next() >> 2) }
            let table = try DataTable(columns: [
                Column(name: "label", values: .text(texts)), Column(name: "value", values: .number(numbers)),
            ])
            let written = CSVWriter().string(for: table)
            let options = { var o = CSVReader.Options(); o.inferTypes = false; return o }()
            let back = try CSVReader(options: options).parse(written)
            #expect(back.columns[0].texts == texts.map { $0 ?? "" }.map { $0.isEmpty ? nil : $0 }, "\(written)")
            let parsed = back.columns[1].texts?.map { $0.flatMap(NumberParser.parse) }
            #expect(parsed == numbers.map { Optional($0) })
        }
    }
}
