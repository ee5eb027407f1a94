/// Fit and business-logic errors of one candidate model (Robyn's names in brackets).
///
/// Missing values are null: val/test metrics without a validation split, and any metric that is not finite (a
/// one-row split has NRMSE NaN, a model with every paid coefficient 0 has DECOMP.RSSD Inf).
public struct ModelMetrics: Codable, Sendable, Equatable {
    /// Robyn-style id `<trial>_<iteration>_<worker>`.
    public var modelId: String
    /// Adjusted R² on the training rows [rsq_train].
    public var rsqTrain: Double?
    /// Adjusted R² on the validation rows (uses the training row count, as Robyn) [rsq_val].
    public var rsqVal: Double?
    /// Adjusted R² on the test rows [rsq_test].
    public var rsqTest: Double?
    /// RMSE ÷ range of actuals, training rows [nrmse_train].
    public var nrmseTrain: Double?
    /// Validation NRMSE [nrmse_val].
    public var nrmseVal: Double?
    /// Test NRMSE [nrmse_test].
    public var nrmseTest: Double?
    /// The NRMSE the optimiser minimised: validation when there is a split, else training [nrmse].
    public var nrmse: Double?
    /// Distance between effect shares and spend shares of paid media, with the zero-effect penalty [decomp.rssd].
    public var decompRssd: Double?
    /// Calibration MAPE; 0 without calibration studies [mape].
    public var mape: Double?
    /// Training share used by this model.
    public var trainSize: Double?
    /// Ridge penalty (already scaled).
    public var lambda: Double?
    /// Pareto front number (1 = best), nil when not on a kept front.
    public var paretoFront: Int?
    /// Cluster number among the Pareto models, nil when not clustered.
    public var cluster: Int?

    /// Creates metrics.
    public init(modelId: String) { self.modelId = modelId }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case modelId = "model_id"
        case rsqTrain = "rsq_train"
        case rsqVal = "rsq_val"
        case rsqTest = "rsq_test"
        case nrmseTrain = "nrmse_train"
        case nrmseVal = "nrmse_val"
        case nrmseTest = "nrmse_test"
        case nrmse
        case decompRssd = "decomp_rssd"
        case mape
        case trainSize = "train_size"
        case lambda
        case paretoFront = "pareto_front"
        case cluster
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        modelId = try c.decode(String.self, forKey: .modelId)
        rsqTrain = try c.decodeIfPresent(Double.self, forKey: .rsqTrain)
        rsqVal = try c.decodeIfPresent(Double.self, forKey: .rsqVal)
        rsqTest = try c.decodeIfPresent(Double.self, forKey: .rsqTest)
        nrmseTrain = try c.decodeIfPresent(Double.self, forKey: .nrmseTrain)
        nrmseVal = try c.decodeIfPresent(Double.self, forKey: .nrmseVal)
        nrmseTest = try c.decodeIfPresent(Double.self, forKey: .nrmseTest)
        nrmse = try c.decodeIfPresent(Double.self, forKey: .nrmse)
        decompRssd = try c.decodeIfPresent(Double.self, forKey: .decompRssd)
        mape = try c.decodeIfPresent(Double.self, forKey: .mape)
        trainSize = try c.decodeIfPresent(Double.self, forKey: .trainSize)
        lambda = try c.decodeIfPresent(Double.self, forKey: .lambda)
        paretoFront = try c.decodeIfPresent(Int.self, forKey: .paretoFront)
        cluster = try c.decodeIfPresent(Int.self, forKey: .cluster)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(modelId, forKey: .modelId)
        try c.encodeFinite(rsqTrain, forKey: .rsqTrain)
        try c.encodeFinite(rsqVal, forKey: .rsqVal)
        try c.encodeFinite(rsqTest, forKey: .rsqTest)
        try c.encodeFinite(nrmseTrain, forKey: .nrmseTrain)
        try c.encodeFinite(nrmseVal, forKey: .nrmseVal)
        try c.encodeFinite(nrmseTest, forKey: .nrmseTest)
        try c.encodeFinite(nrmse, forKey: .nrmse)
        try c.encodeFinite(decompRssd, forKey: .decompRssd)
        try c.encodeFinite(mape, forKey: .mape)
        try c.encodeFinite(trainSize, forKey: .trainSize)
        try c.encodeFinite(lambda, forKey: .lambda)
        try c.encodeIfPresent(paretoFront, forKey: .paretoFront)
        try c.encodeIfPresent(cluster, forKey: .cluster)
    }
}
