/// Cholesky factor L (A = L·Lᵀ) of a small dense symmetric positive definite matrix, for the baseline fit.
struct BaselineCholesky {
    /// Order of the matrix.
    let size: Int
    /// Lower triangle of L, row-major `size × size` (upper part unused).
    private var lower: [Double]

    /// Factors a row-major `size × size` matrix; nil if it is not numerically positive definite.
    init?(_ matrix: [Double], size: Int) {
        self.size = size
        lower = matrix
        for j in 0..<size {
            var diagonal = lower[j * size + j]
            for k in 0..<j { diagonal -= lower[j * size + k] * lower[j * size + k] }
            guard diagonal > 0, diagonal.isFinite else { return nil }
            let root = diagonal.squareRoot()
            lower[j * size + j] = root
            for i in (j + 1)..<max(j + 1, size) {
                var value = lower[i * size + j]
                for k in 0..<j { value -= lower[i * size + k] * lower[j * size + k] }
                lower[i * size + j] = value / root
            }
        }
    }

    /// Solves A·x = b.
    func solve(_ b: [Double]) -> [Double] {
        var x = b
        for i in 0..<size {
            var value = x[i]
            for k in 0..<i { value -= lower[i * size + k] * x[k] }
            x[i] = value / lower[i * size + i]
        }
        for i in stride(from: size - 1, through: 0, by: -1) {
            var value = x[i]
            for k in (i + 1)..<max(i + 1, size) { value -= lower[k * size + i] * x[k] }
            x[i] = value / lower[i * size + i]
        }
        return x
    }
}
