/// The Hessian of a log density from central differences of its exact gradient (2·dimension gradient evaluations).
enum HessianEstimate {
    /// The negative Hessian of log p at x (the precision matrix) by central differences of the gradient,
    /// symmetrised.
    static func negativeHessian<Model: LogDensityModel>(
        _ model: Model, at x: [Double], workspace: inout Model.Workspace
    ) -> [[Double]] {
        let n = x.count
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var plus = [Double](repeating: 0, count: n)
        var minus = [Double](repeating: 0, count: n)
        for j in 0..<n {
            // Cube root of machine epsilon balances truncation and rounding error for central differences.
            let h = 6e-6 * Swift.max(1, abs(x[j]))
            var moved = x
            moved[j] = x[j] + h
            _ = model.logDensity(moved, gradient: &plus, workspace: &workspace)
            moved[j] = x[j] - h
            _ = model.logDensity(moved, gradient: &minus, workspace: &workspace)
            for i in 0..<n { hessian[i][j] = -(plus[i] - minus[i]) / (2 * h) }
        }
        for i in 0..<n {
            for j in 0..<i {
                let average = (hessian[i][j] + hessian[j][i]) / 2
                hessian[i][j] = average
                hessian[j][i] = average
            }
        }
        return hessian
    }
}
