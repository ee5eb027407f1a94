/// Cholesky factor L (A = L·Lᵀ) of a small dense symmetric positive definite matrix, for the baseline fit: an
/// array-owning wrapper over the engine's in-place ``DenseCholesky``.
struct BaselineCholesky {
    /// Order of the matrix.
    let size: Int
    /// Lower triangle of L, row-major `size × size` (upper part unused).
    private var lower: [Double]

    /// Factors a row-major `size × size` matrix; nil if it is not numerically positive definite.
    init?(_ matrix: [Double], size: Int) {
        self.size = size
        lower = matrix
        let ok = lower.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return size == 0 }
            return DenseCholesky.factorize(base, q: size, stride: size)
        }
        guard ok else { return nil }
    }

    /// Solves A·x = b.
    func solve(_ b: [Double]) -> [Double] {
        var x = b
        var factor = lower
        factor.withUnsafeMutableBufferPointer { l in
            x.withUnsafeMutableBufferPointer { v in
                guard let lBase = l.baseAddress, let vBase = v.baseAddress else { return }
                DenseCholesky.solve(lBase, q: size, stride: size, vBase)
            }
        }
        return x
    }
}
