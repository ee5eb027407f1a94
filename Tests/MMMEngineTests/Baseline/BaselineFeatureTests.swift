import Foundation
import MMMCore
import Testing

@testable import MMMEngine

@Suite("Fourier features and changepoint placement")
struct BaselineFeatureTests {
    @Test func fourierColumnsAreSinCosPairsInProphetOrder() {
        let days: [Double] = [0, 365.25 / 4, 365.25 / 2, 365.25, 1000]
        let columns = BaselineFourier.columns(days: days, period: 365.25, order: 10)
        #expect(columns.count == 20)
        #expect(columns.allSatisfy { $0.count == days.count })
        // sin 1 and cos 1 at a quarter period.
        #expect(abs(columns[0][1] - 1) < 1e-15)
        #expect(abs(columns[1][1]) < 1e-15)
        // sin 2 and cos 2 at a quarter period: sin(π) = 0, cos(π) = −1.
        #expect(abs(columns[2][1]) < 1e-15)
        #expect(abs(columns[3][1] + 1) < 1e-15)
        // t = 0: every sin is 0, every cos is 1.
        for i in 0..<10 {
            #expect(columns[2 * i][0] == 0)
            #expect(columns[2 * i + 1][0] == 1)
        }
        // Order i at day 1000 is sin(2·i·π·1000/365.25).
        for i in 1...10 {
            #expect(abs(columns[2 * i - 2][4] - sin(2 * Double(i) * .pi * 1000 / 365.25)) < 1e-12)
        }
    }

    @Test func weeklyFeaturesRepeatEverySevenDays() {
        let days = (0..<21).map { Double(18_000 + $0) }
        let columns = BaselineFourier.columns(days: days, period: 7, order: 3)
        #expect(columns.count == 6)
        for column in columns {
            for i in 0..<14 { #expect(abs(column[i] - column[i + 7]) < 1e-9) }
        }
    }

    @Test func demoChangepointsAreProphets() {
        let rows = BaselineChangepoints.rowIndices(rowCount: 208, count: 25, range: 0.8)
        #expect(rows.count == 25)
        // round(seq(1, 166, length.out = 26))[-1] − 1.
        let expected = (1...25).map { Int((1 + Double($0) * 6.6).rounded(.toNearestOrEven)) - 1 }
        #expect(rows == expected)
        #expect(rows.first == 7)
        #expect(rows.last == 165)
    }

    @Test func shortHistoriesGetFewerChangepoints() {
        // hist = floor(10 × 0.8) = 8 → 7 changepoints at rows 2…8 (1-based).
        #expect(BaselineChangepoints.rowIndices(rowCount: 10, count: 25, range: 0.8) == [1, 2, 3, 4, 5, 6, 7])
        #expect(BaselineChangepoints.rowIndices(rowCount: 2, count: 25, range: 0.8).isEmpty)
        #expect(BaselineChangepoints.rowIndices(rowCount: 100, count: 0, range: 0.8).isEmpty)
    }

    @Test func changepointIndicesRoundHalfToEvenLikeR() {
        // hist = floor(9 × 0.8) = 7, 4 changepoints: seq(1, 7, length.out = 5) = 1, 2.5, 4, 5.5, 7;
        // R's round gives 2, 4, 6, 7 (half-up would give 3, 4, 6, 7).
        #expect(BaselineChangepoints.rowIndices(rowCount: 9, count: 4, range: 0.8) == [1, 3, 5, 6])
    }

    /// Reference minimisers from an independent numpy coordinate descent run for 200,000 sweeps.
    @Test("lasso block is solved exactly", arguments: [
        (0.3, [-160.03793142, 474.06666441, -494.80362896, 188.89950897]),
        (1.0, [-14.21595491, 38.40873119, -26.40176243, 0]),
        (1.5, [0, 0.21245034, 0, 0]),
    ])
    func lassoIsSolvedExactly(mu: Double, expected: [Double]) {
        // Q = HᵀH for four neighbouring hinge columns (t − s)₊: positive definite and strongly correlated.
        let t = (0..<40).map { Double($0) / 39 }
        let hinges = [0.2, 0.3, 0.4, 0.5].map { s in t.map { max($0 - s, 0) } }
        var q = [Double](repeating: 0, count: 16)
        for i in 0..<4 {
            for j in 0..<4 { q[i * 4 + j] = zip(hinges[i], hinges[j]).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        let b: [Double] = [1, 2.5, -0.3, 0.8]
        let delta = BaselineLasso.solve(q: q, b: b, mu: Array(repeating: mu, count: 4), start: [0, 0, 0, 0], tolerance: 1e-14, maxSweeps: 100_000)
        for i in 0..<4 {
            #expect(abs(delta[i] - expected[i]) <= 1e-6 * max(1, abs(expected[i])))
            #expect((delta[i] == 0) == (expected[i] == 0))
            // Optimality: |gradient| ≤ μ where δ = 0, gradient = −μ·sign(δ) elsewhere.
            var gradient = -b[i]
            for j in 0..<4 { gradient += q[i * 4 + j] * delta[j] }
            if delta[i] == 0 {
                #expect(abs(gradient) <= mu + 1e-9)
            } else {
                #expect(abs(gradient + mu * (delta[i] > 0 ? 1 : -1)) < 1e-9)
            }
        }
    }
}
