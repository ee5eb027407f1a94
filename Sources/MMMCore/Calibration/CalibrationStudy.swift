/// Which part of a channel's effect a lift study measured (Robyn's `calibration_scope`).
public enum CalibrationScope: String, Codable, Sendable, CaseIterable, Hashable {
    /// The incremental outcome during the study caused by spend during the study (carry-in from earlier spend
    /// excluded). What a geo or conversion-lift experiment measures; Robyn's default.
    case immediate
    /// The channel's whole modelled effect during the study, carry-in from earlier spend included.
    case total

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}

/// One lift study: a row of Robyn's `calibration_input`, with Robyn's column names.
///
/// `channel` names one modelled channel or several joined by `+` (`"facebook_S+search_S"`), each a paid media spend
/// column, a paid media var or an organic var. `liftAbs` is the measured incremental outcome, in `dep_var` units,
/// over the calendar days `liftStartDate…liftEndDate` (both included).
public struct CalibrationStudy: Codable, Sendable, Equatable, Hashable {
    /// The channel, or channels joined by `+`.
    public var channel: String
    /// First day of the study.
    public var liftStartDate: CalendarDate
    /// Last day of the study (inclusive).
    public var liftEndDate: CalendarDate
    /// The measured incremental outcome over the study, in `dep_var` units (> 0).
    public var liftAbs: Double
    /// Spend over the study as the experiment recorded it (checked against the data, ±10 %).
    public var spend: Double?
    /// The experiment's confidence (a warning below 0.8, as Robyn).
    public var confidence: Double?
    /// The measured metric; must equal `dep_var` when given.
    public var metric: String?
    /// What the lift measures; default `immediate` (Robyn's default).
    public var calibrationScope: CalibrationScope = .immediate

    /// Creates a study.
    /// - Parameters:
    ///   - channel: one channel or several joined by `+`.
    ///   - liftStartDate: first day.
    ///   - liftEndDate: last day (inclusive).
    ///   - liftAbs: the measured incremental outcome.
    ///   - scope: what the lift measures.
    public init(
        channel: String, liftStartDate: CalendarDate, liftEndDate: CalendarDate, liftAbs: Double,
        scope: CalibrationScope = .immediate
    ) {
        self.channel = channel
        self.liftStartDate = liftStartDate
        self.liftEndDate = liftEndDate
        self.liftAbs = liftAbs
        self.calibrationScope = scope
    }

    /// The channels of a (possibly combined) study, in the order written.
    public var channels: [String] {
        channel.split(separator: "+", omittingEmptySubsequences: false).map { String($0).trimmedWhitespace }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case channel, liftStartDate, liftEndDate, liftAbs, spend, confidence, metric
        case calibrationScope = "calibration_scope"
    }

    /// The keys (and CSV columns) a study may have.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))
    /// The keys (and CSV columns) every study must have.
    public static let requiredJSONKeys: Set<String> = ["channel", "liftStartDate", "liftEndDate", "liftAbs"]

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        channel = try c.decode(String.self, forKey: .channel)
        liftStartDate = try c.decode(CalendarDate.self, forKey: .liftStartDate)
        liftEndDate = try c.decode(CalendarDate.self, forKey: .liftEndDate)
        liftAbs = try c.decode(Double.self, forKey: .liftAbs)
        spend = try c.decodeUnlessNull(Double.self, forKey: .spend)
        confidence = try c.decodeUnlessNull(Double.self, forKey: .confidence)
        metric = try c.decodeUnlessNull(String.self, forKey: .metric)
        calibrationScope = try c.decodeUnlessNull(CalibrationScope.self, forKey: .calibrationScope) ?? .immediate
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(channel, forKey: .channel)
        try c.encode(liftStartDate, forKey: .liftStartDate)
        try c.encode(liftEndDate, forKey: .liftEndDate)
        try c.encode(liftAbs, forKey: .liftAbs)
        try c.encodeIfPresent(spend, forKey: .spend)
        try c.encodeIfPresent(confidence, forKey: .confidence)
        try c.encodeIfPresent(metric, forKey: .metric)
        try c.encode(calibrationScope, forKey: .calibrationScope)
    }
}

extension String {
    /// Whitespace-trimmed copy (Foundation-free).
    var trimmedWhitespace: String { trimmingCharactersInSet() }
}
