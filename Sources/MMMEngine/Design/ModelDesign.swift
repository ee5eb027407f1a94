/// The sign constraint of a coefficient (`*_signs` in Robyn).
package enum CoefficientSign: String, Sendable, Hashable, Codable, CaseIterable {
    /// Unbounded: (−∞, +∞).
    case `default`
    /// [0, +∞).
    case positive
    /// (−∞, 0].
    case negative

    var limits: (lower: Double, upper: Double) {
        switch self {
        case .default: return (-.infinity, .infinity)
        case .positive: return (0, .infinity)
        case .negative: return (-.infinity, 0)
        }
    }
}

/// What a regressor column is, which fixes its transformation and its coefficient bounds (§3.6).
package enum RegressorRole: Sendable, Hashable {
    /// A Prophet-like baseline term (trend, season, holiday, weekday, monthly): bounds [0, 1], untransformed.
    /// The trend term flips to [−1, 0] when its sum over the training rows is negative.
    case baseline(isTrend: Bool)
    /// A context variable: untransformed, bounded by its sign.
    case context(sign: CoefficientSign)
    /// A paid media channel (its selected name is the regressor name): adstock + Hill, counted in DECOMP.RSSD.
    /// - `spendName`: the spend column's name (e.g. `facebook_S` for `facebook_I`).
    /// - `spend`: the raw spend column over all rows; its window sum gives spend shares and ROI.
    case paidMedia(spendName: String, spend: [Double], sign: CoefficientSign)
    /// An organic variable: adstock + Hill like paid media, excluded from DECOMP.RSSD and spend fields.
    case organic(sign: CoefficientSign)

    /// Whether the column is adstocked and saturated.
    package var isMedia: Bool {
        switch self {
        case .paidMedia, .organic: return true
        case .baseline, .context: return false
        }
    }
}

/// One column of the modelling table `dt_mod`.
package struct Regressor: Sendable, Hashable {
    /// Column name (for media: the selected name, e.g. `facebook_I`).
    package var name: String
    /// Values over all n rows, untransformed (exposures already in spend units).
    package var values: [Double]
    /// The column's role.
    package var role: RegressorRole

    /// Creates a regressor.
    /// - Parameters:
    ///   - name: Column name.
    ///   - values: Values over all rows.
    ///   - role: The column's role.
    package init(name: String, values: [Double], role: RegressorRole) {
        self.name = name
        self.values = values
        self.role = role
    }
}

/// The prepared model data: `dt_mod` without `ds`, in Robyn's column order, plus the modelling window.
package struct ModelDesign: Sendable, Hashable {
    /// `dep_var` over all n rows.
    package let dependent: [Double]
    /// Regressors in `dt_mod` order (baseline, context, paid media, organic); this is the coefficient order.
    package let regressors: [Regressor]
    /// Modelling window rows, 0-based half-open (Robyn: `rollingWindowStartWhich − 1 ..< rollingWindowEndWhich`).
    package let window: Range<Int>

    /// Validates and stores the design.
    /// - Parameters:
    ///   - dependent: `dep_var` over all rows.
    ///   - regressors: Columns in `dt_mod` order.
    ///   - window: The modelling window, 0-based half-open.
    /// - Throws: `EngineError` for mismatched lengths, a bad window, duplicate names, non-finite values, negative
    ///   media values, or a media variable that is zero over the whole window.
    package init(dependent: [Double], regressors: [Regressor], window: Range<Int>) throws(EngineError) {
        let n = dependent.count
        guard !window.isEmpty, window.lowerBound >= 0, window.upperBound <= n else {
            throw EngineError(.invalidWindow, "Window rows \(window) must be non-empty and inside 0..<\(n).")
        }
        guard !regressors.isEmpty else {
            throw EngineError(.invalidHyperparameters, "The design needs at least one regressor.")
        }
        guard dependent.allSatisfy(\.isFinite) else {
            throw EngineError(.nonFiniteValue, "The dependent variable contains NaN or infinite values.")
        }
        var seen: Set<String> = ["(Intercept)"]
        for regressor in regressors {
            guard seen.insert(regressor.name).inserted else {
                throw EngineError(.duplicateName, "Regressor name '\(regressor.name)' is duplicated or reserved.")
            }
            try Self.check(regressor.values, name: regressor.name, rows: n)
            if case .paidMedia(let spendName, let spend, _) = regressor.role {
                try Self.check(spend, name: spendName, rows: n)
            }
            if regressor.role.isMedia, regressor.values.contains(where: { $0 < 0 }) {
                // Robyn requires paid media ≥ 0; a negative adstock would make Hill's power NaN for organic too.
                throw EngineError(.nonFiniteValue, "Media variable '\(regressor.name)' has negative values.")
            }
            if regressor.role.isMedia, regressor.values[window].allSatisfy({ $0 == 0 }) {
                throw EngineError(
                    .mediaZeroInWindow, "Media variable '\(regressor.name)' is 0 on every row of the window.")
            }
        }
        self.dependent = dependent
        self.regressors = regressors
        self.window = window
    }

    private static func check(_ values: [Double], name: String, rows: Int) throws(EngineError) {
        guard values.count == rows else {
            throw EngineError(.lengthMismatch, "Column '\(name)' has \(values.count) rows; expected \(rows).")
        }
        guard values.allSatisfy(\.isFinite) else {
            throw EngineError(.nonFiniteValue, "Column '\(name)' contains NaN or infinite values.")
        }
    }

    /// Total rows n (all of `dt_mod`).
    package var rowCount: Int { dependent.count }
    /// Regressor names in coefficient order.
    package var regressorNames: [String] { regressors.map(\.name) }
    /// Media and organic names (Robyn's `all_media`) in design order; hyperparameters follow this order.
    package var mediaNames: [String] { regressors.filter(\.role.isMedia).map(\.name) }
    /// Paid media selected names in design order.
    package var paidMediaNames: [String] {
        regressors.compactMap { if case .paidMedia = $0.role { return $0.name } else { return nil } }
    }

    /// The per-trial lambda range from this design's raw columns over all rows (Robyn's `lambda_seq`).
    package var lambdaRange: LambdaRange {
        LambdaRange(columns: regressors.map(\.values), dependent: dependent)
    }
}
