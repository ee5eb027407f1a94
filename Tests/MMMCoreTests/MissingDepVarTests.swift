import Foundation
import Testing

@testable import MMMCore

/// `missing_dep_var`: an empty or NaN target cell, or a date missing from the data, is an input error by default;
/// `zero` and `drop` are explicit choices.
@Suite struct MissingDepVarTests {
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!  // a Monday

    /// Daily rows for `days` days: y = 100 + day (`blank` days get an empty y, `nan` days "NaN"; `skip` days no row),
    /// s = 1 + day % 3.
    static func csv(days: Int, blank: Set<Int> = [], nan: Set<Int> = [], skip: Set<Int> = []) -> String {
        var text = "date,y,s\n"
        for d in 0..<days where !skip.contains(d) {
            let y = blank.contains(d) ? "" : nan.contains(d) ? "NaN" : String(100 + d)
            text += "\(start.adding(days: d)),\(y),\(1 + d % 3)\n"
        }
        return text
    }

    private func prepare(_ csv: String, _ configure: (inout JobConfig) -> Void = { _ in }) throws -> PreparationState {
        var config = JobConfig(depVar: "y", paidMedia: [MediaPair(spend: "s", variable: "s")])
        configure(&config)
        try config.validate()
        return try DataPreparer().prepare(try CSVReader().parse(csv), config: config, source: "d.csv")
    }

    @Test func emptyAndNaNCellsAndGapsAreAnInputErrorByDefault() throws {
        let error = try #require(dataError { _ = try prepare(Self.csv(days: 30, blank: [4], nan: [9], skip: [12])) })
        #expect(error.reason == .missingValues)
        #expect(error.category == .inputData)
        #expect(error.category.exitCode == 3)
        #expect(error.column == "y")
        #expect(error.file == "d.csv")
        #expect(error.line == 6, "the first empty cell: header is line 1, day 4 is line 6")
        #expect(error.message == "dep_var has no value on 3 dates (2 empty or NaN cells, 1 date missing from the data): 2024-01-05, 2024-01-10, 2024-01-13")
        #expect(error.hint?.contains("missing_dep_var") == true && error.hint?.contains("--missing-dep-var") == true)
    }

    @Test func longListsShowTheFirstFiveDatesAndTheCount() throws {
        let error = try #require(dataError { _ = try prepare(Self.csv(days: 40, blank: Set(10..<20))) })
        #expect(error.message.hasPrefix("dep_var has no value on 10 dates (10 empty or NaN cells): 2024-01-11, 2024-01-12, 2024-01-13, 2024-01-14, 2024-01-15, …"))
    }

    @Test func mediaGapsAloneKeepTheirRule() throws {
        var text = "date,y,s\n"
        for d in 0..<20 { text += "\(Self.start.adding(days: d)),\(100 + d),\(d == 5 ? "" : "2")\n" }
        let state = try prepare(text)
        #expect(state.table["s"]?.numbers?[5] == 0)
        #expect(state.manifest.warnings.contains { $0.hasPrefix("column 's' had 1 empty cells") })
    }

