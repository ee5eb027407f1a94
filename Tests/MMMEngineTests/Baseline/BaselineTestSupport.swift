import Foundation
import MMMCore
import Testing

@testable import MMMEngine

/// Shared inputs of the baseline tests: the Robyn demo (fixtures in the repository), and small statistics.
enum BaselineTestData {
    /// The demo's dates, revenue and events factor (Examples/data/dt_simulated_weekly.csv).
    static func demoInput() throws -> (dates: [CalendarDate], revenue: [Double], events: [String?]) {
        let table = try CSVReader().read(path: Fixtures.demoData.path)
        let dates = try #require(table["DATE"]?.dates).compactMap { $0 }
        let revenue = try #require(table["revenue"]?.numbers)
        let events = try #require(table["events"]?.texts)
        return (dates, revenue, events)
    }

    /// Robyn's dt_mod for the demo (Tests/Fixtures/robyn/robyn_demo_dt_mod.csv).
    static func robynDemo() throws -> DataTable {
        try CSVReader().read(path: Fixtures.robyn("robyn_demo_dt_mod.csv").path)
    }

    /// The demo decomposition as Robyn configures it: trend, season, holiday; DE; factor events.
    static func demoFit(options: BaselineFitOptions = BaselineFitOptions()) throws -> BaselineComponents {
        let input = try demoInput()
        return try BaselineDecomposition.fit(
            dates: input.dates, y: input.revenue, cadence: .weekly, terms: [.trend, .season, .holiday],
            holidays: .builtIn, country: "DE", factors: [BaselineFactor(name: "events", values: input.events)],
            options: options)
    }

    /// Pearson correlation.
    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }

    /// ‖a − b‖ / ‖b‖.
    static func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
        let diff = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let norm = b.reduce(0) { $0 + $1 * $1 }
        return (diff / norm).squareRoot()
    }
}
