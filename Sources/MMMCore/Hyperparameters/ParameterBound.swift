/// A hyperparameter's search interval `[lower, upper]`, or a fixed value when both are equal.
public struct ParameterBound: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Lower end (inclusive).
    public var lower: Double
    /// Upper end (inclusive).
    public var upper: Double

    /// Creates a bound; callers validate with ``HyperparameterKind/validate(_:path:)``.
    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// A fixed value.
    public init(fixed value: Double) { self.init(value, value) }

    /// Whether the value is fixed rather than searched.
    public var isFixed: Bool { lower == upper }

    /// Maps a unit-interval sample onto the bound (Robyn's uniform quantile `lower + u·(upper − lower)`).
    public func value(at unit: Double) -> Double { lower + unit * (upper - lower) }

    public var description: String {
        isFixed ? NumberFormatting.shortest(lower)
            : "[\(NumberFormatting.shortest(lower)), \(NumberFormatting.shortest(upper))]"
    }

    /// Decodes `[low, high]`, `[value]` or a bare number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Double.self) {
            self.init(fixed: value)
            return
        }
        guard let list = try? container.decode([Double].self), (1...2).contains(list.count) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected [low, high] or a single number")
        }
        guard list[0] <= list[list.count - 1] else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "low bound exceeds high bound")
        }
        self.init(list[0], list[list.count - 1])
    }

    /// Encodes as `[low, high]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode([lower, upper])
    }
}

/// The per-variable hyperparameters Robyn searches.
public enum HyperparameterKind: String, Sendable, CaseIterable, Codable {
    case thetas, alphas, gammas, shapes, scales

    /// The kinds used with an adstock type, in Robyn's naming.
    public static func kinds(for adstock: AdstockType) -> [HyperparameterKind] {
        adstock == .geometric ? [.alphas, .gammas, .thetas] : [.alphas, .gammas, .shapes, .scales]
    }

    /// Robyn's hard limits (`hyper_limits()`), as text for messages.
    public var limitsText: String {
        switch self {
        case .thetas: return "0 ≤ theta < 1"
        case .alphas: return "0 < alpha < 10"
        case .gammas: return "0 < gamma ≤ 1"
        case .shapes: return "0 ≤ shape < 20"
        case .scales: return "0 ≤ scale ≤ 1"
        }
    }

    /// Whether a value respects Robyn's hard limits.
    public func allows(_ v: Double) -> Bool {
        guard v.isFinite else { return false }
        switch self {
        case .thetas: return v >= 0 && v < 1
        case .alphas: return v > 0 && v < 10
        case .gammas: return v > 0 && v <= 1
        case .shapes: return v >= 0 && v < 20
        case .scales: return v >= 0 && v <= 1
        }
    }

    /// Throws a ``ConfigError`` at `path` if either end of `bound` breaks the hard limits.
    public func validate(_ bound: ParameterBound, path: String) throws {
        guard allows(bound.lower), allows(bound.upper) else {
            throw ConfigError(path: path, "bound \(bound) is outside Robyn's limits (\(limitsText))")
        }
    }
}
