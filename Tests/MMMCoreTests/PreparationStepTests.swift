import Foundation
import Testing

@testable import MMMCore

@Suite struct DateAndColumnStepTests {
    @Test func findsConventionalDateColumnsCaseInsensitively() throws {
        for name in ["DATE", "ds", "Datum", "fecha", "data"] {
            var state = try prepState("\(name),y,s\n2024-01-01,1,2\n")
            try PreparationSteps.locateDateColumn(&state)
            #expect(state.dateColumn == name)
        }
        var configured = try prepState("week,DATE,y,s\n2024-01-01,x,1,2\n") { $0.dateVar = "WEEK" }
        try PreparationSteps.locateDateColumn(&configured)
        #expect(configured.dateColumn == "week")
    }

    @Test func parsesEuropeanDatesAndRejectsBadOnes() throws {
        var state = try prepState("Datum,y,s\n01.02.2024,1,2\n08.02.2024,1,2\n")
        try PreparationSteps.locateDateColumn(&state)
        #expect(state.dates.map(\.description) == ["2024-02-01", "2024-02-08"])

        var bad = try prepState("date,y,s\n2024-01-01,1,2\n2024-01-08,1,2\n2024-13-01,1,2\n")
        let error = dataError { try PreparationSteps.locateDateColumn(&bad) }
        #expect(error?.reason == .unparseableDate)
        #expect(error?.description == "t.csv:4: column 'date': value '2024-13-01' is not a date in the column's format YYYY-MM-DD — write every date the same way")
        var none = try prepState("when,y,s\n2024-01-01,1,2\n")
        #expect(dataError { try PreparationSteps.locateDateColumn(&none) }?.reason == .noDateColumn)
        var empty = try prepState("date,y,s\n2024-01-01,1,2\n,1,2\n")
        #expect(dataError { try PreparationSteps.locateDateColumn(&empty) }?.line == 3)
    }

    @Test func missingColumnsAndNonNumbersAreNamed() throws {
        var missing = try prepState("date,y,s\n2024-01-01,1,2\n") { $0.organicVars = ["seo"] }
        try PreparationSteps.locateDateColumn(&missing)
        let e1 = dataError { try PreparationSteps.checkColumns(&missing) }
        #expect(e1?.reason == .missingColumn("seo"))
        #expect(e1?.description.contains("organic var 'seo' is not in the data") == true)

        var caseMismatch = try prepState("date,Y,s\n2024-01-01,1,2\n")
        try PreparationSteps.locateDateColumn(&caseMismatch)
        #expect(dataError { try PreparationSteps.checkColumns(&caseMismatch) }?.hint?.contains("the data has 'Y'") == true)

        var spendMissing = try prepState("date,y,fb_I\n2024-01-01,1,2\n", media: [MediaPair(spend: "fb_S", variable: "fb_I")])
        try PreparationSteps.locateDateColumn(&spendMissing)
        let e2 = dataError { try PreparationSteps.checkColumns(&spendMissing) }
        #expect(e2?.description.contains("spend column of paid media var 'fb_I' 'fb_S' is not in the data") == true)

        var text = try prepState("date,y,s\n2024-01-01,1,2\n2024-01-02,1,2\n2024-01-03,1,n/a?\n")
        try PreparationSteps.locateDateColumn(&text)
        let e3 = dataError { try PreparationSteps.checkColumns(&text) }
        #expect(e3?.reason == .notANumber)
        #expect(e3?.description.hasPrefix("t.csv:4: column 's': value 'n/a?' is not a number") == true)
    }

    @Test func countryFilterKeepsOneCountry() throws {
        let csv = "date,COUNTRY,y,s\n2024-01-01,DE,1,2\n2024-01-01,FR,5,6\n2024-01-02,de,3,4\n"
        var state = try prepState(csv) { $0.country = "de" }
        try PreparationSteps.locateDateColumn(&state)
        try PreparationSteps.filterCountry(&state)
        #expect(state.table.rowCount == 2)
        #expect(state.table["y"]?.numbers == [1, 3])

        var none = try prepState(csv) { $0.country = "it" }
        try PreparationSteps.locateDateColumn(&none)
        let error = dataError { try PreparationSteps.filterCountry(&none) }
        #expect(error?.reason == .noRowsLeft)
        #expect(error?.message.contains("values seen: DE, FR, de") == true)

        var single = try prepState("date,y,s\n2024-01-01,1,2\n") { $0.country = "de" }
        try PreparationSteps.locateDateColumn(&single)
        try PreparationSteps.filterCountry(&single)
        #expect(single.table.rowCount == 1)
        #expect(single.manifest.steps.last?.notes.first?.contains("all rows kept") == true)
    }

