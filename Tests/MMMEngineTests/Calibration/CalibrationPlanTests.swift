import Foundation
import MMMCore
import Testing

@testable import MMMEngine

/// Resolving studies against the rows: Robyn's row choice and window check, and the day counts of both formulas.
@Suite struct CalibrationPlanTests {
    /// 20 weekly rows from Monday 2024-01-01; window rows 2..<18.
    static let dates = (0..<20).map { CalendarDate(daysSinceEpoch: 19723).adding(days: 7 * $0) }  // from Monday 2024-01-01
    static let window = 2..<18

    static func study(_ start: String, _ end: String, channel: String = "a") throws -> CalibrationStudy {
        CalibrationStudy(
            channel: channel, liftStartDate: try #require(DateFormat.isoDate.parse(start)),
            liftEndDate: try #require(DateFormat.isoDate.parse(end)), liftAbs: 1)
    }

    static func resolve(_ studies: [CalibrationStudy], formula: CalibrationFormula = .robyn) throws -> [LiftStudyPlan] {
        try CalibrationPlan.resolve(
            studies, dates: dates, window: window, mediaNames: ["a", "b"], formula: formula, modelledName: { $0 == "a_S" ? "a" : $0 })
    }

    @Test func rowsAreTheStudyDatesPlusThePreviousRowWhenTheStartIsNoDataDate() throws {
        // 2024-01-29 is row 4; four whole weeks end on Sunday 2024-02-25.
        let onDate = try Self.resolve([try Self.study("2024-01-29", "2024-02-25")])[0]
        #expect(onDate.rows == [4, 5, 6, 7] && onDate.windowOffsets == [2, 3, 4, 5])
        #expect(onDate.scale == 27.0 / 21.0)
        let corrected = try Self.resolve([try Self.study("2024-01-29", "2024-02-25")], formula: .corrected)[0]
        #expect(corrected.scale == 1)
        // Starting on a Wednesday: rows dated inside, plus the row before.
        let midWeek = try Self.resolve([try Self.study("2024-01-31", "2024-02-20", channel: "a_S+b")])[0]
        #expect(midWeek.rows == [4, 5, 6, 7] && midWeek.slots == [0, 1])
        #expect(midWeek.decompStart.description == "2024-01-29" && midWeek.decompEnd.description == "2024-02-19")
        #expect(midWeek.scale == 20.0 / 21.0)
    }

    @Test func studiesOutsideTheWindowOrWithoutRowsAreConfigErrors() throws {
        let cases: [(CalibrationStudy, String)] = [
            (try Self.study("2024-01-01", "2024-01-28"), "$.calibration_input[0]: study 1 (a 2024-01-01…2024-01-28) is not within the modelling window 2024-01-15…2024-04-29"),
            (try Self.study("2024-04-22", "2024-05-12"), "is not within the modelling window"),
            (try Self.study("2024-02-06", "2024-02-09"), "covers no data row"),
            (try Self.study("2024-02-05", "2024-02-09"), "spans one data row, so Robyn's scaling"),
            (try Self.study("2024-02-05", "2024-03-03", channel: "c"), "$.calibration_input[0].channel: study 1 (c 2024-02-05…2024-03-03): channel 'c' is not in the model"),
        ]
        for (study, expected) in cases {
            do {
                _ = try Self.resolve([study])
                Issue.record("accepted \(study)")
            } catch let error as ConfigError {
                #expect(error.category == .usage)
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
        // The corrected formula has no zero-day division: one row covers its whole week.
        let single = try Self.resolve([try Self.study("2024-02-05", "2024-02-09")], formula: .corrected)[0]
        #expect(single.rows == [5] && single.scale == 5.0 / 7.0)
    }
}
