/// Minimises ½·δᵀQδ − bᵀδ + Σ μⱼ·|δⱼ| for a small positive definite Q: the changepoint block of the MAP fit,
/// whose Laplace prior makes it a lasso.
///
/// Cyclic coordinate descent finds the active set; an exact solve on that set (checked against the optimality
/// conditions) then finishes it, so the result is the exact minimiser, not an approximation of it. Deterministic:
/// the coordinates are visited in a fixed order.
enum BaselineLasso {
    /// The minimiser, starting from `start` (warm start).
    /// - Parameters:
    ///   - q: row-major `m × m` matrix.
    ///   - b: linear term.
    ///   - mu: L1 weight of each coordinate (> 0).
    ///   - start: initial δ.
    ///   - tolerance: stop when no coordinate moves the fit by more than this (in √Q-norm units).
    ///   - maxSweeps: most coordinate-descent sweeps.
    static func solve(
        q: [Double], b: [Double], mu: [Double], start: [Double], tolerance: Double, maxSweeps: Int
    ) -> [Double] {
        let m = b.count
        guard m > 0 else { return [] }
        var delta = start
        // gradient of the smooth part: Qδ − b.
        var gradient = [Double](repeating: 0, count: m)
        for i in 0..<m {
            var value = -b[i]
            for j in 0..<m { value += q[i * m + j] * delta[j] }
            gradient[i] = value
        }
        for sweep in 1...max(maxSweeps, 1) {
            var largest = 0.0
            for j in 0..<m {
                let qjj = q[j * m + j]
                guard qjj > 0 else { continue }
                let z = qjj * delta[j] - gradient[j]
                let updated = softThreshold(z, mu[j]) / qjj
                let change = updated - delta[j]
                if change != 0 {
                    for i in 0..<m { gradient[i] += q[i * m + j] * change }
                    delta[j] = updated
                    largest = max(largest, abs(change) * qjj.squareRoot())
                }
            }
            if largest <= tolerance { break }
            if sweep % 10 == 0, let exact = activeSetSolution(q: q, b: b, mu: mu, near: delta) { return exact }
        }
        return activeSetSolution(q: q, b: b, mu: mu, near: delta) ?? delta
    }

    /// Solves the stationarity equations on the non-zero coordinates of `near` with their signs, and returns the
    /// result only if it keeps those signs and every zero coordinate satisfies |gradient| ≤ μⱼ (the lasso's KKT
    /// conditions), i.e. only if it is the exact minimiser.
    static func activeSetSolution(q: [Double], b: [Double], mu: [Double], near: [Double]) -> [Double]? {
        let m = b.count
        let active = (0..<m).filter { near[$0] != 0 }
        var delta = [Double](repeating: 0, count: m)
        if !active.isEmpty {
            let k = active.count
            var matrix = [Double](repeating: 0, count: k * k)
            var rhs = [Double](repeating: 0, count: k)
            for (r, i) in active.enumerated() {
                for (c, j) in active.enumerated() { matrix[r * k + c] = q[i * m + j] }
                rhs[r] = b[i] - mu[i] * (near[i] > 0 ? 1 : -1)
            }
            guard let factor = BaselineCholesky(matrix, size: k) else { return nil }
            let solution = factor.solve(rhs)
            for (r, i) in active.enumerated() {
                guard (solution[r] > 0) == (near[i] > 0), solution[r] != 0 else { return nil }
                delta[i] = solution[r]
            }
        }
        for i in 0..<m where delta[i] == 0 {
            var gradient = -b[i]
            for j in active { gradient += q[i * m + j] * delta[j] }
            guard abs(gradient) <= mu[i] * (1 + 1e-9) else { return nil }
        }
        return delta
    }

    private static func softThreshold(_ z: Double, _ mu: Double) -> Double {
        z > mu ? z - mu : (z < -mu ? z + mu : 0)
    }
}
