/// DECOMP.RSSD, Robyn's business-logic error (§5.2), for an initial (non-refresh) model.
package struct DecompRSSD: Sendable, Equatable {
    /// Effect share of each paid channel (0 for all when every paid effect is 0, as Robyn resets it).
    package var effectShare: [Double]
    /// Spend share of each paid channel.
    package var spendShare: [Double]
    /// Share of channels whose `round(effect_share, 4) == 0`.
    package var shareZeroEffect: Double
    /// `sqrt(Σ (effect − spend)²)` without the zero-effect penalty (Inf if undefined).
    package var withoutPenalty: Double
    /// The objective value: with the zero-effect penalty if requested (Inf when all paid effects are 0).
    package var value: Double

    /// Computes DECOMP.RSSD from the paid channels' effects and spends.
    /// - Parameters:
    ///   - effects: `xDecompPerc` (or equivalently `xDecompAgg`) of each paid channel.
    ///   - spends: Window total spend of each paid channel.
    ///   - zeroPenalty: Robyn's `rssd_zero_penalty` (default true): multiply by `1 + share_0eff`.
    package init(effects: [Double], spends: [Double], zeroPenalty: Bool = true) {
        let effectTotal = effects.reduce(0, +)
        let spendTotal = spends.reduce(0, +)
        var effectShare = effects.map { $0 / effectTotal }
        let spendShare = spends.map { $0 / spendTotal }
        var squares = 0.0
        var zeros = 0
        for (effect, spend) in zip(effectShare, spendShare) {
            squares += (effect - spend) * (effect - spend)
            if RCompat.round(effect, digits: 4) == 0 { zeros += 1 }
        }
        let plain = squares.squareRoot()
        let share = effects.isEmpty ? .nan : Double(zeros) / Double(effects.count)
        var value = zeroPenalty ? plain * (1 + share) : plain
        if value.isNaN {
            // All paid coefficients 0: shares are 0/0; Robyn reports Inf and resets the effect shares to 0.
            value = .infinity
            effectShare = effectShare.map { _ in 0 }
        }
        self.effectShare = effectShare
        self.spendShare = spendShare
        self.shareZeroEffect = share
        self.withoutPenalty = plain.isNaN ? .infinity : plain
        self.value = value
    }
}
