import Foundation
import Testing

@testable import MMMCore

/// Builds a preparation state from CSV text and a small config.
func prepState(
    _ csv: String, depVar: String = "y", media: [MediaPair] = [MediaPair(spend: "s", variable: "s")],
    configure: (inout JobConfig) -> Void = { _ in }
) throws -> PreparationState {
    var config = JobConfig(depVar: depVar, paidMedia: media)
    configure(&config)
    return PreparationState(table: try CSVReader().parse(csv), config: config, source: "t.csv")
}

/// The `DataError` a throwing call produces, or nil.
func dataError(_ body: () throws -> Void) -> DataError? {
    do {
        try body()
        return nil
    } catch let error as DataError {
        return error
    } catch {
        return DataError(.invalidValue, "unexpected \(error)")
    }
}

/// Daily CSV text for `days` days from 2024-01-01 with y = 10 + day, s = day % 3.
func dailyCSV(days: Int, skip: Set<Int> = []) -> String {
    var text = "date,y,s\n"
    let start = CalendarDate(year: 2024, month: 1, day: 1)!
    for d in 0..<days where !skip.contains(d) {
        text += "\(start.adding(days: d)),\(10 + d),\(d % 3)\n"
    }
    return text
}
