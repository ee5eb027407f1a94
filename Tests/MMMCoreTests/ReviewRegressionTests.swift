import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore

/// Regressions found in review: each failed before its fix.
@Suite struct CoreReviewRegressionTests {
    @Test func overflowingNumbersAreNotNumbers() throws {
        #expect(NumberParser.parse("1e400") == nil)
        #expect(NumberParser.parse("-1e400") == nil)
        let table = try CSVReader().parse("date,y,s\n2024-01-01,1,1e400\n2024-01-02,2,3\n")
        #expect(table["s"]?.values.kind == .text)
        var state = PreparationState(
            table: table, config: JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "s", variable: "s")]), source: "t.csv")
        try PreparationSteps.locateDateColumn(&state)
        let error = dataError { try PreparationSteps.checkColumns(&state) }
        #expect(error?.description.hasPrefix("t.csv:2: column 's': value '1e400' is not a number") == true)
    }

    @Test func errorsNameTheRealFileLine() throws {
        // Line 2 holds a quoted line break, line 4 is blank: the bad value sits on line 6 of the file.
        let csv = "date,note,y,s\n2024-01-01,\"two\nlines\",1,2\n\n2024-01-02,x,2,3\n2024-01-03,x,3,abc\n"
        var state = PreparationState(
            table: try CSVReader().parse(csv), config: JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "s", variable: "s")]),
            source: "t.csv")
        try PreparationSteps.locateDateColumn(&state)
        #expect(dataError { try PreparationSteps.checkColumns(&state) }?.line == 6)
        // And after sorting: the irregular date keeps its own line.
        var sorted = try prepState("date,y,s\n2024-01-09,1,1\n2024-01-01,1,1\n2024-01-04,1,1\n2024-01-07,1,1\n")
        try PreparationSteps.locateDateColumn(&sorted)
        try PreparationSteps.collapseDuplicateDates(&sorted)
        #expect(sorted.table.sourceLines == [3, 4, 5, 2])
    }

    @Test func resamplingIgnoresGapsInsteadOfAveragingInventedZeros() throws {
        var csv = "date,y,s,fb\n"
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        for d in 0..<14 where d != 9 { csv += "\(start.adding(days: d)),\(d),1,\(d < 7 ? 1 : 8)\n" }
        var state = try prepState(csv) {
            $0.resampleFreq = .weekly
            $0.contextVars = ["fb"]
            $0.columnAggStrategies = ["fb": .mean]
        }
        try PreparationSteps.locateDateColumn(&state)
        try PreparationSteps.collapseDuplicateDates(&state)
        try PreparationSteps.detectCadence(&state)
        try PreparationSteps.fillGaps(&state)
        try PreparationSteps.resample(&state)
        PreparationSteps.fillMissingValues(&state)
        #expect(state.table["fb"]?.numbers == [1, 8], "the mean of the six real days, not 48/7")
    }

    @Test func weekdayOnlyDataIsFlagged() throws {
        var csv = "date,y,s\n"
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        for d in 0..<28 where start.adding(days: d).isoWeekday <= 5 { csv += "\(start.adding(days: d)),\(d),\(d % 3)\n" }
        var state = try prepState(csv)
        try PreparationSteps.locateDateColumn(&state)
        try PreparationSteps.detectCadence(&state)
        try PreparationSteps.fillGaps(&state)
        #expect(state.manifest.warnings.contains { $0.hasPrefix("the data has no weekend rows; 6 weekend days were added") })
    }

    @Test func negativeDriversFollowRobyn() throws {
        var state = try prepState("date,y,s,org\n2024-01-01,1,-5,3\n2024-01-02,2,-1,-2\n2024-01-03,3,0,4\n") {
            $0.organicVars = ["org"]
        }
        try PreparationSteps.locateDateColumn(&state)
        PreparationSteps.fixNegativeDrivers(&state)
        #expect(state.table["s"]?.numbers == [5, 1, 0], "all ≤ 0: absolute values")
        #expect(state.table["org"]?.numbers == [3, 0, 4], "organic negatives clipped too")
        #expect(state.manifest.warnings.count == 2)
    }

    @Test func aMultiCountryTableNeedsACountry() throws {
        var state = try prepState("date,COUNTRY,y,s\n2024-01-01,DE,1,2\n2024-01-01,FR,5,6\n")
        try PreparationSteps.locateDateColumn(&state)
        let error = dataError { try PreparationSteps.filterCountry(&state) }
        #expect(error?.message == "the table holds 2 countries (DE, FR)")
        var numeric = try prepState("date,y,s\n2024-01-01,1,2\n") {
            $0.country = "de"
            $0.countryColumn = "y"
        }
        try PreparationSteps.locateDateColumn(&numeric)
        #expect(dataError { try PreparationSteps.filterCountry(&numeric) } != nil)
    }

    @Test func allNAColumnsAreEmptyNumberColumns() throws {
        let table = try CSVReader().parse("date,y,s,z\n2024-01-01,1,2,NA\n2024-01-02,2,3,NA\n")
        #expect(table["z"]?.values.kind == .number)
        #expect(table["z"]?.numbers?.allSatisfy(\.isNaN) == true)
    }
}

