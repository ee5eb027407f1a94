/// One glmnet gaussian ridge fit (alpha = 0, standardize = TRUE), solved exactly, over raw buffers.
///
/// glmnet minimises `(1/2n)·Σ(y − b0 − Xb)² + (λ/(2·s_y))·Σ pf_j·(s_j·b_j)²` subject to the box limits, where s_j
/// is the population SD of column j and s_y the population SD of y (uncentred RMS without an intercept).
/// Working in standardised coordinates β_j = s_j·b_j gives a small SPD box QP that `BoxQPSolver` solves exactly.
enum RidgeCore {
    /// Inputs of one fit; the pointers must stay valid for the call.
    struct Problem {
        /// Column j starts at offset `j·leadingDimension`; rows `0..<rows` are used.
        var x: UnsafeBufferPointer<Double>
        var leadingDimension: Int
        var columns: Int
        var rows: Int
        var y: UnsafeBufferPointer<Double>
        var lambda: Double
        var lower: UnsafeBufferPointer<Double>
        var upper: UnsafeBufferPointer<Double>
        /// Penalty factors, or `nil` for all ones.
        var penaltyFactor: UnsafeBufferPointer<Double>?
        var intercept: Bool
        var solver: RidgeSolver
    }

    /// glmnet's stand-in for an infinite limit (`glmnet.control()$big`).
    static let big = 9.9e35

    /// Fits the problem; writes original-scale coefficients to `coefficients` and returns the intercept.
    /// - Throws: `EngineError.constantResponse` if y has zero spread over the rows (glmnet stops there too).
    static func fit(
        _ problem: Problem, scratch s: RidgeScratch, coefficients: UnsafeMutableBufferPointer<Double>
    ) throws(EngineError) -> Double {
        let n = problem.rows
        let p = problem.columns
        let nD = Double(n)
        let ld = problem.leadingDimension
        let y = problem.y
        // Response scale (glmnet's ys) and the response the Gram products use.
        var yMean = 0.0
        if problem.intercept {
            for i in 0..<n { yMean += y[i] }
            yMean /= nD
        }
        var ySquares = 0.0
        for i in 0..<n {
            let centred = y[i] - yMean
            s.response[i] = centred
            ySquares += centred * centred
        }
        let ys = (ySquares / nD).squareRoot()
        guard ys > 0, ys.isFinite else {
            throw EngineError(
                .constantResponse, "The dependent variable is constant over the \(n) training rows; cannot fit.")
        }
        // Penalty factors rescaled to sum to the number of variables, as glmnet does.
        var penaltySum = 0.0
        for j in 0..<p {
            let factor = Swift.max(0, problem.penaltyFactor?[j] ?? 1)
            s.penalty[j] = factor
            penaltySum += factor
        }
        for j in 0..<p { s.penalty[j] = penaltySum > 0 ? s.penalty[j] * Double(p) / penaltySum : 0 }
        // Standardise; glmnet drops columns whose values are all identical (chkvars).
        var q = 0
        for j in 0..<p {
            coefficients[j] = 0
            let offset = j * ld
            let column = UnsafeBufferPointer(rebasing: problem.x[offset..<(offset + n)])
            var constant = true
            var sum = 0.0
            for i in 0..<n {
                sum += column[i]
                if column[i] != column[0] { constant = false }
            }
            if constant || n == 0 { continue }
            let mean = sum / nD
            let sd: Double
            if problem.intercept {
                var squares = 0.0
                for i in 0..<n { squares += (column[i] - mean) * (column[i] - mean) }
                sd = (squares / nD).squareRoot()
            } else {
                var squares = 0.0
                for i in 0..<n { squares += column[i] * column[i] }
                let variance = squares / nD - mean * mean
                s.rhs[q] = variance  // kept for glmnet's xv = 1 + x̄²/var
                sd = variance.squareRoot()
            }
            guard sd > 0, sd.isFinite else { continue }
            s.included[q] = j
            s.mean[q] = mean
            s.sd[q] = sd
            let target = s.standardized + q * s.rowCapacity
            let shift = problem.intercept ? mean : 0
            for i in 0..<n { target[i] = (column[i] - shift) / sd }
            q += 1
        }
        buildGram(problem, scratch: s, q: q)
        switch problem.solver {
        case .exact:
            prepareExact(problem, scratch: s, q: q, ys: ys)
            BoxQPSolver.solve(s, q: q)
        case .glmnet(let threshold, let maxPasses):
            prepareGlmnet(problem, scratch: s, q: q, ys: ys)
            GlmnetCoordinateDescent.solve(s, q: q, lambda: problem.lambda / ys, threshold: threshold, maxPasses: maxPasses)
        }
        var intercept = problem.intercept ? yMean : 0
        for a in 0..<q {
            let j = s.included[a]
            let b: Double
            switch problem.solver {
            case .exact:
                switch s.state[a] {
                case BoxQPSolver.atLower, BoxQPSolver.fixed: b = problem.lower[j]
                case BoxQPSolver.atUpper: b = problem.upper[j]
                default: b = s.beta[a] / s.sd[a]
                }
            case .glmnet:
                // glmnet returns ys·a/xs; a coefficient sitting on its limit is reported as that limit.
                if s.beta[a] == s.lower[a] {
                    b = problem.lower[j]
                } else if s.beta[a] == s.upper[a] {
                    b = problem.upper[j]
                } else {
                    b = ys * s.beta[a] / s.sd[a]
                }
            }
            coefficients[j] = b
        }
        if problem.intercept {
            // glmnet: a0 = ym − Σ b_j·xm_j over the included columns, in column order.
            var dot = 0.0
            for a in 0..<q { dot += coefficients[s.included[a]] * s.mean[a] }
            intercept -= dot
        }
        return intercept
    }

