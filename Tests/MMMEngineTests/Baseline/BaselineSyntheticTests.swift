import Foundation
import MMMCore
import Testing

@testable import MMMEngine

@Suite("Baseline decomposition recovers known components")
struct BaselineSyntheticTests {
    /// Deterministic noise in [−1, 1) (a 64-bit LCG; no global random state).
    static func noise(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 52) - 1
        }
    }

    struct Series {
        var dates: [CalendarDate]
        var trend: [Double]
        var season: [Double]
        var weekday: [Double]
        var y: [Double]
    }

    /// Three years of daily data: a trend whose slope changes on a changepoint row, yearly and weekly patterns.
    static func daily() throws -> Series {
        let start = try #require(CalendarDate(year: 2019, month: 1, day: 1))
        let n = 1096
        let dates = (0..<n).map { start.adding(days: $0) }
        // Prophet's changepoint grid for 1096 rows has one every 35 rows; row 595 is on it.
        let trend = (0..<n).map { i -> Double in
            let base = 1000 + 0.5 * Double(i)
            return i > 595 ? base - 0.7 * Double(i - 595) : base
        }
        let season = dates.map { d -> Double in
            let x = 2 * Double.pi * Double(d.daysSinceEpoch) / 365.25
            return 120 * sin(x) + 40 * cos(2 * x)
        }
        let weeklyPattern: [Double] = [-6, -4, -2, 0, 4, 14, -6]  // Monday … Sunday, mean 0
        let weekday = dates.map { weeklyPattern[$0.isoWeekday - 1] }
        let noise = Self.noise(n, seed: 42).map { 5 * $0 }
        let y = (0..<n).map { i -> Double in trend[i] + season[i] + weekday[i] + noise[i] }
        return Series(dates: dates, trend: trend, season: season, weekday: weekday, y: y)
    }

    @Test func dailyTrendSeasonAndWeekdayAreRecovered() throws {
        let series = try Self.daily()
        let fit = try BaselineDecomposition.fit(
            dates: series.dates, y: series.y, cadence: .daily, terms: [.trend, .season, .weekday])
        let trend = try #require(fit["trend"]), season = try #require(fit["season"])
        let weekday = try #require(fit["weekday"])
        func maxError(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { abs($0 - $1) }.max() ?? .infinity }
        // Noise is ±5 around a series spanning ~800; measured max errors 1.5, 1.3 and 0.5.
        #expect(maxError(trend, series.trend) < 3)
        #expect(maxError(season, series.season) < 3)
        #expect(maxError(weekday, series.weekday) < 1)
        #expect(BaselineTestData.correlation(trend, series.trend) > 0.9999)
        #expect(BaselineTestData.correlation(season, series.season) > 0.9999)
        #expect(fit.diagnostics.rSquared > 0.99)
        // The slope change is found on the right changepoint; the noise moves a little of it to neighbours
        // (measured −0.60 there and −0.71 in total) and the Laplace prior keeps most others at exactly 0.
        let changes = fit.diagnostics.changepointRateChanges
        let largest = try #require(changes.indices.max { abs(changes[$0]) < abs(changes[$1]) })
        #expect(fit.diagnostics.changepoints[largest] == series.dates[595])
        #expect(abs(changes[largest] + 0.7) < 0.15)
        #expect(abs(changes.reduce(0, +) + 0.7) < 0.05)
        #expect(changes.filter { $0 == 0 }.count >= 12)
    }

    @Test func noiseScaleIsTheMAPRootOfItsEquation() throws {
        let series = try Self.daily()
        let fit = try BaselineDecomposition.fit(
            dates: series.dates, y: series.y, cadence: .daily, terms: [.trend, .season, .weekday])
        // In scaled units σ solves σ⁴/0.25 + n·σ² = RSS (the stationary point of Prophet's posterior in σ).
        let scale = fit.diagnostics.yScale
        let sigma = fit.diagnostics.noiseScale / scale
        let rss = zip(series.y, fit.fitted).reduce(0) { $0 + pow(($1.0 - $1.1) / scale, 2) }
        let n = Double(series.y.count)
        #expect(abs(pow(sigma, 4) / 0.25 + n * sigma * sigma - rss) <= 1e-9 * rss)
        // With uniform noise of half-width 5 the residual sd is about 5/√3.
        #expect(abs(fit.diagnostics.noiseScale - 5 / 3.0.squareRoot()) < 0.2)
    }

    @Test func weeklySineSeasonIsRecovered() throws {
        let start = try #require(CalendarDate(year: 2016, month: 1, day: 4))
        let dates = (0..<208).map { start.adding(days: 7 * $0) }
        let season = dates.map { 300 * sin(2 * Double.pi * Double($0.daysSinceEpoch) / 365.25) }
        let trend = (0..<208).map { 5000 + 3 * Double($0) }
        let noise = Self.noise(208, seed: 7).map { 10 * $0 }
        let y = (0..<208).map { i -> Double in trend[i] + season[i] + noise[i] }
        let fit = try BaselineDecomposition.fit(dates: dates, y: y, cadence: .weekly, terms: [.trend, .season])
        let ourSeason = try #require(fit["season"]), ourTrend = try #require(fit["trend"])
        #expect(BaselineTestData.correlation(ourSeason, season) > 0.999)
        // Noise ±10; measured max errors 3.6 and 3.7.
        #expect(zip(ourSeason, season).map { abs($0 - $1) }.max() ?? .infinity < 8)
        #expect(zip(ourTrend, trend).map { abs($0 - $1) }.max() ?? .infinity < 8)
    }

    @Test func onlyRequestedTermsAreOutputButTheModelIsTheSame() throws {
        let series = try Self.daily()
        let all = try BaselineDecomposition.fit(
            dates: series.dates, y: series.y, cadence: .daily, terms: [.trend, .season, .weekday])
        let seasonOnly = try BaselineDecomposition.fit(
            dates: series.dates, y: series.y, cadence: .daily, terms: [.season, .weekday, .season])
        #expect(seasonOnly.columnNames == ["season", "weekday"])
        #expect(seasonOnly["season"] == all["season"])
        #expect(seasonOnly.fitted == all.fitted)
    }

    @Test func monthlyTermIsAddedOnRequest() throws {
        let series = try Self.daily()
        let fit = try BaselineDecomposition.fit(
            dates: series.dates, y: series.y, cadence: .daily, terms: [.monthly, .trend])
        #expect(fit.columnNames == ["monthly", "trend"])
        // No monthly pattern was put in: the component stays near the noise level (measured max 2.9) although
        // the yearly swing of ±120 is left unmodelled.
        let monthly = try #require(fit["monthly"])
        #expect(monthly.map(abs).max() ?? .infinity < 8)
    }
}
