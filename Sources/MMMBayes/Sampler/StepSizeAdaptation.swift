import Foundation

/// Nesterov dual averaging of log ε toward a target acceptance statistic (Hoffman & Gelman 2014, Algorithm 5;
/// Stan's `stepsize_adaptation`).
struct StepSizeAdaptation {
    /// The shrinkage point, log(10·ε₀).
    var mu: Double
    let delta: Double
    let gamma: Double
    let kappa: Double
    let t0: Double
    private var counter = 0.0
    private var sBar = 0.0
    private var xBar = 0.0

    init(mu: Double, options: NUTSOptions) {
        self.mu = mu
        delta = options.targetAccept
        gamma = options.adaptGamma
        kappa = options.adaptKappa
        t0 = options.adaptT0
    }

    /// Starts a new averaging run (after each metric update).
    mutating func restart() {
        counter = 0
        sBar = 0
        xBar = 0
    }

    /// One dual-averaging update from the transition's acceptance statistic.
    /// - Parameters:
    ///   - epsilon: The step size, updated in place.
    ///   - acceptStat: The last transition's mean acceptance probability.
    mutating func learn(_ epsilon: inout Double, acceptStat: Double) {
        counter += 1
        let accept = Swift.min(1, acceptStat)
        let eta = 1 / (counter + t0)
        sBar = (1 - eta) * sBar + eta * (delta - accept)
        let x = mu - sBar * counter.squareRoot() / gamma
        let xEta = Foundation.pow(counter, -kappa)
        xBar = (1 - xEta) * xBar + xEta * x
        epsilon = Foundation.exp(x)
    }

    /// The final step size: exp of the averaged iterate.
    /// - Parameter epsilon: Set to exp(x̄).
    func complete(_ epsilon: inout Double) {
        epsilon = Foundation.exp(xBar)
    }
}
