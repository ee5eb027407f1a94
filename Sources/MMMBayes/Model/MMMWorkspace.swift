/// One channel's saturated window rows and their partial derivatives, lane by lane (structure of arrays).
struct ChannelState {
    /// h_t over the window.
    var saturated: [Double]
    /// `partials[lane · rows + t]` = ∂h_t / ∂(unconstrained transform parameter `lane`).
    var partials: [Double]
    /// Number of transform parameters.
    let lanes: Int
    /// Window rows.
    let rows: Int

    init(windowRows: Int, lanes: Int) {
        saturated = Array(repeating: 0, count: windowRows)
        partials = Array(repeating: 0, count: windowRows * lanes)
        self.lanes = lanes
        rows = windowRows
    }

    /// Accumulates [Σ f·w_t·h_t, Σ f·w_t·∂h_t/∂lane …] over `rows` (w = 1 when `weights` is nil).
    func weightedSums(_ weights: [Double]?, rows range: Range<Int>, factor: Double, into sums: inout [Double], reset: Bool) {
        if reset { for i in sums.indices { sums[i] = 0 } }
        saturated.withUnsafeBufferPointer { h in
            partials.withUnsafeBufferPointer { d in
                for t in range {
                    let w = factor * (weights?[t] ?? 1)
                    sums[0] += w * h[t]
                    for lane in 0..<lanes { sums[lane + 1] += w * d[lane * rows + t] }
                }
            }
        }
    }
}

/// Scratch memory for one chain's gradient evaluations, so an evaluation allocates nothing.
/// A struct (passed `inout`), so its accesses are checked statically rather than at run time.
public struct MMMWorkspace {
    /// Per channel: saturated values and partials.
    var states: [ChannelState]
    /// Per channel: the transform kernel's scratch.
    var kernels: [ChannelKernel]
    /// Per channel: β (scaled units).
    var betas: [Double]
    /// Per channel: H = Σ saturation over the window.
    var totals: [Double]
    /// Per channel: [A, G_lane…], the weighted sums of the saturation and its partials.
    var sums: [[Double]]
    /// The linear predictor over the window.
    var mu: [Double]
    /// ∂ log-likelihood / ∂ μ_t.
    var weights: [Double]
    /// Per channel: the carry-in term of the current immediate-scope lift study and its partials.
    var carryValues: [Double]
    var carryPartials: [SIMD4<Double>]
    /// Per channel: the transform parameters in the kernel's coordinates, and d(kernel coordinate) / d(sampler
    /// coordinate), per lane (``NativeLane``).
    var laneValues: [SIMD4<Double>]
    var laneSlopes: [SIMD4<Double>]

    init(_ model: MMMPosterior) {
        let rows = model.window.count
        states = model.channels.map { ChannelState(windowRows: rows, lanes: $0.transformPriors.count) }
        kernels = model.media.map { ChannelKernel(rows: $0.count) }
        betas = Array(repeating: 0, count: model.channels.count)
        totals = betas
        sums = model.channels.map { Array(repeating: 0, count: $0.transformPriors.count + 1) }
        mu = Array(repeating: 0, count: rows)
        weights = Array(repeating: 0, count: rows)
        carryValues = betas
        carryPartials = Array(repeating: .zero, count: model.channels.count)
        laneValues = Array(repeating: .zero, count: model.channels.count)
        laneSlopes = Array(repeating: SIMD4(repeating: 1), count: model.channels.count)
    }
}
