import Foundation
import MMMQueue
import Testing

/// The estimate's arithmetic, checked against hand computation.
struct CostEstimateTests {
    private let throughput = EngineThroughput(candidatesPerCoreSecond: 1_000, rows: 100, source: "test")
    private let prices = CloudRunPrices(vcpuSecond: 0.00002, gibSecond: 0.000003, label: "test", asOf: "t", source: "t")

    @Test func cloudRunCostAndWallTime() {
        let inputs = CostEstimate.Inputs(
            iterations: 1_000, trials: 4, variants: 7, rows: 200, backend: "cloudrun", cpu: 8, memoryGiB: 4, parallel: 3,
            overheadSeconds: 10, parallelEfficiency: 0.5)
        let estimate = CostEstimate(inputs, throughput: throughput, prices: prices)
        // 4,000 candidates; 500 candidates/core-s at 200 rows; 4 trials → 4 cores used at 50 % → 1,000 candidates/s.
        #expect(estimate.candidatesPerVariant == 4_000)
        #expect(abs(estimate.searchSeconds - 4) < 1e-12)
        #expect(abs(estimate.secondsPerVariant - 14) < 1e-12)
        #expect(abs(estimate.costPerVariant - 14 * (8 * 0.00002 + 4 * 0.000003)) < 1e-15)
        #expect(abs(estimate.totalCost - 7 * 14 * (8 * 0.00002 + 4 * 0.000003)) < 1e-14)
        #expect(abs(estimate.vcpuSeconds - 7 * 14 * 8) < 1e-9 && abs(estimate.gibSeconds - 7 * 14 * 4) < 1e-9)
        #expect(abs(estimate.wallSeconds - 3 * 14) < 1e-12, "7 variants, 3 at a time: 3 waves")
        #expect(estimate.text.contains("per variant: search 4.0 s + overhead 10 s = 14 s, $0.00241"))
        #expect(estimate.text.contains("$0.017; wall 42 s with 3 at a time"))
    }

    @Test func localRunsCostNothingAndUseOneCorePerTrial() {
        let inputs = CostEstimate.Inputs(
            iterations: 500, trials: 1, variants: 2, rows: 100, backend: "local", cpu: 16, memoryGiB: 8, parallel: 1,
            overheadSeconds: 1)
        let estimate = CostEstimate(inputs, throughput: throughput, prices: prices)
        #expect(estimate.prices == nil && estimate.totalCost == 0)
        #expect(abs(estimate.searchSeconds - 0.5) < 1e-12, "one trial: one core, no efficiency loss")
        #expect(abs(estimate.wallSeconds - 3) < 1e-12)
        #expect(estimate.text.contains("(local: no charge)"))
    }

    @Test func storedFiguresAndPrices() {
        #expect(EngineThroughput.nativeStored.perCoreSecond(atRows: 416) == 6_750)
        // Robyn's stored figure gives back the previous system's 12 minutes for 2,000 × 5 at 8 vCPU.
        let robyn = CostEstimate(
            CostEstimate.Inputs(iterations: 2_000, trials: 5, variants: 1, rows: 150, backend: "cloudrun", cpu: 8, memoryGiB: 32,
                                parallel: 1, overheadSeconds: 0),
            throughput: .robynStored)
        #expect(abs(robyn.searchSeconds - 720) < 1e-9)
        #expect(CloudRunPrices.tier1Jobs.vcpuSecond == 0.000018 && CloudRunPrices.tier1Jobs.gibSecond == 0.000002)
    }
}
