extension JobConfig {
    /// Paid media vars then organic vars: the variables that get adstock and saturation.
    public var modelledMediaVariables: [String] { paidMedia.map(\.variable) + organicVars }

    /// Baseline terms to build: the configured ones; else none when `baseline_columns` supplies them; else trend +
    /// season (+ holiday when a country is known, + weekday for daily data).
    public func effectiveBaselineTerms(dailyData: Bool) -> [BaselineTerm] {
        if let baselineVars { return baselineVars }
        if !baselineColumns.isEmpty { return [] }
        var terms: [BaselineTerm] = [.trend, .season]
        if effectiveHolidaysCountry != nil { terms.append(.holiday) }
        if dailyData { terms.append(.weekday) }
        return terms
    }

    /// The holiday calendar country, upper-cased (e.g. `DE`), if any.
    public var effectiveHolidaysCountry: String? {
        (holidaysCountry ?? country).map { $0.uppercased() }
    }

    /// Final hyperparameter bounds per modelled variable.
    /// - Throws: ``ConfigError`` for bad `custom_hyperparameters`.
    public func resolvedHyperparameterBounds() throws -> [String: ChannelBounds] {
        var aliases: [String: String] = [:]
        for pair in paidMedia where pair.usesExposure { aliases[pair.spend] = pair.variable }
        return try HyperparameterResolver.resolve(
            preset: hyperparameterPreset, custom: customHyperparameters, adstock: adstock,
            variables: modelledMediaVariables, spendAliases: aliases)
    }

    /// Checks the rules that span several fields.
    /// - Throws: ``ConfigError`` naming the JSON path of the first problem.
    public func validate() throws {
        guard !depVar.trimmingCharactersInSet().isEmpty else { throw ConfigError(path: "$.dep_var", "must not be empty") }
        guard !paidMedia.isEmpty else {
            throw ConfigError(path: "$.paid_media", "at least one {\"spend\": …, \"var\": …} pair is required")
        }
        var roleOf: [String: String] = [depVar: "dep_var"]
        func claim(_ name: String, _ role: String, _ path: String) throws {
            guard !name.isEmpty else { throw ConfigError(path: path, "must not be empty") }
            if let other = roleOf[name], other != role {
                throw ConfigError(path: path, "'\(name)' is already used as \(other); each column has one role")
            }
            if roleOf[name] == role { throw ConfigError(path: path, "'\(name)' is listed twice") }
            roleOf[name] = role
        }
        for (i, pair) in paidMedia.enumerated() {
            try claim(pair.spend, "a paid media spend", "$.paid_media[\(i)].spend")
            if pair.usesExposure { try claim(pair.variable, "a paid media var", "$.paid_media[\(i)].var") }
        }
        for (i, name) in organicVars.enumerated() { try claim(name, "an organic var", "$.organic_vars[\(i)]") }
        for (i, name) in baselineColumns.enumerated() {
            try claim(name, "a baseline column", "$.baseline_columns[\(i)]")
            if let term = BaselineTerm(rawValue: name), baselineVars?.contains(term) == true {
                throw ConfigError(
                    path: "$.baseline_columns[\(i)]", "'\(name)' is also computed (baseline_vars); list it in one place")
            }
        }
        for (i, name) in contextVars.enumerated() { try claim(name, "a context var", "$.context_vars[\(i)]") }
        for (i, name) in factorVars.enumerated() where !contextVars.contains(name) {
            throw ConfigError(
                path: "$.factor_vars[\(i)]", "'\(name)' must also be listed in context_vars (factors are context drivers)")
        }
        for (key, value) in [("country", country), ("holidays_country", holidaysCountry)] {
            if let value, !(value.count == 2 && value.allSatisfy { $0.isASCII && $0.isLetter }) {
                throw ConfigError(path: "$.\(key)", "'\(value)' is not an ISO-3166 alpha-2 code such as \"de\"")
            }
        }
        if baselineVars?.contains(.holiday) == true, effectiveHolidaysCountry == nil {
            throw ConfigError(path: "$.baseline_vars", "'holiday' needs country or holidays_country")
        }
        if let startDate, let endDate, startDate > endDate {
            throw ConfigError(path: "$.start_date", "start_date \(startDate) is after end_date \(endDate)")
        }
        guard (1...1_000_000).contains(iterations) else { throw ConfigError(path: "$.iterations", "must be 1…1000000") }
        guard (1...1000).contains(trials) else { throw ConfigError(path: "$.trials", "must be 1…1000") }
        if let threads, !(1...1024).contains(threads) { throw ConfigError(path: "$.threads", "must be 1…1024") }
        if let expectedSpend, !(expectedSpend.isFinite && expectedSpend >= 0) {
            throw ConfigError(path: "$.expected_spend", "must be a non-negative number")
        }
        if budgetScenario == .maxResponseExpectedSpend, expectedSpend == nil {
            throw ConfigError(path: "$.expected_spend", "required by budget_scenario max_response_expected_spend")
        }
        let spends = Set(paidMedia.map(\.spend))
        for key in channelBudgets.keys.sorted() {
            guard spends.contains(key) else {
                throw ConfigError(path: "$.channel_budgets.\(key)", "'\(key)' is not a paid media spend column")
            }
            guard let value = channelBudgets[key], value.isFinite, value >= 0 else {
                throw ConfigError(path: "$.channel_budgets.\(key)", "must be a non-negative number")
            }
        }
        for (key, value) in [("revision", revision), ("output_timestamp", outputTimestamp ?? "x")]
        where !PathSegment.isSafe(value) {
            throw ConfigError(path: "$.\(key)", "'\(value)' must be a path segment of letters, digits, '-', '_' or '.'")
        }
        _ = try resolvedHyperparameterBounds()
        try validateCalibration()
        try validateROIPriors()
    }

    /// Robyn's configuration-level calibration checks (the data-level ones run when the model is built).
    /// - Throws: ``ConfigError`` naming `$.calibration_constraint` or `$.calibration_input[i].<key>`.
    public func validateCalibration() throws {
        guard calibrationConstraint.isFinite, (0.01...0.1).contains(calibrationConstraint) else {
            throw ConfigError(
                path: "$.calibration_constraint",
                "\(NumberFormatting.shortest(calibrationConstraint)) must be in 0.01…0.1 (Robyn's range; 0.1 keeps the best-calibrated 10 % of models)")
        }
        switch calibrationInput {
        case .file(let path)?:
            guard !path.trimmingCharactersInSet().isEmpty else {
                throw ConfigError(path: "$.calibration_input", "must be a CSV path or a list of studies, not an empty string")
            }
        case .studies(let studies)?:
            guard !studies.isEmpty else {
                throw ConfigError(path: "$.calibration_input", "the list is empty; omit the key to train without calibration")
            }
            for (index, study) in studies.enumerated() {
                if let problem = CalibrationChecks.problem(study, config: self) {
                    throw ConfigError(path: "$.calibration_input[\(index)].\(problem.key)", problem.message)
                }
            }
        case nil:
            break
        }
    }
}

/// Rules for strings that become one segment of a file or object path.
public enum PathSegment {
    /// Letters, digits, `-`, `_`, `.`; not empty, not `.` or `..`, at most 200 characters.
    public static func isSafe(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 200 && text != "." && text != ".."
            && text.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0) }
    }
}

extension String {
    /// Whitespace-trimmed copy without importing Foundation into contract files.
    func trimmingCharactersInSet() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
