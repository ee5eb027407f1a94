/// XᵀX and Xᵀy of a column-major design.
struct BaselineGram {
    /// Row-major `p × p` XᵀX.
    let g: [Double]
    /// Xᵀy.
    let c: [Double]
    /// ‖y‖.
    let yNorm: Double

    init(columns: [[Double]], y: [Double]) {
        let p = columns.count
        var g = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in i..<p {
                var sum = 0.0
                for (a, b) in zip(columns[i], columns[j]) { sum += a * b }
                g[i * p + j] = sum
                g[j * p + i] = sum
            }
        }
        self.g = g
        c = columns.map { column in zip(column, y).reduce(0) { $0 + $1.0 * $1.1 } }
        yNorm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// Σ (y − Xθ)², computed from the residuals (not from the Gram matrix, which cancels badly for a close fit).
    func residualSumOfSquares(columns: [[Double]], y: [Double], coefficients: [Double]) -> Double {
        var residual = y
        for (column, beta) in zip(columns, coefficients) where beta != 0 {
            for i in residual.indices { residual[i] -= beta * column[i] }
        }
        return residual.reduce(0) { $0 + $1 * $1 }
    }
}
