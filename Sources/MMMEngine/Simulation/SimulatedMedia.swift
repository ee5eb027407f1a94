import MMMCore

/// One media variable's true transformation and effect.
struct SimulatedMedia {
    /// The modelled variable and its spend column (nil for organic).
    var variable: String
    var spendColumn: String?
    var placebo = false
    /// Σ spend over the window (paid only).
    var spendTotal = 0.0
    /// Robyn-named true parameters (`thetas` | `shapes`, `scales`; `alphas`, `gammas`).
    var hyperparameters: [String: Double]
    /// The coefficient and the Hill inflexion.
    var coefficient: Double
    var inflexion: Double
    /// Adstocked series over all rows, and Hill of it with the window's inflexion.
    var adstocked: [Double]
    var saturated: [Double]

    /// Contribution per row.
    var contribution: [Double] { saturated.map { coefficient * $0 } }

    /// The adstock parameters of these hyperparameters.
    func adstockParameters(_ type: AdstockType) -> AdstockParameters {
        type == .geometric
            ? .geometric(theta: hyperparameters["thetas"] ?? 0)
            : .weibull(shape: hyperparameters["shapes"] ?? 0, scale: hyperparameters["scales"] ?? 0)
    }

    /// Transforms a raw series as Robyn's model does: adstock over all rows, Hill with I = γ·max over the window.
    /// - Throws: ``SimulationError`` when the series is 0 over the whole window.
    static func transform(
        variable: String, spendColumn: String?, raw: [Double], type: AdstockType, hyperparameters: [String: Double],
        window: Range<Int>
    ) throws -> SimulatedMedia {
        var media = SimulatedMedia(
            variable: variable, spendColumn: spendColumn, hyperparameters: hyperparameters, coefficient: 0, inflexion: 0,
            adstocked: [], saturated: [])
        media.adstocked = try Adstock.transform(raw, type: type, parameters: media.adstockParameters(type)).decayed
        let inflexion = HillSaturation.inflexion(of: Array(media.adstocked[window]), gamma: hyperparameters["gammas"] ?? 1)
        guard inflexion > 0, inflexion.isFinite else {
            throw SimulationError("'\(variable)' is 0 over the whole modelling window; it cannot carry an effect")
        }
        media.inflexion = inflexion
        media.saturated = HillSaturation.saturate(media.adstocked, alpha: hyperparameters["alphas"] ?? 1, inflexion: inflexion)
        return media
    }

    /// True parameters: fixed ones from the options (keyed `<var>_<kind>` or `<spend>_<kind>`), the rest drawn
    /// uniformly inside the configured bounds.
    static func hyperparameters(
        variable: String, spendColumn: String?, bounds: ChannelBounds, type: AdstockType,
        fixed: [String: Double], rng: inout CounterRNG
    ) throws -> [String: Double] {
        var values: [String: Double] = [:]
        for kind in HyperparameterKind.kinds(for: type) {
            let draw = rng.uniform()
            let given = fixed["\(variable)_\(kind.rawValue)"] ?? spendColumn.flatMap { fixed["\($0)_\(kind.rawValue)"] }
            if let given {
                guard kind.allows(given) else {
                    throw SimulationError("\(variable)_\(kind.rawValue) \(NumberFormatting.shortest(given)) is outside Robyn's limits (\(kind.limitsText))")
                }
                values[kind.rawValue] = given
            } else if let bound = bounds[kind] {
                values[kind.rawValue] = bound.value(at: draw)
            }
        }
        return values
    }
}
