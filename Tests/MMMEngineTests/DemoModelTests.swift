import MMMCore
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
    }

    @Test("per-row decomposition vectors (xDecompVec)", arguments: fits.map(\.0))
    func decompositionVectors(key: String) throws {
        let fit = try #require(Self.fits.first { $0.0 == key })
        let evaluator = try DemoModel.evaluator(tsValidation: fit.2)
        let details = try evaluator.evaluateWithDetails(
            DemoModel.hyperparameters(trainSize: fit.1), in: EvaluationWorkspace(for: evaluator))
        let vectors = try Fixtures.demoModel()[key]["decomp_vectors"]
        #expect(Tolerance.firstMismatch(details.actual, vectors["y"].doubles) == nil)
        #expect(Tolerance.firstMismatch(details.result.yPred, vectors["y_pred"].doubles, rel: 1e-10) == nil)
        #expect(Tolerance.firstMismatch(details.fitted, vectors["y_pred"].doubles, rel: 1e-10) == nil)
        for series in details.decomposition {
            let name = series.name == "(Intercept)" ? "intercept" : series.name
            let mismatch = Tolerance.firstMismatch(series.values, vectors[name].doubles, rel: 1e-9, abs: 1e-6)
            #expect(mismatch == nil, "\(name): \(mismatch ?? "")")
        }
        // Immediate + carryover decomposition add up to the media contribution.
        for media in details.media {
            let total = try #require(details.decomposition.first { $0.name == media.name }).values
            let parts = zip(media.immediateDecomposition, media.carryoverDecomposition).map { $0 + $1 }
            #expect(Tolerance.firstMismatch(parts, total, rel: 1e-12, abs: 1e-6) == nil)
        }
    }

    @Test("exact solver: within glmnet's early-stop distance of Robyn, KKT-optimal", arguments: fits.map(\.0))
    func exactSolver(key: String) throws {
        let fit = try #require(Self.fits.first { $0.0 == key })
        let evaluator = try CandidateEvaluator(
            design: DemoModel.design(),
            settings: ModelSettings(adstock: .geometric, tsValidation: fit.2, ridgeSolver: .exact))
        let details = try evaluator.evaluateWithDetails(
            DemoModel.hyperparameters(trainSize: fit.1), in: EvaluationWorkspace(for: evaluator))
        let result = details.result
        let expected = try Fixtures.demoModel()[key]
        let coefs = [result.intercept] + result.coefficients
        // glmnet (thresh 1e-7) is up to 2.4e-5 relative from the optimum on the train_size 0.7 fit.
        #expect(Tolerance.firstMismatch(coefs, expected["coefs"].doubles, rel: 3e-5) == nil)
        // KKT of the original-scale objective on the training rows.
        let train = result.split.train
        let columns = result.regressorNames.indices.map { j in
            let media = details.media.first { $0.name == result.regressorNames[j] }
            let column = media?.saturatedTotal ?? Array(evaluator.design.regressors[j].values[evaluator.design.window])
            return Array(column[train])
        }
        let y = Array(details.actual[train])
        let objective = RidgeObjective(columns: columns, y: y, lambda: result.lambda, intercept: true)
        let gradient = objective.gradient(intercept: result.intercept, coefficients: result.coefficients)
        let sy = RidgeObjective.populationSD(y)
        for j in columns.indices {
            let s = RidgeObjective.populationSD(columns[j])
            guard s > 0 else {
                #expect(result.coefficients[j] == 0)
                continue
            }
            let g = gradient[j] / (s * sy)
            let b = result.coefficients[j]
            if b == result.lowerLimits[j] {
                #expect(g >= -1e-9, "\(result.regressorNames[j]) at lower bound")
            } else if b == result.upperLimits[j] {
                #expect(g <= 1e-9, "\(result.regressorNames[j]) at upper bound")
            } else {
                #expect(Swift.abs(g) <= 1e-9, "\(result.regressorNames[j]) free")
            }
        }
    }

    @Test("allocator response curve from a fitted model equals coef·Hill(x + c̄) with the stored inflexion")
    func responseCurve() throws {
        let (result, _) = try Self.evaluate("fit_ts_validation_false")
        for (slot, outcome) in result.media.enumerated() {
            let curve = try #require(result.responseCurve(forMedia: outcome.name))
            let alpha = result.hyperparameters.media[slot].alpha
            let spend = outcome.meanSpend ?? outcome.meanSpendAdstocked
            let hill = HillSaturation.saturate([spend + outcome.meanCarryover], alpha: alpha, inflexion: outcome.inflexion)
            #expect(Tolerance.close(curve.response(at: spend), outcome.coefficient * hill[0], rel: 1e-12))
            // The analytic gradient agrees with a central difference.
            let h = spend * 1e-5 + 1e-3
            let numeric = (curve.response(at: spend + h) - curve.response(at: spend - h)) / (2 * h)
            #expect(Tolerance.close(curve.gradient(at: spend), numeric, rel: 1e-6))
        }
        #expect(result.responseCurve(forMedia: "nope") == nil)
    }

    static func evaluate(_ key: String) throws -> (CandidateResult, JSONValue) {
        let fit = try #require(fits.first { $0.0 == key })
        let evaluator = try DemoModel.evaluator(tsValidation: fit.2)
        let result = try evaluator.evaluate(
            DemoModel.hyperparameters(trainSize: fit.1), in: EvaluationWorkspace(for: evaluator))
        return (result, try Fixtures.demoModel()[key])
    }
}
