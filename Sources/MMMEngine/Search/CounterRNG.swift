/// A random number generator whose stream is a pure function of a key (seed, trial, step, …).
///
/// Every place that needs randomness derives its own generator from the key of *what* it is doing, never from a
/// shared generator whose state depends on the order in which threads happened to run. That is what makes results
/// byte-identical for any `--threads`.
package struct CounterRNG: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator for a key.
    /// - Parameter key: any number of 64-bit words; different keys give independent streams.
    package init(_ key: UInt64...) {
        self.init(key: key)
    }

    /// A generator for a key given as an array.
    package init(key: [UInt64]) {
        var h: UInt64 = 0x6A09_E667_F3BC_C908
        for word in key {
            h = Self.mix(h ^ Self.mix(word &+ 0x9E37_79B9_7F4A_7C15))
        }
        state = h
    }

    /// The next 64 random bits (SplitMix64).
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    package mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound` (bound > 0), without modulo bias.
    package mutating func index(below bound: Int) -> Int {
        Int(next(upperBound: UInt64(bound)))
    }

    /// Stafford's variant 13 finaliser: a bijective 64-bit mix with full avalanche.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
