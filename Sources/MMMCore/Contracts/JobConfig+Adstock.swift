extension JobConfig {
    /// This configuration with another adstock type, as a flag (`--adstock`) or a benchmark dimension asks for it.
    ///
    /// Bounds in `custom_hyperparameters` that the new adstock does not use (thetas for Weibull; shapes and scales for
    /// geometric) are dropped, each named in a note; the new adstock's bounds come from the preset. A configuration
    /// file that mixes them explicitly stays an error (``validate()``), because there the user wrote both.
    /// - Parameters:
    ///   - adstock: the new adstock type.
    ///   - origin: who asked, for the note (e.g. `--adstock weibull_cdf`).
    /// - Returns: the configuration and the notes (none when nothing changed).
    public func overridingAdstock(_ adstock: AdstockType, origin: String) -> (config: JobConfig, notes: [Diagnostic]) {
        guard adstock != self.adstock else { return (self, []) }
        var copy = self
        copy.adstock = adstock
        let used = Set(HyperparameterKind.kinds(for: adstock))
        let dropped = customHyperparameters.keys.sorted().filter { key in
            guard let kind = HyperparameterKind.allCases.first(where: {
                key.hasSuffix("_" + $0.rawValue) || key == $0.rawValue + "_min" || key == $0.rawValue + "_max"
            }) else { return false }
            return !used.contains(kind)
        }
        for key in dropped { copy.customHyperparameters.removeValue(forKey: key) }
        guard !dropped.isEmpty else { return (copy, []) }
        let newKinds = HyperparameterKind.kinds(for: adstock).filter { $0 != .alphas && $0 != .gammas }
            .map(\.rawValue).joined(separator: " and ")
        return (
            copy,
            [
                .note(
                    "adstock_bounds_dropped",
                    "\(origin): dropped custom_hyperparameters \(dropped.joined(separator: ", ")) (not used by \(adstock.rawValue) adstock); \(newKinds) come from the preset '\(hyperparameterPreset.rawValue)'",
                    path: "$.custom_hyperparameters")
            ]
        )
    }
}
