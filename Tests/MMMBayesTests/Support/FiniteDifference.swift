import MMMBayes

/// Central finite differences, the independent oracle for every gradient.
enum FiniteDifference {
    /// d f / d x at x by a central difference with a step scaled to |x|.
    static func derivative(at x: Double, step: Double = 1e-6, _ f: (Double) -> Double) -> Double {
        let h = step * Swift.max(1, abs(x))
        return (f(x + h) - f(x - h)) / (2 * h)
    }

    /// ∇f at q, one coordinate at a time.
    static func gradient(at q: [Double], step: Double = 1e-6, _ f: ([Double]) -> Double) -> [Double] {
        q.indices.map { i in
            derivative(at: q[i], step: step) { value in
                var moved = q
                moved[i] = value
                return f(moved)
            }
        }
    }

    /// Whether a and b agree to a relative tolerance, with an absolute floor for values near zero.
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 1e-8) -> Bool {
        abs(a - b) <= Swift.max(absolute, relative * Swift.max(abs(a), abs(b)))
    }
}
