import MMMEngine
import Testing

/// Reproduces robyn_demo_model.json from the demo `dt_mod` with its fixed hyperparameters (both fits).
@Suite("Robyn demo model")
struct DemoModelTests {
    /// (JSON key, train_size, ts_validation)
    static let fits: [(String, Double, Bool)] = [("fit_ts_validation_false", 1, false), ("fit_train_size_0.7", 0.7, true)]

    /// The default solver replays glmnet's coordinate descent, so coefficients match Robyn's far below its 1e-7 thresh.
    static let coefficientTolerance = 1e-9

    @Test("lambda range and spend shares")
    func constants() throws {
        let model = try Fixtures.demoModel()
        let evaluator = try DemoModel.evaluator(tsValidation: false)
        #expect(Tolerance.close(evaluator.lambdaRange.sequenceMax, model["lambda_seq_max"].double))
        #expect(Tolerance.close(evaluator.lambdaRange.lambdaMax, model["lambda_max"].double))
        #expect(Tolerance.close(evaluator.lambdaRange.lambdaMin, model["lambda_min"].double))
        let result = try evaluator.evaluate(
            DemoModel.hyperparameters(trainSize: 1), in: EvaluationWorkspace(for: evaluator))
        #expect(Tolerance.close(result.lambda, model["lambda"].double))
        for outcome in result.media where outcome.spendName != nil {
            let spendName = try #require(outcome.spendName)
            #expect(Tolerance.close(outcome.totalSpend ?? .nan, model["total_spend"][spendName].double))
            #expect(Tolerance.close(outcome.meanSpend ?? .nan, model["mean_spend"][spendName].double))
            #expect(Tolerance.close(outcome.spendShare ?? .nan, model["spend_share"][spendName].double))
        }
    }

    @Test("coefficients, metrics and bounds", arguments: fits.map(\.0))
    func coefficientsAndMetrics(key: String) throws {
        let (result, expected) = try Self.evaluate(key)
        let names = expected["coefs_names"].array.compactMap(\.string)
        let coefs = names.compactMap { result.coefficient(named: $0) }
        #expect(coefs.count == names.count)
        #expect(Tolerance.firstMismatch(coefs, expected["coefs"].doubles, rel: Self.coefficientTolerance) == nil)
        #expect(result.regressorNames == expected["x_window_colnames"].array.compactMap(\.string))
        #expect(result.lowerLimits == expected["lower_limits"].array.map { $0.isNull ? -.infinity : $0.double })
        #expect(result.upperLimits == expected["upper_limits"].array.map { $0.isNull ? .infinity : $0.double })
        #expect(result.dfInt == expected["df_int"].int)
        let metrics = result.metrics
        let pairs: [(Double?, String)] = [
            (metrics.rsqTrain, "rsq_train"), (metrics.rsqVal, "rsq_val"), (metrics.rsqTest, "rsq_test"),
            (metrics.nrmseTrain, "nrmse_train"), (metrics.nrmseVal, "nrmse_val"), (metrics.nrmseTest, "nrmse_test"),
            (metrics.nrmse, "nrmse_objective"), (metrics.decompRSSD, "decomp_rssd"),
            (metrics.decompRSSDWithoutPenalty, "decomp_rssd_no_penalty"), (metrics.shareZeroEffect, "share_0eff"),
        ]
        for (actual, field) in pairs {
            #expect(Tolerance.close(actual ?? .nan, expected[field].double, rel: 1e-9), "\(field)")
        }
        if result.split.hasValidation {
            #expect(Double(result.split.trainEnd) == expected["train_size_index"].double)
            #expect(Double(result.split.validationEnd) == expected["val_size_index"].double)
        }
        #expect(Tolerance.firstMismatch(result.yPred, expected["y_pred"].doubles, rel: 1e-10) == nil)
    }

    @Test("inflexions, inflations and response metrics", arguments: fits.map(\.0))
    func mediaFields(key: String) throws {
        let (result, expected) = try Self.evaluate(key)
        for outcome in result.media {
            // Transformation-only quantities do not depend on the solver: tight.
            #expect(Tolerance.close(outcome.inflexion, expected["inflexions"]["\(outcome.name)_inflexion"].double))
            #expect(Tolerance.close(outcome.inflation, expected["inflations"]["\(outcome.name)_inflation"].double))
            let response = expected["response"][outcome.name]
            #expect(Tolerance.close(outcome.meanSpendAdstocked, response["mean_spend_adstocked"].double))
            #expect(Tolerance.close(outcome.meanCarryover, response["mean_carryover"].double))
            #expect(Tolerance.close(outcome.inflexion, response["inflexion"].double))
            #expect(Tolerance.close(outcome.carryoverPct, response["carryover_pct"].double, rel: 1e-9))
            let tol = Self.coefficientTolerance
            #expect(Tolerance.close(outcome.meanResponse, response["mean_response"].double, rel: tol))
            #expect(Tolerance.close(outcome.responseTotalSum, response["response_total_sum"].double, rel: tol))
            #expect(Tolerance.close(outcome.responseCarryoverSum, response["response_carryover_sum"].double, rel: tol))
            if outcome.spendName != nil {
                #expect(Tolerance.close(outcome.effectShare ?? .nan, expected["paid_effect_share"][outcome.name].double, rel: tol))
                #expect(Tolerance.close(outcome.spendShare ?? .nan, expected["paid_spend_share"][outcome.name].double))
                #expect(Tolerance.close(outcome.roiTotal ?? .nan, expected["roi_total"][outcome.name].double, rel: tol))
            } else {
                #expect(outcome.roiTotal == nil && outcome.effectShare == nil)
            }
        }
    }

    @Test("xDecompAgg table and decomposition vectors", arguments: fits.map(\.0))
    func decomposition(key: String) throws {
        let (result, expected) = try Self.evaluate(key)
        let table = expected["xDecompAgg"]
        #expect(result.decomposition.map(\.name) == table["rn"].array.compactMap(\.string))
        let tol = Self.coefficientTolerance
        let columns: [(KeyPath<VariableDecomposition, Double>, String)] = [
            (\.coefficient, "coef"), (\.xDecompAgg, "xDecompAgg"), (\.xDecompPerc, "xDecompPerc"),
            (\.xDecompMeanNon0, "xDecompMeanNon0"), (\.xDecompMeanNon0Perc, "xDecompMeanNon0Perc"),
        ]
        for (path, field) in columns {
            let mismatch = Tolerance.firstMismatch(result.decomposition.map { $0[keyPath: path] }, table[field].doubles, rel: tol)
            #expect(mismatch == nil, "\(field): \(mismatch ?? "")")
        }
        #expect(result.decomposition.map(\.positive) == table["pos"].array.compactMap(\.bool))
        #expect(result.allPositive)
        // Per-row contributions reproduce the stored vectors: spot-check against xDecompAgg sums.
        let vectors = expected["decomp_vectors"]
        for row in result.decomposition.dropFirst() {
            let sum = vectors[row.name].doubles.reduce(0, +)
            #expect(Tolerance.close(row.xDecompAgg, sum, rel: tol, abs: 1e-6), "\(row.name)")
        }
    }

    static func evaluate(_ key: String) throws -> (CandidateResult, JSONValue) {
        let fit = try #require(fits.first { $0.0 == key })
        let evaluator = try DemoModel.evaluator(tsValidation: fit.2)
        let result = try evaluator.evaluate(
            DemoModel.hyperparameters(trainSize: fit.1), in: EvaluationWorkspace(for: evaluator))
        return (result, try Fixtures.demoModel()[key])
    }
}
