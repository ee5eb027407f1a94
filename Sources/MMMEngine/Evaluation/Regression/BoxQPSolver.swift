/// Exact solver for `min ½βᵀHβ − rᵀβ` subject to `lo ≤ β ≤ hi`, with H symmetric positive definite.
///
/// A primal active-set method: Newton (Cholesky) steps on the free variables, stepping back to the first bound
/// hit, and releasing the bound variable whose multiplier has the wrong sign. The problem is strictly convex, so
/// the optimum is unique and this reaches it to machine precision in a few iterations. If H is not numerically
/// positive definite (an unpenalised collinear column), it falls back to projected coordinate descent.
enum BoxQPSolver {
    static let free: UInt8 = 0
    static let atLower: UInt8 = 1
    static let atUpper: UInt8 = 2
    static let fixed: UInt8 = 3

    /// Solves the problem held in `s.hessian`, `s.gradientTarget`, `s.lower`, `s.upper` for `q` variables.
    /// On return `s.beta` holds the optimum and `s.state` the bound status of each variable.
    static func solve(_ s: RidgeScratch, q: Int) {
        guard q > 0 else { return }
        let stride = s.columnCapacity
        var scale = 0.0
        for j in 0..<q {
            scale = Swift.max(scale, Swift.abs(s.gradientTarget[j]))
            if s.lower[j] == s.upper[j] {
                s.beta[j] = s.lower[j]
                s.state[j] = fixed
            } else {
                s.beta[j] = Swift.min(Swift.max(0, s.lower[j]), s.upper[j])
                s.state[j] = free
            }
        }
        let tolerance = 1e-13 * Swift.max(scale, Double.leastNormalMagnitude)
        let maxIterations = 50 + 10 * q
        for _ in 0..<maxIterations {
            switch newtonStep(s, q: q, stride: stride) {
            case .singular:
                coordinateDescent(s, q: q, stride: stride, tolerance: tolerance)
                return
            case .blocked:
                continue
            case .reached:
                break
            }
            // All free variables are optimal; release the bound with the most wrong-signed multiplier.
            var worst = -1
            var worstViolation = tolerance
            for j in 0..<q where s.state[j] == atLower || s.state[j] == atUpper {
                let g = gradient(s, q: q, stride: stride, j)
                let violation = s.state[j] == atLower ? -g : g
                if violation > worstViolation {
                    worstViolation = violation
                    worst = j
                }
            }
            if worst < 0 { return }
            s.state[worst] = free
        }
        coordinateDescent(s, q: q, stride: stride, tolerance: tolerance)
    }

    /// What a Newton step on the free set did.
    private enum StepOutcome {
        /// The free variables reached their unconstrained optimum inside the box.
        case reached
        /// A bound interrupted the step; the blocking variable is now at that bound.
        case blocked
        /// The free Hessian block is not numerically positive definite.
        case singular
    }

    /// `(Hβ − r)_j`.
    @inline(__always)
    static func gradient(_ s: RidgeScratch, q: Int, stride: Int, _ j: Int) -> Double {
        var g = -s.gradientTarget[j]
        for k in 0..<q { g += s.hessian[j * stride + k] * s.beta[k] }
        return g
    }

    /// One Newton step on the free set, with one round of iterative refinement, stopped at the first bound.
    private static func newtonStep(_ s: RidgeScratch, q: Int, stride: Int) -> StepOutcome {
        var m = 0
        for j in 0..<q where s.state[j] == free {
            s.freeList[m] = j
            m += 1
        }
        guard m > 0 else { return .reached }
        // Reduced system H_FF z = r_F − H_FB β_B, solved for z (the new free values).
        for a in 0..<m {
            let i = s.freeList[a]
            var value = s.gradientTarget[i]
            for k in 0..<q where s.state[k] != free { value -= s.hessian[i * stride + k] * s.beta[k] }
            s.rhs[a] = value
            s.step[a] = value
            for b in 0..<m { s.sub[a * stride + b] = s.hessian[i * stride + s.freeList[b]] }
        }
        guard DenseCholesky.factorize(s.sub, q: m, stride: stride) else { return .singular }
        DenseCholesky.solve(s.sub, q: m, stride: stride, s.step)
        // One refinement pass recovers the digits lost to conditioning.
        for a in 0..<m {
            let i = s.freeList[a]
            var residual = s.rhs[a]
            for b in 0..<m { residual -= s.hessian[i * stride + s.freeList[b]] * s.step[b] }
            s.work[a] = residual
        }
        DenseCholesky.solve(s.sub, q: m, stride: stride, s.work)
        for a in 0..<m { s.step[a] += s.work[a] }
        // Longest feasible fraction of the move from β_F to z.
        var fraction = 1.0
        var blocking = -1
        var blockingState = free
        for a in 0..<m {
            let j = s.freeList[a]
            let target = s.step[a]
            let current = s.beta[j]
            if target < s.lower[j] {
                let t = (s.lower[j] - current) / (target - current)
                if t < fraction {
                    fraction = t
                    blocking = a
                    blockingState = atLower
                }
            } else if target > s.upper[j] {
                let t = (s.upper[j] - current) / (target - current)
                if t < fraction {
                    fraction = t
                    blocking = a
                    blockingState = atUpper
                }
            }
        }
        if blocking < 0 {
            for a in 0..<m { s.beta[s.freeList[a]] = s.step[a] }
            return .reached
        }
        fraction = Swift.max(fraction, 0)
        for a in 0..<m {
            let j = s.freeList[a]
            let moved = s.beta[j] + fraction * (s.step[a] - s.beta[j])
            s.beta[j] = Swift.min(Swift.max(moved, s.lower[j]), s.upper[j])
        }
        let j = s.freeList[blocking]
        s.state[j] = blockingState
        s.beta[j] = blockingState == atLower ? s.lower[j] : s.upper[j]
        return .blocked
    }

    /// Projected cyclic coordinate descent, used only when H is singular on the free set.
    static func coordinateDescent(_ s: RidgeScratch, q: Int, stride: Int, tolerance: Double) {
        for j in 0..<q where s.state[j] != fixed { s.state[j] = free }
        for _ in 0..<200_000 {
            var largest = 0.0
            for j in 0..<q where s.state[j] != fixed {
                let diagonal = s.hessian[j * stride + j]
                guard diagonal > 0 else { continue }
                let g = gradient(s, q: q, stride: stride, j)
                let updated = Swift.min(Swift.max(s.beta[j] - g / diagonal, s.lower[j]), s.upper[j])
                largest = Swift.max(largest, Swift.abs(updated - s.beta[j]) * diagonal)
                s.beta[j] = updated
            }
            if largest <= tolerance { break }
        }
        for j in 0..<q where s.state[j] != fixed {
            if s.beta[j] == s.lower[j] {
                s.state[j] = atLower
            } else if s.beta[j] == s.upper[j] {
                s.state[j] = atUpper
            }
        }
    }
}
