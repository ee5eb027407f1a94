/// An independent, original-scale statement of glmnet's ridge objective and its gradient (spec §4.2), for tests.
struct RidgeObjective {
    let columns: [[Double]]
    let y: [Double]
    let lambda: Double
    let intercept: Bool
    let penaltyFactor: [Double]

    init(columns: [[Double]], y: [Double], lambda: Double, intercept: Bool, penaltyFactor: [Double]? = nil) {
        self.columns = columns
        self.y = y
        self.lambda = lambda
        self.intercept = intercept
        let raw = penaltyFactor ?? [Double](repeating: 1, count: columns.count)
        let total = raw.reduce(0, +)
        self.penaltyFactor = raw.map { $0 * Double(raw.count) / total }
    }

    var n: Double { Double(y.count) }

    static func populationSD(_ x: [Double]) -> Double {
        let mean = x.reduce(0, +) / Double(x.count)
        return (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)).squareRoot()
    }

    var responseScale: Double {
        intercept ? Self.populationSD(y) : (y.reduce(0) { $0 + $1 * $1 } / n).squareRoot()
    }

    func residuals(intercept b0: Double, coefficients b: [Double]) -> [Double] {
        y.indices.map { i in y[i] - b0 - zip(columns, b).reduce(0) { $0 + $1.0[i] * $1.1 } }
    }

    func value(intercept b0: Double, coefficients b: [Double]) -> Double {
        let r = residuals(intercept: b0, coefficients: b)
        let loss = r.reduce(0) { $0 + $1 * $1 } / (2 * n)
        var penalty = 0.0
        for (j, column) in columns.enumerated() {
            let s = Self.populationSD(column)
            penalty += penaltyFactor[j] * (s * b[j]) * (s * b[j])
        }
        return loss + lambda / (2 * responseScale) * penalty
    }

    /// ∂/∂b_j of the objective at (b0, b); with an intercept, b0 should be its optimum ȳ − Σ b_j x̄_j.
    func gradient(intercept b0: Double, coefficients b: [Double]) -> [Double] {
        let r = residuals(intercept: b0, coefficients: b)
        return columns.enumerated().map { j, column in
            let s = Self.populationSD(column)
            let fit = -zip(column, r).reduce(0) { $0 + $1.0 * $1.1 } / n
            return fit + lambda / responseScale * penaltyFactor[j] * s * s * b[j]
        }
    }
}
