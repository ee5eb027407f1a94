import Foundation

/// The simulator's randomness: one keyed stream per purpose, so adding a draw in one place never shifts another.
struct SimulationRandom {
    let seed: UInt64

    /// A generator for a purpose and an index (e.g. "roi", channel 3).
    func stream(_ purpose: String, _ index: Int = 0) -> CounterRNG {
        CounterRNG(seed, purpose.hashValueStable, UInt64(truncatingIfNeeded: index), 0x51A7)
    }
}

extension CounterRNG {
    /// A uniform draw in a closed interval.
    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + uniform() * (range.upperBound - range.lowerBound)
    }

    /// A standard normal draw (Box–Muller, the cosine branch).
    mutating func normal() -> Double {
        let u1 = Swift.max(uniform(), 0x1.0p-60)
        let u2 = uniform()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }
}
