/// In-place Cholesky factorisation and solves on small dense row-major matrices (p ≈ 10–30).
enum DenseCholesky {
    /// Factorises the leading `q×q` block of `a` (row stride `stride`) into its lower factor L, in place.
    /// - Returns: `false` if the matrix is not numerically positive definite.
    @inline(__always)
    static func factorize(_ a: UnsafeMutablePointer<Double>, q: Int, stride: Int) -> Bool {
        for j in 0..<q {
            var diagonal = a[j * stride + j]
            for k in 0..<j { diagonal -= a[j * stride + k] * a[j * stride + k] }
            guard diagonal > 0, diagonal.isFinite else { return false }
            let root = diagonal.squareRoot()
            a[j * stride + j] = root
            var i = j + 1
            while i < q {
                var value = a[i * stride + j]
                for k in 0..<j { value -= a[i * stride + k] * a[j * stride + k] }
                a[i * stride + j] = value / root
                i += 1
            }
        }
        return true
    }

    /// Solves `L·Lᵀ·x = b` in place in `b`, using the factor left by `factorize`.
    @inline(__always)
    static func solve(_ l: UnsafeMutablePointer<Double>, q: Int, stride: Int, _ b: UnsafeMutablePointer<Double>) {
        for i in 0..<q {
            var value = b[i]
            for k in 0..<i { value -= l[i * stride + k] * b[k] }
            b[i] = value / l[i * stride + i]
        }
        var i = q - 1
        while i >= 0 {
            var value = b[i]
            var k = i + 1
            while k < q {
                value -= l[k * stride + i] * b[k]
                k += 1
            }
            b[i] = value / l[i * stride + i]
            i -= 1
        }
    }
}
