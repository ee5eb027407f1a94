/// One variable's part of a model's decomposition over the modelling window.
///
/// For paid media the spend and efficiency fields are filled; for baseline, context and organic variables they are
/// null. Efficiency is ROI (response ÷ spend) for revenue models and CPA (spend ÷ response) for conversion models.
public struct VariableContribution: Codable, Sendable, Equatable {
    /// What a variable is in the model.
    public enum Role: String, Codable, Sendable, CaseIterable {
        case intercept, baseline, context
        case paidMedia = "paid_media"
        case organic

        public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
    }

    /// Variable name (`(Intercept)` for the intercept).
    public var variable: String
    /// The variable's role.
    public var role: Role
    /// Spend column for paid media.
    public var spendColumn: String?
    /// Regression coefficient (for media: response units per unit of saturation).
    public var coefficient: Double?
    /// Σ of the variable's contribution over the window [xDecompAgg].
    public var totalEffect: Double?
    /// Share of the summed prediction [xDecompPerc].
    public var effectPercent: Double?
    /// Share of paid-media effect (paid media only) [effect_share].
    public var effectShare: Double?
    /// Share of paid-media spend over the window (paid media only) [spend_share].
    public var spendShare: Double?
    /// Σ spend over the window.
    public var totalSpend: Double?
    /// Mean spend per period over the window, zero periods included.
    public var meanSpend: Double?
    /// Mean response per period over the window.
    public var meanResponse: Double?
    /// ROI = total effect ÷ total spend (revenue models).
    public var roi: Double?
    /// CPA = total spend ÷ total effect (conversion models).
    public var cpa: Double?
    /// Share of the response that comes from carry-over (adstock) rather than same-period spend.
    public var carryoverShare: Double?

    /// Creates a contribution.
    public init(variable: String, role: Role) {
        self.variable = variable
        self.role = role
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case variable, role
        case spendColumn = "spend_column"
        case coefficient
        case totalEffect = "total_effect"
        case effectPercent = "effect_percent"
        case effectShare = "effect_share"
        case spendShare = "spend_share"
        case totalSpend = "total_spend"
        case meanSpend = "mean_spend"
        case meanResponse = "mean_response"
        case roi, cpa
        case carryoverShare = "carryover_share"
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        variable = try c.decode(String.self, forKey: .variable)
        role = try c.decode(Role.self, forKey: .role)
        spendColumn = try c.decodeIfPresent(String.self, forKey: .spendColumn)
        coefficient = try c.decodeIfPresent(Double.self, forKey: .coefficient)
        totalEffect = try c.decodeIfPresent(Double.self, forKey: .totalEffect)
        effectPercent = try c.decodeIfPresent(Double.self, forKey: .effectPercent)
        effectShare = try c.decodeIfPresent(Double.self, forKey: .effectShare)
        spendShare = try c.decodeIfPresent(Double.self, forKey: .spendShare)
        totalSpend = try c.decodeIfPresent(Double.self, forKey: .totalSpend)
        meanSpend = try c.decodeIfPresent(Double.self, forKey: .meanSpend)
        meanResponse = try c.decodeIfPresent(Double.self, forKey: .meanResponse)
        roi = try c.decodeIfPresent(Double.self, forKey: .roi)
        cpa = try c.decodeIfPresent(Double.self, forKey: .cpa)
        carryoverShare = try c.decodeIfPresent(Double.self, forKey: .carryoverShare)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(variable, forKey: .variable)
        try c.encode(role, forKey: .role)
        try c.encodeIfPresent(spendColumn, forKey: .spendColumn)
        try c.encodeFinite(coefficient, forKey: .coefficient)
        try c.encodeFinite(totalEffect, forKey: .totalEffect)
        try c.encodeFinite(effectPercent, forKey: .effectPercent)
        try c.encodeFinite(effectShare, forKey: .effectShare)
        try c.encodeFinite(spendShare, forKey: .spendShare)
        try c.encodeFinite(totalSpend, forKey: .totalSpend)
        try c.encodeFinite(meanSpend, forKey: .meanSpend)
        try c.encodeFinite(meanResponse, forKey: .meanResponse)
        try c.encodeFinite(roi, forKey: .roi)
        try c.encodeFinite(cpa, forKey: .cpa)
        try c.encodeFinite(carryoverShare, forKey: .carryoverShare)
    }
}
