/// Stan's windowed warm-up schedule with diagonal-metric estimation (`windowed_adaptation` + `var_adaptation`):
/// a fast initial buffer (step size only), slow windows that double in length and each end with a new metric
/// estimate, and a fast terminal buffer.
struct MetricAdaptation {
    let warmup: Int
    private(set) var initBuffer: Int
    private(set) var termBuffer: Int
    private(set) var baseWindow: Int
    private var counter = 0
    private var windowSize: Int
    private var nextWindow: Int
    private var estimator: WelfordVariance

    init(options: NUTSOptions, dimension: Int) {
        warmup = options.warmup
        (initBuffer, termBuffer, baseWindow) = (options.initBuffer, options.termBuffer, options.baseWindow)
        // Stan: too short a warm-up for the defaults gets 15 % / 75 % / 10 % windows.
        if warmup >= 20, initBuffer + baseWindow + termBuffer > warmup {
            initBuffer = Int(0.15 * Double(warmup))
            termBuffer = Int(0.1 * Double(warmup))
            baseWindow = warmup - (initBuffer + termBuffer)
        }
        windowSize = baseWindow
        nextWindow = initBuffer + baseWindow - 1
        estimator = WelfordVariance(dimension: dimension)
    }

    /// Whether any adaptation happens (Stan adapts nothing below 20 warm-up iterations).
    var isActive: Bool { warmup >= 20 }

    private var inSlowWindow: Bool {
        counter >= initBuffer && counter < warmup - termBuffer && counter != warmup
    }

    private var atWindowEnd: Bool { counter == nextWindow && counter != warmup }

    private mutating func computeNextWindow() {
        if nextWindow == warmup - termBuffer - 1 { return }
        windowSize *= 2
        nextWindow = counter + windowSize
        if nextWindow != warmup - termBuffer - 1, nextWindow + 2 * windowSize >= warmup - termBuffer {
            // Stretch the last slow window to the terminal buffer rather than leave a short one.
            nextWindow = warmup - termBuffer - 1
        }
    }

    /// Records one warm-up position; at the end of a slow window writes the regularised variance estimate.
    /// - Parameters:
    ///   - inverseMetric: Updated in place when a window ends.
    ///   - q: The position after this iteration.
    /// - Returns: Whether the metric changed (the caller then re-initialises the step size).
    mutating func learn(_ inverseMetric: inout [Double], q: [Double]) -> Bool {
        if inSlowWindow { estimator.add(q) }
        if atWindowEnd {
            computeNextWindow()
            let n = Double(estimator.count)
            // Stan keeps the current metric when a window holds fewer than two draws.
            let variance = estimator.count > 1 ? estimator.sampleVariance() : inverseMetric
            // Shrink toward 1e-3·I as Stan does: (n / (n + 5))·var + 1e-3·(5 / (n + 5)).
            for i in inverseMetric.indices { inverseMetric[i] = (n / (n + 5)) * variance[i] + 1e-3 * (5 / (n + 5)) }
            estimator.restart()
            counter += 1
            return true
        }
        counter += 1
        return false
    }
}

/// Welford's streaming mean and variance, per coordinate.
struct WelfordVariance {
    private(set) var count = 0
    private var mean: [Double]
    private var m2: [Double]

    init(dimension: Int) {
        mean = Array(repeating: 0, count: dimension)
        m2 = Array(repeating: 0, count: dimension)
    }

    mutating func restart() {
        count = 0
        Vector.zero(&mean)
        Vector.zero(&m2)
    }

    mutating func add(_ q: [Double]) {
        count += 1
        for i in q.indices {
            let delta = q[i] - mean[i]
            mean[i] += delta / Double(count)
            m2[i] += (q[i] - mean[i]) * delta
        }
    }

    /// The unbiased sample variance (needs at least two samples).
    func sampleVariance() -> [Double] {
        m2.map { $0 / Double(count - 1) }
    }
}
