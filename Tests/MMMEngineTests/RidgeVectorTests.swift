import MMMEngine
import Testing

/// `lambda_seq` and glmnet ridge fits (bounded, unbounded, closed form, intercept drop) against Robyn's vectors.
@Suite("glmnet ridge vectors")
struct RidgeVectorTests {
    struct Case {
        let columns: [[Double]]
        let y: [Double]
        let lower: [Double]
        let upper: [Double]
        let expected: JSONValue
    }

    static func load() throws -> Case {
        let item = try Fixtures.transformCase("lambda_seq_and_glmnet_ridge")
        let params = item["params"]
        // null = unbounded.
        let lower = params["lower_limits"].array.map { $0.isNull ? -Double.infinity : $0.double }
        let upper = params["upper_limits"].array.map { $0.isNull ? Double.infinity : $0.double }
        return Case(
            columns: item["input"]["X"].array.map(\.doubles), y: item["input"]["y"].doubles, lower: lower,
            upper: upper, expected: item["expected"])
    }

    static let lambdaHPs: [Double] = [0, 0.01, 0.1, 0.5, 1]

    @Test("lambda_seq, lambda_max and lambda_min from raw columns")
    func lambdaRange() throws {
        let data = try Self.load()
        let range = LambdaRange(columns: data.columns, dependent: data.y)
        #expect(Tolerance.close(range.sequenceMax, data.expected["lambda_seq_max"].double))
        #expect(Tolerance.close(range.sequenceMin, data.expected["lambda_seq_min"].double))
        #expect(Tolerance.close(range.lambdaMax, data.expected["lambda_max"].double))
        #expect(Tolerance.close(range.lambdaMin, data.expected["lambda_min"].double))
    }