    /// Fills the Gram matrix `XsᵀXs/n` and `Xsᵀy/n` of the q included standardised columns.
    private static func buildGram(_ problem: Problem, scratch s: RidgeScratch, q: Int) {
        let n = problem.rows
        let nD = Double(n)
        let stride = s.columnCapacity
        for a in 0..<q {
            let columnA = s.standardized + a * s.rowCapacity
            var target = 0.0
            for i in 0..<n { target += columnA[i] * s.response[i] }
            s.gradientTarget[a] = target / nD
            for b in 0...a {
                let columnB = s.standardized + b * s.rowCapacity
                var dot = 0.0
                for i in 0..<n { dot += columnA[i] * columnB[i] }
                s.hessian[a * stride + b] = dot / nD
                s.hessian[b * stride + a] = dot / nD
            }
        }
    }

    /// Exact solver: H = Gram + (λ/ys)·diag(pf), limits scaled by the column SDs (β = s·b).
    private static func prepareExact(_ problem: Problem, scratch s: RidgeScratch, q: Int, ys: Double) {
        let stride = s.columnCapacity
        let ridge = problem.lambda / ys
        for a in 0..<q {
            let j = s.included[a]
            s.hessian[a * stride + a] += ridge * s.penalty[j]
            s.lower[a] = problem.lower[j] * s.sd[a]
            s.upper[a] = problem.upper[j] * s.sd[a]
        }
    }

    /// glmnet: g = X̃ᵀ(y/ys)/n, cl = (limit/ys)·xs with ±Inf as ±big, xv = 1 (or 1 + x̄²/var without intercept).
    private static func prepareGlmnet(_ problem: Problem, scratch s: RidgeScratch, q: Int, ys: Double) {
        let stride = s.columnCapacity
        for a in 0..<q {
            let j = s.included[a]
            s.gradientTarget[a] /= ys
            let lower = problem.lower[j] == -.infinity ? -big : problem.lower[j]
            let upper = problem.upper[j] == .infinity ? big : problem.upper[j]
            s.lower[a] = (lower / ys) * s.sd[a]
            s.upper[a] = (upper / ys) * s.sd[a]
            let xv: Double
            if problem.intercept {
                xv = 1
            } else {
                xv = 1 + (s.mean[a] * s.mean[a]) / s.rhs[a]
            }
            s.work[a] = xv
            s.hessian[a * stride + a] = xv
        }
    }
}
