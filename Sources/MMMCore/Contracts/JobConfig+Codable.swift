extension JobConfig {
    /// Strict decoding; cross-field rules are checked afterwards by ``validate()``.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.currentSchemaVersion
        guard version == Self.currentSchemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion, in: c,
                debugDescription: "unsupported schema_version \(version); this build reads version \(Self.currentSchemaVersion)")
        }
        self.init(depVar: try c.decode(String.self, forKey: .depVar), paidMedia: try c.decode([MediaPair].self, forKey: .paidMedia))
        country = try c.decodeIfPresent(String.self, forKey: .country)
        countryColumn = try c.decodeIfPresent(String.self, forKey: .countryColumn)
        revision = try c.decodeIfPresent(String.self, forKey: .revision) ?? revision
        depVarType = try c.decodeIfPresent(DepVarType.self, forKey: .depVarType) ?? depVarType
        dateVar = try c.decodeIfPresent(String.self, forKey: .dateVar)
        organicVars = try c.decodeStringList(forKey: .organicVars) ?? []
        contextVars = try c.decodeStringList(forKey: .contextVars) ?? []
        factorVars = try c.decodeStringList(forKey: .factorVars) ?? []
        if let terms = try c.decodeStringList(forKey: .baselineVars) {
            baselineVars = try terms.enumerated().map { index, raw in
                guard let term = BaselineTerm(rawValue: raw) else {
                    throw DecodingError.dataCorrupted(
                        .init(
                            codingPath: c.codingPath + [CodingKeys.baselineVars, AnyCodingKey(index: index)],
                            debugDescription:
                                "unknown value '\(raw)'; expected one of \(BaselineTerm.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))"
                        ))
                }
                return term
            }
        }
        baselineColumns = try c.decodeStringList(forKey: .baselineColumns) ?? []
        holidaysCountry = try c.decodeIfPresent(String.self, forKey: .holidaysCountry)
        holidaysPath = try c.decodeIfPresent(String.self, forKey: .holidaysPath)
        startDate = try c.decodeIfPresent(CalendarDate.self, forKey: .startDate)
        endDate = try c.decodeIfPresent(CalendarDate.self, forKey: .endDate)
        adstock = try c.decodeIfPresent(AdstockType.self, forKey: .adstock) ?? adstock
        hyperparameterPreset = try c.decodeIfPresent(HyperparameterPreset.self, forKey: .hyperparameterPreset) ?? hyperparameterPreset
        customHyperparameters = try c.decodeIfPresent([String: ParameterBound].self, forKey: .customHyperparameters) ?? [:]
        trainSize = try c.decodeIfPresent(TrainSize.self, forKey: .trainSize) ?? trainSize
        resampleFreq = try c.decodeIfPresent(ResampleFrequency.self, forKey: .resampleFreq) ?? resampleFreq
        columnAggStrategies = try c.decodeIfPresent([String: AggregationStrategy].self, forKey: .columnAggStrategies) ?? [:]
        budgetScenario = try c.decodeIfPresent(BudgetScenario.self, forKey: .budgetScenario) ?? budgetScenario
        expectedSpend = try c.decodeIfPresent(Double.self, forKey: .expectedSpend)
        channelBudgets = try c.decodeIfPresent([String: Double].self, forKey: .channelBudgets) ?? [:]
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
        iterations = try c.decodeIfPresent(Int.self, forKey: .iterations) ?? iterations
        trials = try c.decodeIfPresent(Int.self, forKey: .trials) ?? trials
        threads = try c.decodeIfPresent(Int.self, forKey: .threads)
        outputLocation = try c.decodeIfPresent(String.self, forKey: .outputLocation)
        outputTimestamp = try c.decodeIfPresent(String.self, forKey: .outputTimestamp)
        dataPath = try c.decodeIfPresent(String.self, forKey: .dataPath)
        annotationsPath = try c.decodeIfPresent(String.self, forKey: .annotationsPath)
        benchmark = try c.decodeIfPresent(BenchmarkTags.self, forKey: .benchmark)
    }

    /// Writes the canonical form: every field with a value, keys sorted by the encoder.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encodeIfPresent(country, forKey: .country)
        try c.encodeIfPresent(countryColumn, forKey: .countryColumn)
        try c.encode(revision, forKey: .revision)
        try c.encode(depVar, forKey: .depVar)
        try c.encode(depVarType, forKey: .depVarType)
        try c.encodeIfPresent(dateVar, forKey: .dateVar)
        try c.encode(paidMedia, forKey: .paidMedia)
        try c.encode(organicVars, forKey: .organicVars)
        try c.encode(contextVars, forKey: .contextVars)
        try c.encode(factorVars, forKey: .factorVars)
        try c.encodeIfPresent(baselineVars, forKey: .baselineVars)
        if !baselineColumns.isEmpty { try c.encode(baselineColumns, forKey: .baselineColumns) }
        try c.encodeIfPresent(holidaysCountry, forKey: .holidaysCountry)
        try c.encodeIfPresent(holidaysPath, forKey: .holidaysPath)
        try c.encodeIfPresent(startDate, forKey: .startDate)
        try c.encodeIfPresent(endDate, forKey: .endDate)
        try c.encode(adstock, forKey: .adstock)
        try c.encode(hyperparameterPreset, forKey: .hyperparameterPreset)
        if !customHyperparameters.isEmpty { try c.encode(customHyperparameters, forKey: .customHyperparameters) }
        try c.encode(trainSize, forKey: .trainSize)
        try c.encode(resampleFreq, forKey: .resampleFreq)
        if !columnAggStrategies.isEmpty { try c.encode(columnAggStrategies, forKey: .columnAggStrategies) }
        try c.encode(budgetScenario, forKey: .budgetScenario)
        try c.encodeIfPresent(expectedSpend, forKey: .expectedSpend)
        if !channelBudgets.isEmpty { try c.encode(channelBudgets, forKey: .channelBudgets) }
        try c.encode(seed, forKey: .seed)
        try c.encode(iterations, forKey: .iterations)
        try c.encode(trials, forKey: .trials)
        try c.encodeIfPresent(threads, forKey: .threads)
        try c.encodeIfPresent(outputLocation, forKey: .outputLocation)
        try c.encodeIfPresent(outputTimestamp, forKey: .outputTimestamp)
        try c.encodeIfPresent(dataPath, forKey: .dataPath)
        try c.encodeIfPresent(annotationsPath, forKey: .annotationsPath)
        try c.encodeIfPresent(benchmark, forKey: .benchmark)
    }
}
