/// Chains × draws of one scalar quantity, and the reshaping steps the Vehtari et al. (2021) diagnostics share:
/// splitting chains in half, rank-normalising (Blom offsets, average ranks for ties), folding, and quantiles.
public struct DrawMatrix: Sendable, Hashable {
    /// `chains[c][i]`: draw i of chain c; every chain has the same length.
    public var chains: [[Double]]

    /// Wraps chains of equal length.
    /// - Parameter chains: One array per chain.
    public init(_ chains: [[Double]]) {
        self.chains = chains
    }

    /// Number of chains.
    public var chainCount: Int { chains.count }
    /// Draws per chain.
    public var drawCount: Int { chains.first?.count ?? 0 }
    /// All draws, chain after chain.
    public var flattened: [Double] { chains.flatMap { $0 } }

    /// Each chain's first and last halves as separate chains (the middle draw of an odd-length chain is dropped).
    public var split: DrawMatrix {
        let half = drawCount / 2
        return DrawMatrix(chains.map { Array($0.prefix(half)) } + chains.map { Array($0.suffix(half)) })
    }

    /// The same shape with every value replaced by Φ⁻¹((rank − 3/8) / (S + 1/4)), ranks over all S draws with ties
    /// averaged (Blom's offsets, as ArviZ's `_z_scale`).
    public var rankNormalised: DrawMatrix {
        let values = flattened
        let ranks = Self.averageRanks(values)
        let size = Double(values.count)
        var result = [[Double]]()
        var k = 0
        for chain in chains {
            result.append(chain.map { _ in
                defer { k += 1 }
                return NormalQuantile.value((ranks[k] - 0.375) / (size + 0.25))
            })
        }
        return DrawMatrix(result)
    }

    /// |x − median of all draws|, the "folded" draws whose R-hat detects differences in scale.
    public var folded: DrawMatrix {
        let sorted = flattened.sorted()
        let middle = sorted.count / 2
        // NumPy's median: the mean of the two middle values for an even count.
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return DrawMatrix(chains.map { $0.map { abs($0 - median) } })
    }

    /// 1-based ranks with ties given their average rank (scipy's `rankdata(method="average")`).
    /// - Parameter values: Any values.
    /// - Returns: One rank per value.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for i in start...end { ranks[order[i]] = average }
            start = end + 1
        }
        return ranks
    }

    /// The linearly interpolated quantile (R type 7, NumPy's default).
    /// - Parameters:
    ///   - values: The sample (need not be sorted; must not be empty).
    ///   - probability: p ∈ [0, 1].
    /// - Returns: The p-quantile.
    public static func quantile(_ values: [Double], _ probability: Double) -> Double {
        quantile(sorted: values.sorted(), probability)
    }

    /// ``quantile(_:_:)`` on an already sorted sample.
    public static func quantile(sorted: [Double], _ probability: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * probability
        let lower = Int(h.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let t = h - Double(lower)
        let a = sorted[lower]
        let b = sorted[upper]
        // NumPy interpolates from the nearer end, which decides ties with draws in `x <= quantile`.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
    }
}