    @Test("ridge fits per lambda_hp", arguments: lambdaHPs)
    func fits(lambdaHP: Double) throws {
        let data = try Self.load()
        let fit = try #require(data.expected["fits"].array.first { $0["lambda_hp"].double == lambdaHP })
        let range = LambdaRange(columns: data.columns, dependent: data.y)
        let lambda = range.lambda(forHyperparameter: lambdaHP)
        #expect(Tolerance.close(lambda, fit["lambda"].double))

        // glmnet emulation at Robyn's thresh 1e-7 reproduces Robyn's early-stopped coefficients.
        let robyn = fit["robyn_default_thresh"]
        let bounded = try GlmnetRidge.fitRobyn(
            columns: data.columns, y: data.y, lambda: lambda, lowerLimits: data.lower, upperLimits: data.upper)
        let boundedCoefs = [bounded.intercept] + bounded.coefficients
        #expect(Tolerance.firstMismatch(boundedCoefs, robyn["coefs"].doubles, rel: 1e-9, abs: 1e-12) == nil)
        #expect(bounded.dfInt == robyn["df_int"].int)

        // The converged optimum (glmnet thresh 1e-20): exact solver and converged emulation both.
        for solver in [RidgeSolver.exact, .glmnet(threshold: 1e-20, maxPasses: 1_000_000)] {
            let tight = try GlmnetRidge.fitRobyn(
                columns: data.columns, y: data.y, lambda: lambda, lowerLimits: data.lower, upperLimits: data.upper,
                solver: solver)
            let coefs = [tight.intercept] + tight.coefficients
            #expect(Tolerance.firstMismatch(coefs, fit["bounded_tight"].doubles, rel: 1e-9, abs: 1e-12) == nil)
            // Robyn's default thresh stops short of the optimum, within 1e-5 relative on this case.
            #expect(Tolerance.firstMismatch(coefs, robyn["coefs"].doubles, rel: 1e-5) == nil)
        }

        let free = [Double](repeating: -.infinity, count: data.columns.count)
        for solver in [RidgeSolver.exact, .glmnet(threshold: 1e-20, maxPasses: 1_000_000)] {
            let unbounded = try GlmnetRidge.fit(
                columns: data.columns, y: data.y, lambda: lambda, lowerLimits: free, upperLimits: free.map { -$0 },
                solver: solver)
            let unboundedCoefs = [unbounded.intercept] + unbounded.coefficients
            #expect(Tolerance.firstMismatch(unboundedCoefs, fit["unbounded_tight"].doubles, rel: 1e-9) == nil)
            #expect(Tolerance.firstMismatch(unboundedCoefs, fit["unbounded_closed_form"].doubles, rel: 1e-9) == nil)
        }

        // Predictions and metrics of Robyn's fit, recomputed from our coefficients.
        let yHat = data.y.indices.map { i in
            bounded.intercept + zip(data.columns, bounded.coefficients).reduce(0) { $0 + $1.0[i] * $1.1 }
        }
        #expect(Tolerance.firstMismatch(yHat, robyn["y_pred"].doubles, rel: 1e-10) == nil)
        #expect(
            Tolerance.close(FitMetrics.nrmse(actual: data.y, predicted: yHat), robyn["nrmse_train"].double, rel: 1e-9))
        let rsq = FitMetrics.adjustedRSquared(
            actual: data.y, predicted: yHat, parameterCount: data.columns.count, dfInt: bounded.dfInt)
        #expect(Tolerance.close(rsq, robyn["rsq_train"].double, rel: 1e-9))
    }

    @Test("negative intercept forces one refit without intercept (df.int = 0)")
    func interceptDrop() throws {
        let data = try Self.load()
        let drop = data.expected["intercept_drop"]
        let y = drop["y"].doubles
        let lambda = drop["lambda"].double
        let first = try GlmnetRidge.fit(
            columns: data.columns, y: y, lambda: lambda, lowerLimits: data.lower, upperLimits: data.upper)
        #expect(
            Tolerance.firstMismatch([first.intercept] + first.coefficients, drop["first_fit_coefs"].doubles, rel: 1e-9)
                == nil)
        let fit = try GlmnetRidge.fitRobyn(
            columns: data.columns, y: y, lambda: lambda, lowerLimits: data.lower, upperLimits: data.upper)
        #expect(fit.interceptDropped)
        #expect(fit.dfInt == drop["df_int"].int)
        #expect(
            Tolerance.firstMismatch([fit.intercept] + fit.coefficients, drop["refit_coefs"].doubles, rel: 1e-9)
                == nil)
        let yHat = y.indices.map { i in zip(data.columns, fit.coefficients).reduce(0) { $0 + $1.0[i] * $1.1 } }
        #expect(Tolerance.close(FitMetrics.nrmse(actual: y, predicted: yHat), drop["nrmse_train"].double, rel: 1e-9))
        let rsq = FitMetrics.adjustedRSquared(
            actual: y, predicted: yHat, parameterCount: data.columns.count, dfInt: fit.dfInt)
        #expect(Tolerance.close(rsq, drop["rsq_train"].double, rel: 1e-9))
    }

    @Test("exact solver beats glmnet's early stop on the ill-conditioned no-intercept refit")
    func interceptDropExact() throws {
        let data = try Self.load()
        let drop = data.expected["intercept_drop"]
        let y = drop["y"].doubles
        let lambda = drop["lambda"].double
        let exact = try GlmnetRidge.fitRobyn(
            columns: data.columns, y: y, lambda: lambda, lowerLimits: data.lower, upperLimits: data.upper,
            solver: .exact)
        #expect(exact.interceptDropped && exact.dfInt == 0)
        let robyn = Array(drop["refit_coefs"].doubles.dropFirst())
        // Same zero pattern; glmnet's thresh-1e-7 answer is up to 1.4e-3 away from the true optimum here.
        #expect(zip(exact.coefficients, robyn).allSatisfy { ($0 == 0) == ($1 == 0) })
        #expect(Tolerance.firstMismatch(exact.coefficients, robyn, rel: 2e-3) == nil)
        let objective = RidgeObjective(columns: data.columns, y: y, lambda: lambda, intercept: false)
        #expect(objective.value(intercept: 0, coefficients: exact.coefficients) < objective.value(intercept: 0, coefficients: robyn))
    }
}