    @Test func duplicateDatesAreCollapsed() throws {
        var state = try prepState("date,y,s,label\n2024-01-02,1,2,b\n2024-01-01,3,,a\n2024-01-02,5,6,c\n2024-01-01,7,,\n")
        try PreparationSteps.locateDateColumn(&state)
        try PreparationSteps.collapseDuplicateDates(&state)
        #expect(state.dates.map(\.description) == ["2024-01-01", "2024-01-02"])
        #expect(state.table["y"]?.numbers == [10, 6])
        #expect(state.table["s"]?.numbers?[0].isNaN == true)
        #expect(state.table["s"]?.numbers?[1] == 8)
        #expect(state.table["label"]?.texts == ["a", "b"])
        #expect(state.manifest.warnings.first?.contains("2 dates appeared more than once") == true)
    }
}

@Suite struct CadenceStepTests {
    @Test func detectsCadences() {
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        #expect(CadenceDetector.analyse((0..<30).map { start.adding(days: $0) }).cadence == .daily)
        let weekly = (0..<30).map { start.adding(days: 7 * $0 + 6) }
        let w = CadenceDetector.analyse(weekly)
        #expect(w.cadence == .weekly && w.weekday == 7)
        let monthly = (1...12).compactMap { CalendarDate(year: 2024, month: $0, day: 1) }
        #expect(CadenceDetector.analyse(monthly).cadence == .monthly)
        var stray = (0..<20).map { start.adding(days: 7 * $0) }
        stray.append(start.adding(days: 52))
        let s = CadenceDetector.analyse(stray)
        #expect(s.cadence == nil, "a stray mid-week row is irregular, not daily data")
        #expect(s.firstIrregularDate == start.adding(days: 52))
        let gappy = CadenceDetector.analyse([0, 1, 2, 5, 6].map { start.adding(days: $0) })
        #expect(gappy.cadence == .daily && gappy.missingPeriods == 2)
    }

    @Test func fillsDailyGapsWithZeros() throws {
        var state = try prepState(dailyCSV(days: 10, skip: [3, 4, 7]))
        try PreparationSteps.locateDateColumn(&state)
        try PreparationSteps.collapseDuplicateDates(&state)
        try PreparationSteps.detectCadence(&state)
        try PreparationSteps.fillGaps(&state)
        #expect(state.table.rowCount == 10)
        #expect(state.table["y"]?.numbers?.map { $0.isNaN ? -1 : $0 } == [10, 11, 12, -1, -1, 15, 16, -1, 18, 19])
        #expect(state.manifest.warnings.contains { $0.contains("3 missing daily periods added as empty rows") })
        PreparationSteps.fillMissingValues(&state)
        #expect(state.table["y"]?.numbers == [10, 11, 12, 0, 0, 15, 16, 0, 18, 19])
    }

    @Test func weeklyDataStaysWeekly() throws {
        // The previous system densified weekly data to daily zeros before anything else.
        var csv = "date,y,s\n"
        for w in [0, 1, 3] { csv += "\(CalendarDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * w)),\(w + 1),1\n" }
        var state = try prepState(csv)
        try PreparationSteps.locateDateColumn(&state)
        try PreparationSteps.detectCadence(&state)
        try PreparationSteps.fillGaps(&state)
        PreparationSteps.fillMissingValues(&state)
        #expect(state.cadence == .weekly)
        #expect(state.dates.map(\.description) == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"])
        #expect(state.table["y"]?.numbers == [1, 2, 0, 4])
    }

    @Test func irregularDatesAreAnError() throws {
        var state = try prepState("date,y,s\n2024-01-01,1,1\n2024-01-04,1,1\n2024-01-07,1,1\n2024-01-11,1,1\n")
        try PreparationSteps.locateDateColumn(&state)
        let error = dataError { try PreparationSteps.detectCadence(&state) }
        #expect(error?.reason == .irregularDates)
    }

    @Test func missingValuesAndNegativeSpend() throws {
        var state = try prepState("date,y,s\n2024-01-01,1,-5\n2024-01-02,,3\n2024-01-03,2,-1\n")
        try PreparationSteps.locateDateColumn(&state)
        PreparationSteps.fillMissingValues(&state)
        PreparationSteps.fixNegativeDrivers(&state)
        #expect(state.table["y"]?.numbers == [1, 0, 2])
        #expect(state.table["s"]?.numbers == [0, 3, 0])
        #expect(state.manifest.warnings.contains {
            $0 == "column 'y' had 1 empty cells (first on 2024-01-02); set to 0 (dep_var: these periods are modelled as zero response)"
        })
        #expect(state.manifest.warnings.contains { $0.contains("column 's' had 2 negative values (first on 2024-01-01, sum -6)") })
    }
}
