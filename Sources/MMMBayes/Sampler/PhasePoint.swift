/// A point in phase space: position, momentum, the gradient of log p at the position, and log p.
///
/// A reference type so the tree builder can hold several points and update them in place; copies go through
/// ``assign(from:)`` so no array storage is ever shared (and so never reallocated) during sampling.
final class PhasePoint {
    /// Position q.
    var q: [Double]
    /// Momentum p.
    var p: [Double]
    /// ∇ log p(q).
    var gradient: [Double]
    /// log p(q).
    var logDensity: Double = -.infinity

    init(dimension: Int) {
        q = Array(repeating: 0, count: dimension)
        p = Array(repeating: 0, count: dimension)
        gradient = Array(repeating: 0, count: dimension)
    }

    /// Copies another point's values into this point's own storage.
    func assign(from other: PhasePoint) {
        Vector.assign(&q, other.q)
        Vector.assign(&p, other.p)
        Vector.assign(&gradient, other.gradient)
        logDensity = other.logDensity
    }
}

/// Small in-place vector helpers for the sampler's hot loops.
enum Vector {
    /// `destination[i] = source[i]` without replacing the destination's storage.
    @inline(__always)
    static func assign(_ destination: inout [Double], _ source: [Double]) {
        destination.withUnsafeMutableBufferPointer { d in
            source.withUnsafeBufferPointer { s in
                for i in 0..<d.count { d[i] = s[i] }
            }
        }
    }

    /// `destination[i] = a[i] * b[i]`.
    @inline(__always)
    static func product(_ destination: inout [Double], _ a: [Double], _ b: [Double]) {
        destination.withUnsafeMutableBufferPointer { d in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<d.count { d[i] = a[i] * b[i] }
                }
            }
        }
    }

    /// `destination[i] += source[i]`.
    @inline(__always)
    static func add(_ destination: inout [Double], _ source: [Double]) {
        destination.withUnsafeMutableBufferPointer { d in
            source.withUnsafeBufferPointer { s in
                for i in 0..<d.count { d[i] += s[i] }
            }
        }
    }

    /// `destination[i] = 0`.
    @inline(__always)
    static func zero(_ destination: inout [Double]) {
        destination.withUnsafeMutableBufferPointer { d in
            for i in 0..<d.count { d[i] = 0 }
        }
    }

    /// Σ a[i]·b[i].
    @inline(__always)
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum = 0.0
                for i in 0..<a.count { sum += a[i] * b[i] }
                return sum
            }
        }
    }
}
