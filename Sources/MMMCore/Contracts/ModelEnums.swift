/// The adstock (carry-over) transformation applied to media and organic variables.
///
/// Raw values are the names Robyn and the previous system use; decoding any other string is an error.
public enum AdstockType: String, Codable, Sendable, CaseIterable, Hashable {
    /// Geometric decay with one parameter, `theta`.
    case geometric
    /// Weibull CDF decay with `shape` and `scale`; the first lag weight is always 1.
    case weibullCDF = "weibull_cdf"
    /// Weibull PDF decay with `shape` and `scale`; allows a lagged peak.
    case weibullPDF = "weibull_pdf"

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// What the dependent variable measures, which decides whether efficiency is reported as ROI or CPA.
public enum DepVarType: String, Codable, Sendable, CaseIterable, Hashable {
    /// Revenue-like target: efficiency is return on investment (response ÷ spend).
    case revenue
    /// Count-like target: efficiency is cost per acquisition (spend ÷ response).
    case conversion

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}
