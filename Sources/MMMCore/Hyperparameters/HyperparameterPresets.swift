/// The bound tables behind each ``HyperparameterPreset`` (reference-system §4.4; Robyn `set_default_hyppar()`).
///
/// Variable-specific rows (`ORGANIC_TRAFFIC`, `TV_COST`, `PARTNERSHIP_COSTS`) match the variable name
/// case-insensitively, as the previous system's R code did after upper-casing every column.
public enum HyperparameterPresets {
    private static func b(_ lower: Double, _ upper: Double) -> ParameterBound { ParameterBound(lower, upper) }

    /// Default bounds of one variable under a preset.
    public static func bounds(
        preset: HyperparameterPreset, adstock: AdstockType, variable: String
    ) -> ChannelBounds {
        let name = variable.uppercased()
        if adstock != .geometric {
            switch preset {
            case .facebookRecommend:
                return ChannelBounds(alphas: b(0.5, 3), gammas: b(0.3, 1), shapes: b(0.0001, 2), scales: b(0, 0.1))
            case .robynDefault:
                return ChannelBounds(alphas: b(0.5, 3), gammas: b(0.01, 1), shapes: b(0, 10), scales: b(0, 0.1))
            case .meshedRecommend, .custom:
                return ChannelBounds(alphas: b(0.5, 3), gammas: b(0.3, 1), shapes: b(0.5, 2.5), scales: b(0.001, 0.15))
            }
        }
        switch preset {
        case .facebookRecommend:
            let theta = name == "TV_COST" ? b(0.3, 0.8) : b(0, 0.3)
            return ChannelBounds(alphas: b(0.5, 3), gammas: b(0.3, 1), thetas: theta)
        case .meshedRecommend:
            switch name {
            case "ORGANIC_TRAFFIC": return ChannelBounds(alphas: b(0.5, 2.0), gammas: b(0.3, 0.7), thetas: b(0.9, 0.99))
            case "TV_COST": return ChannelBounds(alphas: b(0.8, 2.2), gammas: b(0.6, 0.99), thetas: b(0.7, 0.95))
            case "PARTNERSHIP_COSTS":
                return ChannelBounds(alphas: b(0.65, 2.25), gammas: b(0.45, 0.875), thetas: b(0.3, 0.625))
            default: return ChannelBounds(alphas: b(1.0, 3.0), gammas: b(0.6, 0.9), thetas: b(0.1, 0.4))
            }
        case .robynDefault:
            return ChannelBounds(alphas: b(0.5, 3), gammas: b(0.01, 1), thetas: b(0, 0.8))
        case .custom:
            return ChannelBounds(alphas: b(1, 3), gammas: b(0.6, 0.9), thetas: b(0.1, 0.4))
        }
    }
}
