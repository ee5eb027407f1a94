/// The allocator's per-channel response (`fx_objective`, `fx_gradient`; §6.3) and the response-curve point value.
///
/// `resp(x) = coef / (1 + (I/(x + c̄))^a)` with x the mean per-period spend, c̄ the window mean of the channel's
/// historical carryover input and I the stored inflexion.
package struct ResponseCurve: Sendable, Hashable, Codable {
    /// The channel's regression coefficient.
    package var coefficient: Double
    /// Hill α.
    package var alpha: Double
    /// The stored inflexion `γ·max(adstocked window)`.
    package var inflexion: Double
    /// Window mean of the historical carryover input (c̄).
    package var carryoverMean: Double

    /// Creates a response curve.
    /// - Parameters:
    ///   - coefficient: The channel's coefficient.
    ///   - alpha: Hill α.
    ///   - inflexion: The stored inflexion.
    ///   - carryoverMean: c̄, the window mean of the historical carryover.
    package init(coefficient: Double, alpha: Double, inflexion: Double, carryoverMean: Double) {
        self.coefficient = coefficient
        self.alpha = alpha
        self.inflexion = inflexion
        self.carryoverMean = carryoverMean
    }

    /// `coef / (1 + (I/(x + c̄))^a)`.
    /// - Parameter spend: Mean per-period spend x.
    /// - Returns: The response.
    package func response(at spend: Double) -> Double {
        coefficient / (1 + RCompat.pow(inflexion / (spend + carryoverMean), alpha))
    }

    /// `d resp/dx = coef·a·I^a·(x+c̄)^(a−1) / ((x+c̄)^a + I^a)²` (the allocator minimises the negative of this).
    /// - Parameter spend: Mean per-period spend x.
    /// - Returns: The marginal response.
    package func gradient(at spend: Double) -> Double {
        let level = spend + carryoverMean
        let inflexionPower = RCompat.pow(inflexion, alpha)
        let levelPower = RCompat.pow(level, alpha)
        let denominator = levelPower + inflexionPower
        return coefficient * alpha * inflexionPower * RCompat.pow(level, alpha - 1) / (denominator * denominator)
    }
}