    @Test func zeroModelsThemAsNoResponseWithAWarning() throws {
        let state = try prepare(Self.csv(days: 30, blank: [4], skip: [12])) { $0.missingDepVar = .zero }
        let y = try #require(state.table["y"]?.numbers)
        #expect(y.count == 30)
        #expect(y[4] == 0 && y[12] == 0 && y[5] == 105)
        #expect(state.manifest.warnings.contains {
            $0 == "dep_var 'y' has no value on 2 dates (1 empty or NaN cell, 1 date missing from the data): 2024-01-05, 2024-01-13; missing_dep_var zero: modelled as zero response"
        })
        #expect(!state.manifest.warnings.contains { $0.hasPrefix("column 'y'") }, "one warning, not two")
    }

    @Test func dropTrimsLeadingAndTrailingDates() throws {
        let state = try prepare(Self.csv(days: 30, blank: [0, 1, 28, 29])) { $0.missingDepVar = .drop }
        #expect(state.dates.first?.description == "2024-01-03")
        #expect(state.dates.last?.description == "2024-01-28")
        let single = try prepare(Self.csv(days: 30, blank: [29])) { $0.missingDepVar = .drop }
        #expect(single.manifest.warnings.contains { $0.hasSuffix("1 at the end (2024-01-30)") })
        #expect(state.table.rowCount == 26)
        #expect(state.table["y"]?.numbers?.allSatisfy { !$0.isNaN && $0 > 0 } == true)
        let step = try #require(state.manifest.steps.first { $0.name == "drop_missing_dep_var" })
        #expect(step.rowsIn == 30 && step.rowsOut == 26)
        #expect(step.notes == [
            "warning: left out 4 periods without a dep_var value: 2 at the start (2024-01-01…2024-01-02), 2 at the end (2024-01-29…2024-01-30)"
        ])
        #expect(state.manifest.window?.start.description == "2024-01-03")
    }

    @Test func dropKeepsTheSeriesConsecutiveSoAHoleInsideIsStillAnError() throws {
        let error = try #require(dataError {
            _ = try prepare(Self.csv(days: 30, blank: [0, 15])) { $0.missingDepVar = .drop }
        })
        #expect(error.reason == .missingValues)
        #expect(error.message == "dep_var has no value on 1 date (1 empty or NaN cell): 2024-01-16 inside the series")
        #expect(error.line == 17)
        #expect(error.hint?.contains("consecutive") == true)
    }

    @Test func dropWithResamplingBuildsEachWeekFromTheDaysThatHaveAValue() throws {
        // 3 weeks; day 3 has an empty y, days 8 and 9 are missing rows; the spend of day 3 still counts.
        let state = try prepare(Self.csv(days: 21, blank: [3], skip: [8, 9])) {
            $0.missingDepVar = .drop
            $0.resampleFreq = .weekly
        }
        #expect(state.dates.map(\.description) == ["2024-01-01", "2024-01-08", "2024-01-15"])
        // Week 1: y of days 0–6 without day 3 = 618; week 2: days 7, 10–13 = 553; week 3: days 14–20 = 819.
        #expect(state.table["y"]?.numbers == [618, 553, 819])
        #expect(state.table["s"]?.numbers?[0] == 13, "1+2+3+1+2+3+1: day 3's spend is kept")
        #expect(state.manifest.steps.contains { $0.name == "drop_missing_dep_var" && $0.notes == ["every period has a dep_var value"] })
    }

    @Test func dropWithResamplingTrimsAWeekWithoutAnyValue() throws {
        let state = try prepare(Self.csv(days: 21, blank: Set(14..<21))) {
            $0.missingDepVar = .drop
            $0.resampleFreq = .weekly
        }
        #expect(state.dates.map(\.description) == ["2024-01-01", "2024-01-08"])
    }

    @Test func dropOfEveryDateIsNoRowsLeft() throws {
        let error = dataError { _ = try prepare(Self.csv(days: 10, blank: Set(0..<10))) { $0.missingDepVar = .drop } }
        #expect(error?.reason == .noRowsLeft)
    }

    @Test func completeDataRecordsTheCheck() throws {
        let state = try prepare(Self.csv(days: 20))
        #expect(state.manifest.steps.contains { $0.name == "check_dep_var" && $0.notes == ["dep_var 'y' has a value on every date"] })
        #expect(!state.manifest.steps.contains { $0.name == "drop_missing_dep_var" })
    }

    @Test func configFieldIsAStrictEnum() throws {
        let base = #""dep_var":"y","paid_media":[{"spend":"s","var":"s"}]"#
        #expect(try decode(JobConfig.self, "{\(base)}").missingDepVar == .error)
        #expect(try decode(JobConfig.self, "{\(base),\"missing_dep_var\":\"drop\"}").missingDepVar == .drop)
        let error = configError(JobConfig.self, "{\(base),\"missing_dep_var\":\"skip\"}")
        #expect(error?.path == "$.missing_dep_var")
        #expect(error?.message.contains("expected one of 'error', 'drop', 'zero'") == true)
        let encoded = String(decoding: try StrictJSON.encode(try decode(JobConfig.self, "{\(base)}")), as: UTF8.self)
        #expect(encoded.contains(#""missing_dep_var" : "error""#))
    }
}
