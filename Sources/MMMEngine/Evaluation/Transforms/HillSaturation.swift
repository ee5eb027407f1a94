/// Robyn 3.12 Hill saturation: `hill(v) = v^a / (v^a + I^a)` with inflexion `I = γ·max(x)`.
package enum HillSaturation {
    /// The inflexion `γ · max(x)` (NaN if x is empty or contains NaN, as R's `max`).
    /// - Parameters:
    ///   - x: The series the inflexion is taken from (in the model: the adstocked window).
    ///   - gamma: γ in (0, 1].
    /// - Returns: The inflexion point.
    package static func inflexion(of x: [Double], gamma: Double) -> Double {
        x.withUnsafeBufferPointer { inflexion(of: $0, gamma: gamma) }
    }

    /// Saturates `x` with its own inflexion (`saturation_hill(x, alpha, gamma)`).
    /// - Parameters:
    ///   - x: The series.
    ///   - alpha: Shape α.
    ///   - gamma: Inflexion share γ.
    /// - Returns: The saturated values and the inflexion.
    package static func saturate(_ x: [Double], alpha: Double, gamma: Double) -> (values: [Double], inflexion: Double) {
        let inflexion = inflexion(of: x, gamma: gamma)
        return (saturate(x, alpha: alpha, inflexion: inflexion), inflexion)
    }

    /// Evaluates the curve at other points with a given inflexion (`x_marginal`).
    /// - Parameters:
    ///   - values: Points to evaluate.
    ///   - alpha: Shape α.
    ///   - inflexion: The inflexion, normally taken from the adstocked window.
    /// - Returns: `v^a / (v^a + I^a)` for each point.
    package static func saturate(_ values: [Double], alpha: Double, inflexion: Double) -> [Double] {
        let inflexionPower = RCompat.pow(inflexion, alpha)
        return values.map { value(of: $0, alpha: alpha, inflexionPower: inflexionPower) }
    }

    /// One Hill value given a precomputed `I^a`.
    @inline(__always)
    static func value(of v: Double, alpha: Double, inflexionPower: Double) -> Double {
        let power = RCompat.pow(v, alpha)
        return power / (power + inflexionPower)
    }

    @inline(__always)
    static func inflexion(of x: UnsafeBufferPointer<Double>, gamma: Double) -> Double {
        guard var maximum = x.first else { return .nan }
        for value in x {
            if value.isNaN { return .nan }
            if value > maximum { maximum = value }
        }
        return maximum * gamma
    }
}
