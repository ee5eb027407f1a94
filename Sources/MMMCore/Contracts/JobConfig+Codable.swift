extension JobConfig {
    /// Strict decoding; cross-field rules are checked afterwards by ``validate()``.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        _ = try c.decodeSchemaVersion(forKey: .schemaVersion, supported: Self.currentSchemaVersion, required: false)
        self.init(depVar: try c.decode(String.self, forKey: .depVar), paidMedia: try c.decode([MediaPair].self, forKey: .paidMedia))
        country = try c.decodeUnlessNull(String.self, forKey: .country)
        countryColumn = try c.decodeUnlessNull(String.self, forKey: .countryColumn)
        revision = try c.decodeUnlessNull(String.self, forKey: .revision) ?? revision
        depVarType = try c.decodeUnlessNull(DepVarType.self, forKey: .depVarType) ?? depVarType
        dateVar = try c.decodeUnlessNull(String.self, forKey: .dateVar)
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
        holidaysCountry = try c.decodeUnlessNull(String.self, forKey: .holidaysCountry)
        holidaysPath = try c.decodeUnlessNull(String.self, forKey: .holidaysPath)
        startDate = try c.decodeUnlessNull(CalendarDate.self, forKey: .startDate)
        endDate = try c.decodeUnlessNull(CalendarDate.self, forKey: .endDate)
        adstock = try c.decodeUnlessNull(AdstockType.self, forKey: .adstock) ?? adstock
        hyperparameterPreset = try c.decodeUnlessNull(HyperparameterPreset.self, forKey: .hyperparameterPreset) ?? hyperparameterPreset
        customHyperparameters = try c.decodeUnlessNull([String: ParameterBound].self, forKey: .customHyperparameters) ?? [:]
        trainSize = try c.decodeUnlessNull(TrainSize.self, forKey: .trainSize) ?? trainSize
        resampleFreq = try c.decodeUnlessNull(ResampleFrequency.self, forKey: .resampleFreq) ?? resampleFreq
        columnAggStrategies = try c.decodeUnlessNull([String: AggregationStrategy].self, forKey: .columnAggStrategies) ?? [:]
        missingDepVar = try c.decodeUnlessNull(MissingDepVarPolicy.self, forKey: .missingDepVar) ?? missingDepVar
        csv = try c.decodeUnlessNull(CSVSettings.self, forKey: .csv)
        budgetScenario = try c.decodeUnlessNull(BudgetScenario.self, forKey: .budgetScenario) ?? budgetScenario
        expectedSpend = try c.decodeIfPresent(Double.self, forKey: .expectedSpend)  // null allowed: no budget
        channelBudgets = try c.decodeUnlessNull([String: Double].self, forKey: .channelBudgets) ?? [:]
        seed = try c.decodeIntegerUnlessNull(UInt64.self, forKey: .seed) ?? seed
        iterations = try c.decodeIntegerUnlessNull(Int.self, forKey: .iterations) ?? iterations
        trials = try c.decodeIntegerUnlessNull(Int.self, forKey: .trials) ?? trials
        threads = try c.decodeIntegerUnlessNull(Int.self, forKey: .threads)
        outputLocation = try c.decodeUnlessNull(String.self, forKey: .outputLocation)
        outputTimestamp = try c.decodeUnlessNull(String.self, forKey: .outputTimestamp)
        dataPath = try c.decodeUnlessNull(String.self, forKey: .dataPath)
        annotationsPath = try c.decodeUnlessNull(String.self, forKey: .annotationsPath)
        benchmark = try c.decodeUnlessNull(BenchmarkTags.self, forKey: .benchmark)
        calibrationInput = try c.decodeUnlessNull(CalibrationInput.self, forKey: .calibrationInput)
        calibrationConstraint = try c.decodeUnlessNull(Double.self, forKey: .calibrationConstraint) ?? calibrationConstraint
        calibrationFormula = try c.decodeUnlessNull(CalibrationFormula.self, forKey: .calibrationFormula) ?? calibrationFormula
        calibratedSelection = try c.decodeUnlessNull(CalibratedSelection.self, forKey: .calibratedSelection) ?? calibratedSelection
        roiPriors = try c.decodeUnlessNull([String: ROIPrior].self, forKey: .roiPriors) ?? [:]
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
        try c.encode(missingDepVar, forKey: .missingDepVar)
        try c.encodeIfPresent(csv, forKey: .csv)
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
        // Calibration settings appear only when they matter, so configs without studies keep their bytes.
        try c.encodeIfPresent(calibrationInput, forKey: .calibrationInput)
        let calibrating = calibrationInput != nil
        if calibrating || calibrationConstraint != 0.1 { try c.encode(calibrationConstraint, forKey: .calibrationConstraint) }
        if calibrating || calibrationFormula != .robyn { try c.encode(calibrationFormula, forKey: .calibrationFormula) }
        if calibrating || calibratedSelection != .defaultRule {
            try c.encode(calibratedSelection, forKey: .calibratedSelection)
        }
        // Only when given, so configs without priors keep their bytes.
        if !roiPriors.isEmpty { try c.encode(roiPriors, forKey: .roiPriors) }
    }
}
