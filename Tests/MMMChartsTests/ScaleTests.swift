import Foundation
import MMMTestSupport
import Testing

@testable import MMMCharts

@Suite struct ScaleTests {
    /// Hand-worked Heckbert cases: loose labels with steps of 1, 2 or 5 × 10ⁿ.
    @Test func heckbertKnownCases() {
        #expect(NiceTicks(min: 0, max: 100, targetCount: 5).values == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks(min: 0.13, max: 0.87, targetCount: 5).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks(min: -3, max: 7, targetCount: 5).values == [-4, -2, 0, 2, 4, 6, 8])
        // All-equal data is widened by 10%: 4.5...5.5 → 0.2 steps from 4.4 to 5.6.
        let equal = NiceTicks(min: 5, max: 5, targetCount: 5)
        #expect(equal.values.first == 4.4 && equal.values.last == 5.6 && equal.step == 0.2)
        #expect(NiceTicks(min: 0, max: 0, targetCount: 5, includeZero: true).values.first == 0)
        #expect(NiceTicks(min: .nan, max: .infinity).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func ticksCoverTheDataWithNiceEvenSteps() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let a = (random.uniform(0...1) - 0.5) * pow(10, (random.uniform(0...1) * 12).rounded() - 4)
            let b = a + random.uniform(0...1) * pow(10, (random.uniform(0...1) * 12).rounded() - 4)
            let target = 2 + Int(random.uniform(0...1) * 9)
            let ticks = NiceTicks(min: a, max: b, targetCount: target)
            #expect(ticks.lower <= a && ticks.upper >= b)
            #expect(ticks.values.first == ticks.lower && ticks.values.count >= 2 && ticks.values.count <= 2 * target + 2)
            let mantissa = ticks.step / pow(10, log10(ticks.step).rounded(.down))
            #expect([1.0, 2, 5, 10].contains { abs($0 - mantissa) < 1e-9 })
            for (p, q) in zip(ticks.values, ticks.values.dropFirst()) {
                #expect(abs((q - p) - ticks.step) <= ticks.step * 1e-9 + abs(q) * 1e-12)
            }
        }
    }

    @Test func fixedDomainKeepsItsEnds() {
        let ticks = NiceTicks(fixed: 0...1, targetCount: 6)
        #expect(ticks.lower == 0 && ticks.upper == 1)
        #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let odd = NiceTicks(fixed: 0.05...0.95, targetCount: 5)
        #expect(odd.lower == 0.05 && odd.values.allSatisfy { $0 >= 0.05 && $0 <= 0.95 })
    }

    @Test func linearScaleMapsEndsAndHandlesZeroWidth() {
        let y = LinearScale(domain: (0, 10), range: (300, 100))
        #expect(y(0) == 300 && y(10) == 100 && y(5) == 200)
        #expect(LinearScale(domain: (3, 3), range: (0, 100))(3) == 50)
    }

    /// Day numbers checked against Python: (date(2024,2,29) - date(1970,1,1)).days == 19782.
    @Test func chartDatesMatchThePythonCalendar() throws {
        #expect(ChartDate(year: 2024, month: 2, day: 29)?.daysSinceEpoch == 19782)
        #expect(ChartDate(year: 2022, month: 1, day: 3)?.daysSinceEpoch == 18995)
        #expect(ChartDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(ChartDate(year: 2023, month: 2, day: 29) == nil)
        #expect(ChartDate(year: 2023, month: 13, day: 1) == nil)
        #expect(ChartDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(ChartDate(iso: "2024-2-29") == nil)
        #expect(ChartDate(daysSinceEpoch: 19782).components == (2024, 2, 29))
    }

    @Test func dateTicksPickCalendarUnitsThatFit() throws {
        let start = try #require(ChartDate(year: 2022, month: 1, day: 3))
        let twoYears = DateTicks(from: start, to: start.adding(days: 7 * 103), width: 600)
        #expect(twoYears.dates.allSatisfy { $0.components.day == 1 })
        #expect(twoYears.labels.first == "Apr 2022" || twoYears.labels.first == "Feb 2022" || twoYears.labels.first == "Jul 2022")
        let widths = twoYears.labels.map { TextMetrics.width($0, fontSize: 11) + 14 }.reduce(0, +)
        #expect(widths <= 600)
        let tenDays = DateTicks(from: start, to: start.adding(days: 9), width: 900)
        #expect(tenDays.labels.first == "2022-01-03" && tenDays.dates.count >= 5)
        // Weekly ticks fall on Mondays (1970-01-05 was a Monday).
        let weeks = DateTicks(from: start, to: start.adding(days: 60), width: 500)
        #expect(weeks.dates.allSatisfy { ($0.daysSinceEpoch - 4) % 7 == 0 })
        let decades = try DateTicks(from: #require(ChartDate(year: 1990, month: 5, day: 1)),
            to: #require(ChartDate(year: 2024, month: 1, day: 1)), width: 300)
        #expect(decades.labels.allSatisfy { Int($0).map { $0 % 5 == 0 } ?? false })
    }
}
