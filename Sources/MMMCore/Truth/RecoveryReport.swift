/// `recovery.json`: how close a run's chosen model came to a simulation's ``Truth``.
///
/// Errors are signed as model − truth. Means are over channels whose value is finite; a mean over no channel is null.
public struct RecoveryReport: Codable, Sendable, Equatable {
    /// Format version written by this library.
    public static let currentSchemaVersion = 1

    /// One paid channel (or organic variable: ROI and shares are then null).
    public struct Channel: Codable, Sendable, Equatable {
        /// The modelled variable.
        public var variable: String
        /// The spend column (paid only).
        public var spendColumn: String?
        /// A channel with no true effect.
        public var placebo: Bool
        /// Whether the run had a lift study on this channel.
        public var calibrated: Bool
        /// Whether the channel counts towards ``RecoveryReport/roiMAEMain`` (paid, not placebo, spend share ≥ the
        /// threshold).
        public var main: Bool
        /// Spend share among the paid channels over the window.
        public var spendShare: Double?
        /// True ROI.
        public var roiTrue: Double?
        /// Modelled ROI.
        public var roiModel: Double?
        /// Modelled − true ROI.
        public var roiError: Double?
        /// True effect share among the paid channels.
        public var effectShareTrue: Double?
        /// Modelled effect share among the paid channels.
        public var effectShareModel: Double?
        /// Modelled − true effect share.
        public var effectShareError: Double?
        /// Pearson correlation of the modelled and true per-row contribution over the window.
        public var contributionCorrelation: Double?

        /// Creates a channel row.
        public init(variable: String, spendColumn: String?, placebo: Bool, calibrated: Bool, main: Bool) {
            self.variable = variable
            self.spendColumn = spendColumn
            self.placebo = placebo
            self.calibrated = calibrated
            self.main = main
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case variable = "var"
            case spendColumn = "spend_column"
            case placebo, calibrated, main
            case spendShare = "spend_share"
            case roiTrue = "roi_true"
            case roiModel = "roi_model"
            case roiError = "roi_error"
            case effectShareTrue = "effect_share_true"
            case effectShareModel = "effect_share_model"
            case effectShareError = "effect_share_error"
            case contributionCorrelation = "contribution_correlation"
        }

        /// The JSON keys this contract accepts.
        public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))
    }

    /// Format version (1).
    public var schemaVersion = RecoveryReport.currentSchemaVersion
    /// The run evaluated.
    public var runId: String
    /// The run's chosen model.
    public var modelId: String
    /// Minimum spend share of a main channel.
    public var mainShareThreshold: Double
    /// One row per media variable of the truth, paid first.
    public var channels: [Channel]
    /// Mean |ROI error| over the paid non-placebo channels.
    public var roiMAE: Double?
    /// Mean |ROI error| over the main channels.
    public var roiMAEMain: Double?
    /// Mean |ROI error| over the main channels with a lift study in the run (null without studies).
    public var roiMAECalibrated: Double?
    /// Mean |ROI error| over the main channels without a lift study in the run (null without studies).
    public var roiMAEUncalibrated: Double?
    /// Mean |effect share error| over the paid channels.
    public var effectShareMAE: Double?
    /// The model's effect share of the placebo channels (0 is right); null without placebos.
    public var placeboShare: Double?

    /// Creates a report.
    public init(runId: String, modelId: String, mainShareThreshold: Double, channels: [Channel]) {
        self.runId = runId
        self.modelId = modelId
        self.mainShareThreshold = mainShareThreshold
        self.channels = channels
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case runId = "run_id"
        case modelId = "model_id"
        case mainShareThreshold = "main_share_threshold"
        case channels
        case roiMAE = "roi_mae"
        case roiMAEMain = "roi_mae_main"
        case roiMAECalibrated = "roi_mae_calibrated"
        case roiMAEUncalibrated = "roi_mae_uncalibrated"
        case effectShareMAE = "effect_share_mae"
        case placeboShare = "placebo_share"
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))
}
