import Foundation

/// The fast kernel (``ChannelKernel``) differentiates in fixed coordinates per transform parameter: log for the
/// positive ones (Weibull k, Hill α) and logit for those in (0, 1) (decay θ, Weibull s, Hill γ). A prior on a bounded
/// interval is sampled on the interval's own logit instead, so its coordinate v is mapped to the kernel's and the
/// kernel's partials are multiplied by d(kernel coordinate)/dv (the chain rule, once per channel and lane).
enum NativeLane {
    /// log x.
    case log
    /// logit x = log x − log(1 − x).
    case logit

    /// The kernel coordinate and its slope at the sampler's coordinate `v` of a parameter with this `support`.
    /// - Parameters:
    ///   - v: The unconstrained value the sampler moves.
    ///   - support: The parameter prior's support (validation guarantees it is this lane's own, or an interval
    ///     inside it).
    /// - Returns: (kernel coordinate, d kernel coordinate / dv).
    func map(_ v: Double, support: Support) -> (value: Double, slope: Double) {
        guard case .interval(let lower, let upper) = support else { return (v, 1) }
        // x = lower + w·z with z = logistic(v). log z and log(1 − z) as softplus keep the far tails exact; a bound
        // at 0 (or at 1 for a logit lane) is handled in those logs rather than by subtracting rounded numbers.
        let width = upper - lower
        let z = SpecialFunctions.logistic(v)
        let logZ = -SpecialFunctions.softplus(-v)
        let logOneMinusZ = -SpecialFunctions.softplus(v)
        let zSlope = Foundation.exp(logZ + logOneMinusZ)  // z(1 − z)
        let logX: Double
        let dLogX: Double
        if lower == 0 {
            logX = Foundation.log(width) + logZ
            dLogX = 1 - z
        } else {
            let x = lower + width * z
            logX = Foundation.log(x)
            dLogX = width * zSlope / x
        }
        switch self {
        case .log: return (logX, dLogX)
        case .logit:
            let logOneMinusX: Double
            let dLogOneMinusX: Double
            if upper == 1 {
                logOneMinusX = Foundation.log(width) + logOneMinusZ
                dLogOneMinusX = -z
            } else {
                let rest = (1 - lower) - width * z
                logOneMinusX = Foundation.log(rest)
                dLogOneMinusX = -width * zSlope / rest
            }
            return (logX - logOneMinusX, dLogX - dLogOneMinusX)
        }
    }
}
