/// One media or organic variable of a ``ModelFile``: its curve parameters and its history.
public struct ModelFileMedia: Codable, Sendable, Equatable {
    /// Whether the variable is a paid channel (allocated) or organic (curves only).
    public enum Role: String, Codable, Sendable, CaseIterable {
        case paidMedia = "paid_media"
        case organic

        public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
    }

    /// The modelled name (Robyn's selected name, e.g. `facebook_I`).
    public var name: String
    /// Paid or organic.
    public var role: Role
    /// The spend column of a paid channel (e.g. `facebook_S`); nil for organic.
    public var spendColumn: String?
    /// For an exposure channel, the window's cost per exposure: ``values`` = exposure × this. Nil otherwise.
    public var costPerExposure: Double?
    /// The regression coefficient (response units per unit of saturation).
    public var coefficient: Double
    /// Hill α.
    public var alpha: Double
    /// Hill γ.
    public var gamma: Double
    /// Geometric θ (geometric adstock only).
    public var theta: Double?
    /// Weibull shape (Weibull adstocks only).
    public var shape: Double?
    /// Weibull scale (Weibull adstocks only).
    public var scale: Double?
    /// The stored inflexion `γ · max(adstocked window)`; curves keep it fixed.
    public var inflexion: Double
    /// The modelled column over every row of ``ModelFile/dates`` (spend-equivalent units for paid media).
    public var values: [Double]
    /// Informational: window mean of ``values`` (Robyn's `mean_spend` for spend channels).
    public var windowMean: Double
    /// Informational: window mean of the carryover input (Robyn's `mean_carryover`).
    public var windowMeanCarryover: Double
    /// Informational: window mean of `coefficient × Hill(adstocked)` (Robyn's `mean_response`).
    public var windowMeanResponse: Double

    /// Creates an entry.
    public init(
        name: String, role: Role, spendColumn: String?, costPerExposure: Double?, coefficient: Double, alpha: Double,
        gamma: Double, theta: Double?, shape: Double?, scale: Double?, inflexion: Double, values: [Double],
        windowMean: Double, windowMeanCarryover: Double, windowMeanResponse: Double
    ) {
        self.name = name
        self.role = role
        self.spendColumn = spendColumn
        self.costPerExposure = costPerExposure
        self.coefficient = coefficient
        self.alpha = alpha
        self.gamma = gamma
        self.theta = theta
        self.shape = shape
        self.scale = scale
        self.inflexion = inflexion
        self.values = values
        self.windowMean = windowMean
        self.windowMeanCarryover = windowMeanCarryover
        self.windowMeanResponse = windowMeanResponse
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, role
        case spendColumn = "spend_column"
        case costPerExposure = "cost_per_exposure"
        case coefficient, alpha, gamma, theta, shape, scale, inflexion, values
        case windowMean = "window_mean"
        case windowMeanCarryover = "window_mean_carryover"
        case windowMeanResponse = "window_mean_response"
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        role = try c.decode(Role.self, forKey: .role)
        spendColumn = try c.decodeUnlessNull(String.self, forKey: .spendColumn)
        costPerExposure = try c.decodeUnlessNull(Double.self, forKey: .costPerExposure)
        coefficient = try c.decode(Double.self, forKey: .coefficient)
        alpha = try c.decode(Double.self, forKey: .alpha)
        gamma = try c.decode(Double.self, forKey: .gamma)
        theta = try c.decodeUnlessNull(Double.self, forKey: .theta)
        shape = try c.decodeUnlessNull(Double.self, forKey: .shape)
        scale = try c.decodeUnlessNull(Double.self, forKey: .scale)
        inflexion = try c.decode(Double.self, forKey: .inflexion)
        values = try c.decode([Double].self, forKey: .values)
        windowMean = try c.decode(Double.self, forKey: .windowMean)
        windowMeanCarryover = try c.decode(Double.self, forKey: .windowMeanCarryover)
        windowMeanResponse = try c.decode(Double.self, forKey: .windowMeanResponse)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encodeIfPresent(spendColumn, forKey: .spendColumn)
        try c.encodeIfPresent(costPerExposure, forKey: .costPerExposure)
        try c.encode(coefficient, forKey: .coefficient)
        try c.encode(alpha, forKey: .alpha)
        try c.encode(gamma, forKey: .gamma)
        try c.encodeIfPresent(theta, forKey: .theta)
        try c.encodeIfPresent(shape, forKey: .shape)
        try c.encodeIfPresent(scale, forKey: .scale)
        try c.encode(inflexion, forKey: .inflexion)
        try c.encode(values, forKey: .values)
        try c.encode(windowMean, forKey: .windowMean)
        try c.encode(windowMeanCarryover, forKey: .windowMeanCarryover)
        try c.encode(windowMeanResponse, forKey: .windowMeanResponse)
    }

    /// Checks one entry.
    /// - Parameters:
    ///   - rows: the number of dates.
    ///   - adstock: the model's adstock family.
    ///   - path: this entry's JSON path, for errors.
    /// - Throws: ``ConfigError`` naming the field.
    func validate(rows: Int, adstock: AdstockType, path: String) throws {
        guard values.count == rows else {
            throw ConfigError(path: path + ".values", "has \(values.count) values; expected one per date (\(rows))")
        }
        if let index = values.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw ConfigError(path: path + ".values[\(index)]", "must be a finite, non-negative number")
        }
        let numbers: [(String, Double)] = [
            ("coefficient", coefficient), ("alpha", alpha), ("gamma", gamma), ("inflexion", inflexion),
        ]
        for (key, value) in numbers where !(value.isFinite && value >= 0) {
            throw ConfigError(path: path + "." + key, "must be a finite, non-negative number")
        }
        guard alpha > 0, gamma > 0, inflexion > 0 else {
            throw ConfigError(path: path, "alpha, gamma and inflexion must be positive")
        }
        switch adstock {
        case .geometric:
            guard let theta, theta >= 0, theta < 1, shape == nil, scale == nil else {
                throw ConfigError(path: path + ".theta", "geometric adstock needs theta in [0, 1) and no shape or scale")
            }
        case .weibullCDF, .weibullPDF:
            guard let shape, let scale, shape >= 0, shape < 20, scale >= 0, scale <= 1, theta == nil else {
                throw ConfigError(path: path + ".shape", "Weibull adstock needs shape in [0, 20), scale in [0, 1] and no theta")
            }
        }
        guard (role == .paidMedia) == (spendColumn != nil) else {
            throw ConfigError(path: path + ".spend_column", "paid media need a spend column; organic variables have none")
        }
    }
}
