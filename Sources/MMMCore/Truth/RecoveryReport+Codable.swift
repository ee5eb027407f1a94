// Strict decoding and null-for-non-finite encoding of recovery.json.

extension RecoveryReport {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeSchemaVersion(forKey: .schemaVersion, supported: Self.currentSchemaVersion)
        runId = try c.decode(String.self, forKey: .runId)
        modelId = try c.decode(String.self, forKey: .modelId)
        mainShareThreshold = try c.decode(Double.self, forKey: .mainShareThreshold)
        channels = try c.decode([Channel].self, forKey: .channels)
        roiMAE = try c.decodeIfPresent(Double.self, forKey: .roiMAE)
        roiMAEMain = try c.decodeIfPresent(Double.self, forKey: .roiMAEMain)
        roiMAECalibrated = try c.decodeIfPresent(Double.self, forKey: .roiMAECalibrated)
        roiMAEUncalibrated = try c.decodeIfPresent(Double.self, forKey: .roiMAEUncalibrated)
        effectShareMAE = try c.decodeIfPresent(Double.self, forKey: .effectShareMAE)
        placeboShare = try c.decodeIfPresent(Double.self, forKey: .placeboShare)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(runId, forKey: .runId)
        try c.encode(modelId, forKey: .modelId)
        try c.encode(mainShareThreshold, forKey: .mainShareThreshold)
        try c.encode(channels, forKey: .channels)
        try c.encodeFinite(roiMAE, forKey: .roiMAE)
        try c.encodeFinite(roiMAEMain, forKey: .roiMAEMain)
        try c.encodeFinite(roiMAECalibrated, forKey: .roiMAECalibrated)
        try c.encodeFinite(roiMAEUncalibrated, forKey: .roiMAEUncalibrated)
        try c.encodeFinite(effectShareMAE, forKey: .effectShareMAE)
        try c.encodeFinite(placeboShare, forKey: .placeboShare)
    }
}

extension RecoveryReport.Channel {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        variable = try c.decode(String.self, forKey: .variable)
        spendColumn = try c.decodeIfPresent(String.self, forKey: .spendColumn)
        placebo = try c.decode(Bool.self, forKey: .placebo)
        calibrated = try c.decode(Bool.self, forKey: .calibrated)
        main = try c.decode(Bool.self, forKey: .main)
        spendShare = try c.decodeIfPresent(Double.self, forKey: .spendShare)
        roiTrue = try c.decodeIfPresent(Double.self, forKey: .roiTrue)
        roiModel = try c.decodeIfPresent(Double.self, forKey: .roiModel)
        roiError = try c.decodeIfPresent(Double.self, forKey: .roiError)
        effectShareTrue = try c.decodeIfPresent(Double.self, forKey: .effectShareTrue)
        effectShareModel = try c.decodeIfPresent(Double.self, forKey: .effectShareModel)
        effectShareError = try c.decodeIfPresent(Double.self, forKey: .effectShareError)
        contributionCorrelation = try c.decodeIfPresent(Double.self, forKey: .contributionCorrelation)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(variable, forKey: .variable)
        try c.encodeIfPresent(spendColumn, forKey: .spendColumn)
        try c.encode(placebo, forKey: .placebo)
        try c.encode(calibrated, forKey: .calibrated)
        try c.encode(main, forKey: .main)
        try c.encodeFinite(spendShare, forKey: .spendShare)
        try c.encodeFinite(roiTrue, forKey: .roiTrue)
        try c.encodeFinite(roiModel, forKey: .roiModel)
        try c.encodeFinite(roiError, forKey: .roiError)
        try c.encodeFinite(effectShareTrue, forKey: .effectShareTrue)
        try c.encodeFinite(effectShareModel, forKey: .effectShareModel)
        try c.encodeFinite(effectShareError, forKey: .effectShareError)
        try c.encodeFinite(contributionCorrelation, forKey: .contributionCorrelation)
    }
}
