import Foundation

/// xoshiro256** whose state is a pure function of a key (seed, chain, purpose, …).
///
/// Each chain derives its generator from (seed, chain), never from a shared generator, so the draws do not
/// depend on which thread ran which chain: that makes results byte-identical for any thread count.
public struct KeyedRNG: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// The second Box–Muller normal, kept for the next call.
    private var spareNormal: Double?

    /// A generator for a key.
    /// - Parameter key: Any number of 64-bit words; different keys give independent streams.
    public init(_ key: UInt64...) {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for word in key { h = Self.splitMix(h ^ Self.splitMix(word &+ 0x9E37_79B9_7F4A_7C15)) }
        // SplitMix64 expands the hash into the four state words (never all zero).
        var x = h
        func next() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            return Self.splitMix(x)
        }
        s0 = next()
        s1 = next()
        s2 = next()
        s3 = next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal draw (Box–Muller; the pair's second value is returned by the next call).
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        // 1 − u lies in (0, 1], so the logarithm is finite.
        let radius = Foundation.sqrt(-2 * Foundation.log(1 - uniform()))
        let angle = 2 * Double.pi * uniform()
        spareNormal = radius * Foundation.sin(angle)
        return radius * Foundation.cos(angle)
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    private static func splitMix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
