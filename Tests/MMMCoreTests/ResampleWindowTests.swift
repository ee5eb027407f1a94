import Foundation
import Testing

@testable import MMMCore

@Suite struct ResampleStepTests {
    private func prepared(_ csv: String, configure: (inout JobConfig) -> Void) throws -> PreparationState {
        var state = try prepState(csv, configure: configure)
        try PreparationSteps.locateDateColumn(&state)
        try PreparationSteps.collapseDuplicateDates(&state)
        try PreparationSteps.detectCadence(&state)
        try PreparationSteps.fillGaps(&state)
        try PreparationSteps.resample(&state)
        return state
    }

    /// The previous R code bound every column's aggregator lazily, so all columns used the last column's strategy.
    @Test func eachColumnKeepsItsOwnStrategy() throws {
        var csv = "date,y,s,flag,price\n"
        let start = CalendarDate(year: 2024, month: 1, day: 1)!  // a Monday
        for d in 0..<14 {
            csv += "\(start.adding(days: d)),\(d),\(d * 2),\(d == 3 ? 1 : 0),\(100 + d)\n"
        }
        let state = try prepared(csv) {
            $0.resampleFreq = .weekly
            $0.contextVars = ["flag", "price"]
            $0.columnAggStrategies = ["flag": .max, "price": .mean, "s": .sum]
        }
        #expect(state.dates.map(\.description) == ["2024-01-01", "2024-01-08"])
        #expect(state.table["y"]?.numbers == [21, 70])
        #expect(state.table["s"]?.numbers == [42, 140])
        #expect(state.table["flag"]?.numbers == [1, 0])
        #expect(state.table["price"]?.numbers == [103, 110])
        #expect(state.cadence == .weekly)
    }

    @Test func weeksStartOnMondayAndPartialPeriodsAreFlagged() throws {
        // 2024-01-03 is a Wednesday: the first week has 5 days, labelled Monday 2024-01-01.
        var csv = "date,y,s\n"
        let start = CalendarDate(year: 2024, month: 1, day: 3)!
        for d in 0..<12 { csv += "\(start.adding(days: d)),1,1\n" }
        let state = try prepared(csv) { $0.resampleFreq = .weekly }
        #expect(state.dates.map(\.description) == ["2024-01-01", "2024-01-08"])
        #expect(state.table["y"]?.numbers == [5, 7])
        #expect(state.manifest.warnings.contains { $0.contains("the first period (2024-01-01) has only 5 of 7 days") })
    }

    @Test func monthlyResamplingAndFirstStrategy() throws {
        var csv = "date,y,s\n"
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        for d in 0..<60 { csv += "\(start.adding(days: d)),\(d),\(d)\n" }
        let state = try prepared(csv) {
            $0.resampleFreq = .monthly
            $0.columnAggStrategies = ["s": .first]
        }
        #expect(state.dates.map(\.description) == ["2024-01-01", "2024-02-01"])
        #expect(state.table["y"]?.numbers == [Double((0..<31).reduce(0, +)), Double((31..<60).reduce(0, +))])
        #expect(state.table["s"]?.numbers == [0, 31])
        #expect(state.cadence == .monthly)
    }

    @Test func monthlyDataCannotBecomeWeekly() throws {
        let csv = "date,y,s\n2024-01-01,1,1\n2024-02-01,2,2\n2024-03-01,3,3\n"
        #expect(throws: ConfigError.self) { try prepared(csv) { $0.resampleFreq = .weekly } }
    }
}

@Suite struct WindowAndVarianceTests {
    private func demo(configure: (inout JobConfig) -> Void = { _ in }) throws -> PreparationState {
        var config = try JobConfigLoader.load(path: TestPaths.repo("Examples/configs/demo_job_config.json")).config
        configure(&config)
        return try DataPreparer().prepare(csvPath: TestPaths.repo("Examples/data/dt_simulated_weekly.csv"), config: config)
    }

