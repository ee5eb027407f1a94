/// The calibration part of `model_summary.json`: the settings used and each lift study as the chosen model predicts it.
public struct CalibrationSummary: Codable, Sendable, Equatable {
    /// One study, measured and predicted (Robyn's `liftCollect` row for the chosen model).
    public struct Study: Codable, Sendable, Equatable {
        /// The study's channel(s) as given (`liftMedia`).
        public var channel: String
        /// `immediate` or `total`.
        public var scope: CalibrationScope
        /// The study's first day.
        public var liftStart: CalendarDate
        /// The study's last day.
        public var liftEnd: CalendarDate
        /// The measured lift (`liftAbs`).
        public var liftAbs: Double
        /// The first data row date the prediction sums over (`decompStart`).
        public var decompStart: CalendarDate
        /// The last data row date the prediction sums over (`decompEnd`).
        public var decompEnd: CalendarDate
        /// The model's prediction of the measured lift (`decompAbsScaled`).
        public var predicted: Double?
        /// The channel's whole effect over the same rows, scaled alike (`decompAbsTotalScaled`).
        public var predictedTotal: Double?
        /// `predicted / predictedTotal` (`calibrated_pct`).
        public var calibratedShare: Double?
        /// `|predicted − liftAbs| / liftAbs` (`mape_lift`).
        public var mapeLift: Double?

        /// Creates a study result.
        public init(
            channel: String, scope: CalibrationScope, liftStart: CalendarDate, liftEnd: CalendarDate, liftAbs: Double,
            decompStart: CalendarDate, decompEnd: CalendarDate
        ) {
            self.channel = channel
            self.scope = scope
            self.liftStart = liftStart
            self.liftEnd = liftEnd
            self.liftAbs = liftAbs
            self.decompStart = decompStart
            self.decompEnd = decompEnd
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case channel, scope
            case liftStart = "lift_start"
            case liftEnd = "lift_end"
            case liftAbs = "lift_abs"
            case decompStart = "decomp_start"
            case decompEnd = "decomp_end"
            case predicted
            case predictedTotal = "predicted_total"
            case calibratedShare = "calibrated_share"
            case mapeLift = "mape_lift"
        }

        /// The JSON keys this contract accepts.
        public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            channel = try c.decode(String.self, forKey: .channel)
            scope = try c.decode(CalibrationScope.self, forKey: .scope)
            liftStart = try c.decode(CalendarDate.self, forKey: .liftStart)
            liftEnd = try c.decode(CalendarDate.self, forKey: .liftEnd)
            liftAbs = try c.decode(Double.self, forKey: .liftAbs)
            decompStart = try c.decode(CalendarDate.self, forKey: .decompStart)
            decompEnd = try c.decode(CalendarDate.self, forKey: .decompEnd)
            predicted = try c.decodeIfPresent(Double.self, forKey: .predicted)
            predictedTotal = try c.decodeIfPresent(Double.self, forKey: .predictedTotal)
            calibratedShare = try c.decodeIfPresent(Double.self, forKey: .calibratedShare)
            mapeLift = try c.decodeIfPresent(Double.self, forKey: .mapeLift)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(channel, forKey: .channel)
            try c.encode(scope, forKey: .scope)
            try c.encode(liftStart, forKey: .liftStart)
            try c.encode(liftEnd, forKey: .liftEnd)
            try c.encode(liftAbs, forKey: .liftAbs)
            try c.encode(decompStart, forKey: .decompStart)
            try c.encode(decompEnd, forKey: .decompEnd)
            try c.encodeFinite(predicted, forKey: .predicted)
            try c.encodeFinite(predictedTotal, forKey: .predictedTotal)
            try c.encodeFinite(calibratedShare, forKey: .calibratedShare)
            try c.encodeFinite(mapeLift, forKey: .mapeLift)
        }
    }

    /// Robyn's `calibration_constraint` used.
    public var constraint: Double
    /// The MAPE.LIFT formula used.
    public var formula: CalibrationFormula
    /// The rule that chose the best model.
    public var selection: CalibratedSelection
    /// The chosen model's MAPE.LIFT (mean over the studies).
    public var mape: Double?
    /// Models that passed the calibration constraint (and the 90 % quantile filters).
    public var eligibleModelCount: Int
    /// Every study, in input order.
    public var studies: [Study]

    /// Creates a summary.
    public init(
        constraint: Double, formula: CalibrationFormula, selection: CalibratedSelection, mape: Double?,
        eligibleModelCount: Int, studies: [Study]
    ) {
        self.constraint = constraint
        self.formula = formula
        self.selection = selection
        self.mape = mape
        self.eligibleModelCount = eligibleModelCount
        self.studies = studies
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case constraint, formula, selection, mape
        case eligibleModelCount = "eligible_model_count"
        case studies
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        constraint = try c.decode(Double.self, forKey: .constraint)
        formula = try c.decode(CalibrationFormula.self, forKey: .formula)
        selection = try c.decode(CalibratedSelection.self, forKey: .selection)
        mape = try c.decodeIfPresent(Double.self, forKey: .mape)
        eligibleModelCount = try c.decode(Int.self, forKey: .eligibleModelCount)
        studies = try c.decode([Study].self, forKey: .studies)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(constraint, forKey: .constraint)
        try c.encode(formula, forKey: .formula)
        try c.encode(selection, forKey: .selection)
        try c.encodeFinite(mape, forKey: .mape)
        try c.encode(eligibleModelCount, forKey: .eligibleModelCount)
        try c.encode(studies, forKey: .studies)
    }
}