@Suite struct ConfigMessageRegressionTests {
    private func loadError(_ json: String) -> ConfigError? {
        do {
            _ = try JobConfigLoader.load(data: Data(json.utf8))
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return nil
        }
    }

    @Test func helpfulMessagesForBrokenOrUnknownFiles() {
        #expect(loadError(#"{"dep_var": "y",, }"#)?.message.hasPrefix("not valid JSON") == true)
        #expect(loadError("[1, 2]")?.message == "not a JSON object")
        #expect(loadError(#"{"paid_medi": [], "dep_var": "y"}"#)?.message.contains("'paid_medi' (did you mean 'paid_media'?)") == true)
        #expect(loadError(#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"expected_spend":null}"#) == nil, "expected_spend may be null")
    }

    @Test func duplicateKeysWithEscapesAreFound() {
        #expect(DuplicateKeyScanner.firstDuplicate(in: Data(#"{"a":1,"\u0061":2}"#.utf8)) == "$.a")
        #expect(DuplicateKeyScanner.firstDuplicate(in: Data(#"{"a":{"b":[1,{"c":1,"c":2}]}}"#.utf8)) == "$.a.b[1].c")
        #expect(DuplicateKeyScanner.firstDuplicate(in: Data(#"{"a":"x,\"a\":1","b":[{"a":1},{"a":2}]}"#.utf8)) == nil)
    }
}

@Suite struct InputMessageRegressionTests {
    @Test func nonUTF8FilesAreRejectedWithTheLine() {
        var bytes = Array("date,city,y\n2024-01-01,Bonn,1\n2024-01-02,K".utf8)
        bytes += [0xF6] + Array("ln,2\n".utf8)
        let error = dataError { _ = try CSVReader().parse(Data(bytes)) }
        #expect(error?.line == 3)
        #expect(error?.message.contains("not UTF-8 (byte 0xF6)") == true)
        #expect(throws: Never.self) { try CSVReader().parse("a,b\nKöln 🎉,1\n") }
    }

    @Test func headerTypos() throws {
        var spaced = try prepState("date, y,s\n2024-01-01,1,2\n")
        try PreparationSteps.locateDateColumn(&spaced)
        #expect(dataError { try PreparationSteps.checkColumns(&spaced) }?.hint?.contains("' y' (with surrounding spaces)") == true)
        #expect(dataError { _ = try CSVReader().parse("a,b,\n1,2,\n") }?.hint?.contains("delimiter at the end of every line") == true)
        var twoDates = try prepState("date,DATE,y,s\n2024-01-01,2024-01-01,1,2\n")
        #expect(dataError { try PreparationSteps.locateDateColumn(&twoDates) }?.message == "several date columns (date, DATE)")
    }

    @Test func weeklyDataIsNotRelabelled() throws {
        var csv = "date,y,s\n"
        let sunday = CalendarDate(year: 2024, month: 1, day: 7)!
        for w in 0..<6 { csv += "\(sunday.adding(days: 7 * w)),\(w),\(w % 2)\n" }
        var state = try prepState(csv) { $0.resampleFreq = .weekly }
        try PreparationSteps.locateDateColumn(&state)
        try PreparationSteps.detectCadence(&state)
        try PreparationSteps.resample(&state)
        #expect(state.dates.first == sunday)
    }
}