    /// Robyn snaps 2016-01-01 to 2016-01-04 (row 7) and keeps 2018-12-31 (row 163): 157 window rows of 208.
    @Test func demoWindowMatchesRobyn() throws {
        let state = try demo()
        #expect(state.windowRows == 6...162)
        let window = try #require(state.manifest.window)
        #expect(window.start.description == "2016-01-04" && window.end.description == "2018-12-31")
        #expect(window.rows == 157 && window.warmupRows == 6 && window.rowsAfter == 45)
        #expect(state.table.rowCount == 208)
        #expect(state.skipReason == nil)
        #expect(state.manifest.cadence == "weekly")
        #expect(state.table.columnNames == [
            "DATE", "revenue", "tv_S", "ooh_S", "print_S", "facebook_S", "search_S", "facebook_I", "search_clicks_P",
            "newsletter", "competitor_sales_B", "events",
        ])
        #expect(state.manifest.steps.map(\.name) == [
            "read_csv", "locate_date_column", "check_columns", "filter_country", "collapse_duplicate_dates",
            "detect_cadence", "fill_gaps", "check_dep_var", "fix_negative_drivers", "resample", "fill_missing_values",
            "resolve_window", "drop_zero_variance", "check_skip_rules", "select_columns",
        ])
        #expect(state.manifest.steps.first?.notes == ["delimiter comma (','), detected from the header line, decimal mark '.'"])
        #expect(state.manifest.sourceSHA256 == nil, "Core records a digest only when the caller supplies one")
        let digested = try DataPreparer().prepare(
            csvPath: TestPaths.repo("Examples/data/dt_simulated_weekly.csv"), config: state.config, digest: { "bytes:\($0.count)" })
        #expect(digested.manifest.sourceSHA256 == "bytes:24150")
    }

    @Test func snappingTiesPickTheEarlierDate() {
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        let dates = [0, 7, 14].map { start.adding(days: $0) }
        #expect(PreparationSteps.closestRow(to: start.adding(days: 3), in: dates) == 0)
        #expect(PreparationSteps.closestRow(to: start.adding(days: 4), in: dates) == 1)
        #expect(PreparationSteps.closestRow(to: start.adding(days: 99), in: dates) == 2)
    }

    @Test func trimmingAndWindowsOutsideTheData() throws {
        let trimmed = try DataPreparer(options: { var o = DataPreparer.Options(); o.trimToWindow = true; return o }())
            .prepare(
                csvPath: TestPaths.repo("Examples/data/dt_simulated_weekly.csv"),
                config: try JobConfigLoader.load(path: TestPaths.repo("Examples/configs/demo_job_config.json")).config)
        #expect(trimmed.table.rowCount == 157)
        #expect(trimmed.windowRows == 0...156)
        let error = #expect(throws: ConfigError.self) {
            _ = try demo { $0.startDate = CalendarDate(year: 2021, month: 1, day: 1); $0.endDate = CalendarDate(year: 2021, month: 6, day: 1) }
        }
        #expect(error?.description == "$.start_date: 2021-01-01 is after the last date in the data (2019-11-11)")
    }

    @Test func zeroVarianceDriversAreDroppedAndConstantTargetsSkip() throws {
        var csv = "date,y,s,t,flat,org\n"
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        for d in 0..<20 { csv += "\(start.adding(days: d)),\(d),\(d % 4),0,5,\(d)\n" }
        var config = JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "s", variable: "s"), MediaPair(spend: "t", variable: "t")])
        config.contextVars = ["flat"]
        config.organicVars = ["org"]
        let state = try DataPreparer().prepare(try CSVReader().parse(csv), config: config, source: "t.csv")
        #expect(state.config.paidMedia == [MediaPair(spend: "s", variable: "s")])
        #expect(state.config.contextVars.isEmpty)
        #expect(state.config.organicVars == ["org"])
        #expect(Set(state.manifest.droppedColumns.map(\.column)) == ["t", "flat"])
        #expect(state.table.columnNames == ["date", "y", "s", "org"])
        #expect(state.skipReason == nil)

        var constant = "date,y,s\n"
        for d in 0..<20 { constant += "\(start.adding(days: d)),7,\(d)\n" }
        let skipped = try DataPreparer().prepare(try CSVReader().parse(constant), config: JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "s", variable: "s")]), source: "t.csv")
        #expect(skipped.skipReason?.hasPrefix("dep_var 'y' is constant (7) in the window") == true)

        var noSpend = "date,y,s\n"
        for d in 0..<20 { noSpend += "\(start.adding(days: d)),\(d),0\n" }
        let skipped2 = try DataPreparer().prepare(try CSVReader().parse(noSpend), config: JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "s", variable: "s")]), source: "t.csv")
        #expect(skipped2.skipReason == "no paid media spend column varies in the window")
    }

    @Test func inspectionReportsProblems() throws {
        let csv = "DATE,y,s,c\n2024-01-01,1,-2,x\n2024-01-01,2,3,x\n2024-01-02,3,4,x\n2024-01-05,3,4,x\n"
        let report = DataInspection(table: try CSVReader().parse(csv), source: "t.csv")
        #expect(report.duplicateDates == 1)
        #expect(report.cadence == "daily")
        #expect(report.missingPeriods == 2)
        #expect(report.findings.contains("'s' has 1 negative values"))
        #expect(report.findings.contains("'c' does not vary"))
        let multi = DataInspection(
            table: try CSVReader().parse("DATE,COUNTRY,y\n2024-01-01,DE,1\n2024-01-01,FR,2\n2024-01-02,DE,3\n2024-01-02,FR,4\n"),
            source: "m.csv")
        #expect(multi.findings.contains { $0.hasPrefix("'COUNTRY' holds 2 countries (DE, FR)") })
        #expect(multi.findings.contains { $0.contains("duplicate dates across countries") })
    }
}
