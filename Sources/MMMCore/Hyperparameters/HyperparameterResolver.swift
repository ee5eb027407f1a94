/// Turns a preset plus `custom_hyperparameters` into the final bounds of every modelled variable.
///
/// Order of precedence (later wins): the preset's bound for the variable; a global `<kind>_min` / `<kind>_max` key
/// (replaces that end for every variable); a per-variable `<var>_<kind>` key (`[low, high]` or a fixed number). A
/// per-variable key may name a media var or its spend column (Robyn renames spend-keyed entries to the var).
public enum HyperparameterResolver {
    /// Resolves bounds.
    /// - Parameters:
    ///   - preset: the named preset.
    ///   - custom: `custom_hyperparameters` entries.
    ///   - adstock: decides which kinds exist (thetas, or shapes and scales).
    ///   - variables: modelled variable names (paid media vars, then organic vars).
    ///   - spendAliases: spend column → media var, for spend-keyed entries.
    /// - Returns: bounds per variable.
    /// - Throws: ``ConfigError`` for an unknown variable or kind, a kind that does not exist for the adstock, or a
    ///   bound outside Robyn's hard limits.
    public static func resolve(
        preset: HyperparameterPreset, custom: [String: ParameterBound], adstock: AdstockType, variables: [String],
        spendAliases: [String: String] = [:]
    ) throws -> [String: ChannelBounds] {
        let kinds = HyperparameterKind.kinds(for: adstock)
        var result: [String: ChannelBounds] = [:]
        for variable in variables {
            result[variable] = HyperparameterPresets.bounds(preset: preset, adstock: adstock, variable: variable)
        }
        var perVariable: [(variable: String, kind: HyperparameterKind, bound: ParameterBound, key: String)] = []
        for key in custom.keys.sorted() {
            guard let bound = custom[key] else { continue }
            let path = "$.custom_hyperparameters.\(key)"
            if key == lambdaKey {
                guard bound.lower >= 0, bound.upper <= 1 else {
                    throw ConfigError(path: path, "lambda is Robyn's normalised penalty; its bound must lie in [0, 1]")
                }
                continue
            }
            if let (kind, end) = globalKey(key) {
                guard kinds.contains(kind) else { throw unusedKind(kind, adstock: adstock, path: path) }
                guard bound.isFixed else { throw ConfigError(path: path, "expected a single number") }
                guard kind.allows(bound.lower) else {
                    throw ConfigError(path: path, "\(bound) is outside Robyn's limits (\(kind.limitsText))")
                }
                for variable in variables {
                    guard var current = result[variable]?[kind] else { continue }
                    if end == "min" { current.lower = bound.lower } else { current.upper = bound.lower }
                    result[variable]?[kind] = current
                }
                continue
            }
            guard let kind = HyperparameterKind.allCases.first(where: { key.hasSuffix("_" + $0.rawValue) }) else {
                throw ConfigError(
                    path: path,
                    "unknown key; use <variable>_<alphas|gammas|thetas|shapes|scales>, <kind>_min / <kind>_max, or lambda")
            }
            let name = String(key.dropLast(kind.rawValue.count + 1))
            guard let variable = variables.contains(name) ? name : spendAliases[name] else {
                throw ConfigError(
                    path: path,
                    "'\(name)' is not a modelled variable (modelled: \(variables.joined(separator: ", ")))")
            }
            guard kinds.contains(kind) else { throw unusedKind(kind, adstock: adstock, path: path) }
            perVariable.append((variable, kind, bound, key))
        }
        for entry in perVariable {
            try entry.kind.validate(entry.bound, path: "$.custom_hyperparameters.\(entry.key)")
            result[entry.variable]?[entry.kind] = entry.bound
        }
        for variable in variables {
            guard let bounds = result[variable] else { continue }
            for kind in kinds {
                guard let bound = bounds[kind] else { continue }
                guard bound.lower <= bound.upper else {
                    throw ConfigError(
                        path: "$.custom_hyperparameters",
                        "\(variable) \(kind.rawValue): low bound \(NumberFormatting.shortest(bound.lower)) exceeds high bound \(NumberFormatting.shortest(bound.upper))"
                    )
                }
                try kind.validate(bound, path: "$.custom_hyperparameters")
            }
        }
        return result
    }

    /// The key of the ridge penalty's bound (Robyn's normalised `lambda`, default [0, 1]).
    public static let lambdaKey = "lambda"

    /// The bound of Robyn's normalised ridge penalty: `custom_hyperparameters.lambda`, else [0, 1].
    public static func lambdaBound(_ custom: [String: ParameterBound]) -> ParameterBound {
        custom[lambdaKey] ?? ParameterBound(0, 1)
    }

    /// A bound for a kind the adstock does not use, with the two ways out.
    private static func unusedKind(_ kind: HyperparameterKind, adstock: AdstockType, path: String) -> ConfigError {
        let other: AdstockType = kind == .thetas ? .geometric : .weibullCDF
        return ConfigError(
            path: path,
            "'\(kind.rawValue)' is not used by \(adstock.rawValue) adstock; remove this key, or set adstock to \(other.rawValue)\(kind == .thetas ? "" : " or weibull_pdf")")
    }

    private static func globalKey(_ key: String) -> (HyperparameterKind, String)? {
        for kind in HyperparameterKind.allCases {
            if key == kind.rawValue + "_min" { return (kind, "min") }
            if key == kind.rawValue + "_max" { return (kind, "max") }
        }
        return nil
    }
}
