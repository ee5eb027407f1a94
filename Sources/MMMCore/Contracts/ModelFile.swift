/// `model.json`: everything response curves and the budget allocator need about one trained model, without the data.
///
/// It holds the model's media part only — coefficients, adstock and Hill hyperparameters, the stored inflexions —
/// plus each media column's history over every row of the modelling table (adstock runs over all rows, and the
/// Weibull kernel is as long as the table, so the whole history is what carryover needs), the dates, and the
/// modelling window. Values are in the units the model uses: exposure channels are already multiplied by the window's
/// cost per exposure (spend-equivalent units), as Robyn models them. Results computed from this file equal those
/// computed from the training run exactly. Field reference: docs/contracts.md; schema: schema/model.schema.json.
public struct ModelFile: Codable, Sendable, Equatable {
    /// Format version written by this library.
    public static let currentSchemaVersion = 1

    /// Format version (1).
    public var schemaVersion = ModelFile.currentSchemaVersion
    /// The run that trained the model.
    public var runId: String
    /// The model's id within the run (Robyn's `solID`).
    public var modelId: String
    /// The engine that trained it.
    public var engine: EngineInfo
    /// The dependent variable.
    public var depVar: String
    /// Revenue (ROI) or conversion (CPA).
    public var depVarType: DepVarType
    /// The adstock family of every media variable.
    public var adstock: AdstockType
    /// The date of every row of the modelling table, ascending (warm-up rows before the window included).
    public var dates: [CalendarDate]
    /// First date of the modelling window.
    public var windowStart: CalendarDate
    /// Last date of the modelling window.
    public var windowEnd: CalendarDate
    /// The model's fit and business-logic errors.
    public var metrics: ModelMetrics
    /// Paid media (in model order), then organic variables.
    public var media: [ModelFileMedia]

    /// Creates a model file.
    public init(
        runId: String, modelId: String, engine: EngineInfo, depVar: String, depVarType: DepVarType,
        adstock: AdstockType, dates: [CalendarDate], windowStart: CalendarDate, windowEnd: CalendarDate,
        metrics: ModelMetrics, media: [ModelFileMedia]
    ) {
        self.runId = runId
        self.modelId = modelId
        self.engine = engine
        self.depVar = depVar
        self.depVarType = depVarType
        self.adstock = adstock
        self.dates = dates
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.metrics = metrics
        self.media = media
    }

    /// The paid media entries.
    public var paidMedia: [ModelFileMedia] { media.filter { $0.role == .paidMedia } }

    /// The entry for a modelled name or a spend column name.
    /// - Parameter name: e.g. `facebook_I` or `facebook_S`.
    /// - Returns: the entry, or nil when no media variable has that name.
    public func media(named name: String) -> ModelFileMedia? {
        media.first { $0.name == name } ?? media.first { $0.spendColumn == name }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case runId = "run_id"
        case modelId = "model_id"
        case engine
        case depVar = "dep_var"
        case depVarType = "dep_var_type"
        case adstock, dates
        case windowStart = "window_start"
        case windowEnd = "window_end"
        case metrics, media
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeSchemaVersion(forKey: .schemaVersion)
        runId = try c.decode(String.self, forKey: .runId)
        modelId = try c.decode(String.self, forKey: .modelId)
        engine = try c.decode(EngineInfo.self, forKey: .engine)
        depVar = try c.decode(String.self, forKey: .depVar)
        depVarType = try c.decode(DepVarType.self, forKey: .depVarType)
        adstock = try c.decode(AdstockType.self, forKey: .adstock)
        dates = try c.decode([CalendarDate].self, forKey: .dates)
        windowStart = try c.decode(CalendarDate.self, forKey: .windowStart)
        windowEnd = try c.decode(CalendarDate.self, forKey: .windowEnd)
        metrics = try c.decode(ModelMetrics.self, forKey: .metrics)
        media = try c.decode([ModelFileMedia].self, forKey: .media)
        try validate()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(runId, forKey: .runId)
        try c.encode(modelId, forKey: .modelId)
        try c.encode(engine, forKey: .engine)
        try c.encode(depVar, forKey: .depVar)
        try c.encode(depVarType, forKey: .depVarType)
        try c.encode(adstock, forKey: .adstock)
        try c.encode(dates, forKey: .dates)
        try c.encode(windowStart, forKey: .windowStart)
        try c.encode(windowEnd, forKey: .windowEnd)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(media, forKey: .media)
    }

    /// Checks what decoding alone cannot: ascending dates, a window inside them, one value per date, parameters that
    /// fit the adstock family, and unique names.
    /// - Throws: ``ConfigError`` naming the JSON path of the first problem.
    public func validate() throws {
        guard !dates.isEmpty else { throw ConfigError(path: "$.dates", "must list at least one date") }
        for index in dates.indices.dropFirst() where dates[index] <= dates[index - 1] {
            throw ConfigError(path: "$.dates[\(index)]", "dates must be strictly ascending; \(dates[index]) follows \(dates[index - 1])")
        }
        guard dates.contains(windowStart) else {
            throw ConfigError(path: "$.window_start", "\(windowStart) is not one of the dates")
        }
        guard dates.contains(windowEnd), windowEnd >= windowStart else {
            throw ConfigError(path: "$.window_end", "\(windowEnd) is not one of the dates on or after window_start")
        }
        var seen = Set<String>()
        for (index, entry) in media.enumerated() {
            try entry.validate(rows: dates.count, adstock: adstock, path: "$.media[\(index)]")
            guard seen.insert(entry.name).inserted else {
                throw ConfigError(path: "$.media[\(index)].name", "'\(entry.name)' appears twice")
            }
        }
    }
}
