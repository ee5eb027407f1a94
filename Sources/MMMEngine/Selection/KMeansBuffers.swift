// The flat buffers behind ``KMeans``: the points, and the scratch memory of Lloyd iterations.

/// Rows of equal length in one row-major buffer.
struct PointMatrix {
    let values: [Double]
    let rows: Int
    let columns: Int
    /// The rows column by column, four rows per SIMD group (unused lanes zero).
    let lanes: [SIMD4<Double>]

    init(_ points: [[Double]]) {
        rows = points.count
        columns = points.first?.count ?? 0
        var values: [Double] = []
        values.reserveCapacity(rows * columns)
        for p in points { values += p }
        self.values = values
        var lanes = [SIMD4<Double>](repeating: .zero, count: (rows + 3) / 4 * columns)
        for i in 0..<rows {
            for j in 0..<columns { lanes[i / 4 * columns + j][i % 4] = values[i * columns + j] }
        }
        self.lanes = lanes
    }

    /// Lowers each row's entry of `nearest` to its squared distance to centre `c` of a flat centre buffer when that is
    /// smaller. Four rows at a time, one per SIMD lane, each summed over the columns in order (bit-identical to
    /// ``squaredDistance(_:to:centre:)``).
    func lowerDistances(_ nearest: inout [Double], to centres: [Double], centre c: Int) {
        let columns = self.columns, rows = self.rows
        lanes.withUnsafeBufferPointer { l in
            centres.withUnsafeBufferPointer { q in
                nearest.withUnsafeMutableBufferPointer { out in
                    for g in 0..<((rows + 3) / 4) {
                        var sum = SIMD4<Double>.zero
                        let base = g * columns
                        for j in 0..<columns {
                            let d = l[base + j] - SIMD4<Double>(repeating: q[c * columns + j])
                            sum = sum + d * d
                        }
                        for lane in 0..<min(4, rows - g * 4) where sum[lane] < out[g * 4 + lane] {
                            out[g * 4 + lane] = sum[lane]
                        }
                    }
                }
            }
        }
    }

    func row(_ i: Int) -> ArraySlice<Double> { values[(i * columns)..<(i * columns + columns)] }

    /// Squared distance of row `i` to centre `c` of a flat centre buffer, summed over columns in order.
    @inline(__always)
    func squaredDistance(_ i: Int, to centres: [Double], centre c: Int) -> Double {
        values.withUnsafeBufferPointer { p in
            centres.withUnsafeBufferPointer { q in
                var s = 0.0
                let a = i * columns, b = c * columns
                for j in 0..<columns {
                    let d = p[a + j] - q[b + j]
                    s += d * d
                }
                return s
            }
        }
    }

}

/// Buffers reused across Lloyd iterations and restarts.
struct LloydWorkspace {
    var sums: [Double]
    var counts: [Int]
    var distances: [Double] = []
    /// The centres column by column, four centres per SIMD group (`blocks` groups, unused lanes zero).
    var transposed: [SIMD4<Double>]
    let k: Int
    let blocks: Int
    let columns: Int
    /// Squared distances of one point to every centre (`blocks × 4`).
    var scratch: [Double]

    init(k: Int, columns: Int) {
        self.k = k
        self.columns = columns
        blocks = (k + 3) / 4
        sums = [Double](repeating: 0, count: k * columns)
        counts = [Int](repeating: 0, count: k)
        transposed = [SIMD4<Double>](repeating: .zero, count: blocks * columns)
        scratch = [Double](repeating: 0, count: blocks * 4)
    }

    /// Lays out the flat centres for ``nearest(_:of:)``.
    mutating func transpose(_ centres: [Double], count: Int) {
        for b in 0..<blocks {
            for j in 0..<columns {
                var lanes = SIMD4<Double>.zero
                for lane in 0..<4 where b * 4 + lane < count { lanes[lane] = centres[(b * 4 + lane) * columns + j] }
                transposed[b * columns + j] = lanes
            }
        }
    }

    /// The first centre with the smallest squared distance to row `i` (NaN distances never win). Four distances are
    /// summed at once, one per SIMD lane, each over the columns in order: every lane adds exactly the terms, in
    /// exactly the order, of the scalar loop, so the distances are bit-identical to it.
    mutating func nearest(_ i: Int, of points: PointMatrix) -> Int {
        let columns = self.columns, blocks = self.blocks, k = self.k
        points.values.withUnsafeBufferPointer { p in
            transposed.withUnsafeBufferPointer { t in
                scratch.withUnsafeMutableBufferPointer { out in
                    let row = i * columns
                    for b in 0..<blocks {
                        var sum = SIMD4<Double>.zero
                        let base = b * columns
                        for j in 0..<columns {
                            let d = SIMD4<Double>(repeating: p[row + j]) - t[base + j]
                            sum = sum + d * d
                        }
                        out[b * 4] = sum[0]
                        out[b * 4 + 1] = sum[1]
                        out[b * 4 + 2] = sum[2]
                        out[b * 4 + 3] = sum[3]
                    }
                }
            }
        }
        var best = 0
        var bestDistance = Double.infinity
        for c in 0..<k where scratch[c] < bestDistance {
            best = c
            bestDistance = scratch[c]
        }
        return best
    }

    /// Each centre becomes the mean of its points (summed in point order); an empty cluster keeps its centre.
    mutating func updateCentres(_ centres: inout [Double], points: PointMatrix, assignments: [Int]) {
        let d = points.columns
        for i in sums.indices { sums[i] = 0 }
        for i in counts.indices { counts[i] = 0 }
        for (i, a) in assignments.enumerated() where a >= 0 {
            counts[a] += 1
            for j in 0..<d { sums[a * d + j] += points.values[i * d + j] }
        }
        for c in counts.indices where counts[c] > 0 {
            for j in 0..<d { centres[c * d + j] = sums[c * d + j] / Double(counts[c]) }
        }
    }
}
