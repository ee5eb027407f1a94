@testable import MMMBayes
import Testing

/// Stan's warm-up schedule: a 75-iteration fast buffer, slow windows of 25, 50, 100, 200 and 500 (the last one
/// stretched to the terminal buffer), then a 50-iteration fast buffer; short warm-ups use 15 % / 75 % / 10 %.
struct AdaptationScheduleTests {
    func updates(warmup: Int) -> (iterations: [Int], metric: [Double]) {
        var options = NUTSOptions()
        options.warmup = warmup
        var adaptation = MetricAdaptation(options: options, dimension: 1)
        var metric = [1.0]
        var iterations = [Int]()
        for i in 0..<warmup where adaptation.learn(&metric, q: [Double(i % 7)]) { iterations.append(i) }
        return (iterations, metric)
    }

    @Test func defaultWindows() {
        #expect(updates(warmup: 1000).iterations == [99, 149, 249, 449, 949])
    }

    @Test func shortWarmupScalesTheBuffers() {
        // 100 < 75 + 25 + 50: init 15, term 10, one slow window of 75.
        #expect(updates(warmup: 100).iterations == [89])
        #expect(updates(warmup: 19).iterations.isEmpty)
    }

    @Test func metricIsTheRegularisedWindowVariance() {
        // The last window (iterations 450…949, 500 draws of i mod 7) has variance ≈ 4; Stan shrinks it toward 1e-3.
        let values = (450...949).map { Double($0 % 7) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        let expected = (500.0 / 505) * variance + 1e-3 * (5.0 / 505)
        #expect(abs(updates(warmup: 1000).metric[0] - expected) < 1e-12)
    }
}
