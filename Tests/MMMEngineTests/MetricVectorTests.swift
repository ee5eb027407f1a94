import MMMEngine
import Testing

/// NRMSE, the train/val/test split, adjusted R² and DECOMP.RSSD against Robyn's vectors.
@Suite("Robyn metric vectors")
struct MetricVectorTests {
    @Test("nrmse")
    func nrmse() throws {
        let item = try Fixtures.transformCase("nrmse_full")
        let value = FitMetrics.nrmse(actual: item["input"]["y"].doubles, predicted: item["input"]["y_pred"].doubles)
        #expect(Tolerance.close(value, item["expected"]["nrmse"].double))
    }

    @Test("ts_split with the floating-point flooring quirk", arguments: Fixtures.caseNames(fn: "ts_split"))
    func tsSplit(name: String) throws {
        let item = try Fixtures.transformCase(name)
        let expected = item["expected"]
        let y = item["input"]["y"].doubles
        let yHat = item["input"]["y_pred"].doubles
        let split = TimeSeriesSplit(count: try #require(item["params"]["n"].int), trainSize: item["params"]["train_size"].double)
        #expect(Double(split.trainEnd) == expected["train_size_index"].double)
        #expect(Double(split.validationEnd) == expected["val_size_index"].double)
        // 1-based expected indices vs 0-based ranges.
        #expect(split.train.map { Double($0 + 1) } == expected["train_idx_1based"].doubles)
        #expect(split.validation.map { Double($0 + 1) } == expected["val_idx_1based"].doubles)
        #expect(split.test.map { Double($0 + 1) } == expected["test_idx_1based"].doubles)
        func part(_ rows: Range<Int>) -> Double {
            FitMetrics.nrmse(actual: Array(y[rows]), predicted: Array(yHat[rows]))
        }
        // The vector file writes R's non-finite results as null: a 1-row split has range 0, so R gives
        // |e|/0 = Inf (or 0/0 = NaN for an exact prediction).
        for (rows, key) in [(split.train, "nrmse_train"), (split.validation, "nrmse_val"), (split.test, "nrmse_test")] {
            let value = part(rows)
            if expected[key].isNull {
                #expect(!value.isFinite, "\(key)")
                #expect(rows.count == 1, "\(key)")
            } else {
                #expect(Tolerance.close(value, expected[key].double), "\(key)")
            }
        }
    }

    @Test("get_rsq adjusted, including the n_train out-of-sample quirk", arguments: Fixtures.caseNames(fn: "get_rsq"))
    func rsq(name: String) throws {
        let item = try Fixtures.transformCase(name)
        let expected = item["expected"]
        let y = item["input"]["y"].doubles
        let yHat = item["input"]["y_pred"].doubles
        let p = try #require(item["params"]["p"].int)
        let dfInt = try #require(item["params"]["df.int"].int)
        #expect(Tolerance.close(FitMetrics.rSquared(actual: y, predicted: yHat), expected["rsq_raw"].double))
        #expect(
            Tolerance.close(
                FitMetrics.adjustedRSquared(actual: y, predicted: yHat, parameterCount: p, dfInt: dfInt),
                expected["rsq_adj"].double))
        // Out of sample: rows 15…20 scored with n = n_train = 14.
        let oosY = Array(y[14...])
        let oosHat = Array(yHat[14...])
        #expect(Tolerance.close(FitMetrics.rSquared(actual: oosY, predicted: oosHat), expected["rsq_raw_oos"].double))
        #expect(
            Tolerance.close(
                FitMetrics.adjustedRSquared(
                    actual: oosY, predicted: oosHat, parameterCount: p, dfInt: dfInt, trainCount: 14),
                expected["rsq_adj_oos_ntrain_14"].double))
    }

    @Test("decomp_rssd with and without the zero-effect penalty", arguments: Fixtures.caseNames(fn: "decomp_rssd"))
    func decompRSSD(name: String) throws {
        let item = try Fixtures.transformCase(name)
        let expected = item["expected"]
        let effects = item["input"]["xDecompAgg_paid"].doubles
        let spends = item["input"]["total_spend_paid"].doubles
        let penalised = DecompRSSD(effects: effects, spends: spends, zeroPenalty: true)
        let plain = DecompRSSD(effects: effects, spends: spends, zeroPenalty: false)
        #expect(Tolerance.firstMismatch(penalised.effectShare, expected["effect_share"].doubles) == nil)
        #expect(Tolerance.firstMismatch(penalised.spendShare, expected["spend_share"].doubles) == nil)
        #expect(Tolerance.close(penalised.shareZeroEffect, expected["share_0eff"].double))
        #expect(Tolerance.close(penalised.value, expected["decomp_rssd_with_zero_penalty"].double))
        #expect(Tolerance.close(plain.value, expected["decomp_rssd_no_penalty"].double))
        #expect(Tolerance.close(penalised.withoutPenalty, expected["decomp_rssd_no_penalty"].double))
    }

    @Test("all paid effects zero gives DECOMP.RSSD = Inf and zero effect shares")
    func allZeroEffects() {
        let result = DecompRSSD(effects: [0, 0, 0], spends: [1, 2, 3])
        #expect(result.value == .infinity)
        #expect(result.effectShare == [0, 0, 0])
    }
}
