/// Converts a previous-system job config to the canonical ``JobConfig``, writing down every interpretation.
struct LegacyConversion {
    typealias Key = LegacyJobConfig.CodingKeys
    let raw: LegacyJobConfigFields
    private var notes: [String] = []

    init(_ raw: LegacyJobConfigFields) { self.raw = raw }

    mutating func note(_ text: String) { notes.append(text) }

    mutating func run() throws -> (config: JobConfig, notes: [String]) {
        var config = JobConfig(depVar: try depVar(), paidMedia: try pairs())
        try lists(&config)
        try window(&config)
        try model(&config)
        try budget(&config)
        try locations(&config)
        try benchmark(&config)
        try config.validate()
        return (config, notes)
    }

    private mutating func depVar() throws -> String {
        if let value = raw.text(.depVar) { return value }
        note("dep_var was missing; the previous system defaulted to UPLOAD_VALUE, and so does this conversion")
        return "UPLOAD_VALUE"
    }

    private mutating func pairs() throws -> [MediaPair] {
        let spends = raw.lists[.paidMediaSpends] ?? []
        guard let vars = raw.lists[.paidMediaVars] else {
            throw ConfigError(
                path: "$.paid_media_vars",
                "is missing; the previous system stopped on the spend/var length mismatch — write explicit paid_media pairs instead")
        }
        for key in [Key.paidMediaSpends, .paidMediaVars] where raw.listsGivenAsText.contains(key) {
            note("\(key.rawValue) was a comma-separated string; split into a list")
        }
        guard spends.count == vars.count else {
            throw ConfigError(
                path: "$.paid_media_vars",
                "\(spends.count) paid_media_spends but \(vars.count) paid_media_vars; the previous system paired them by position and stopped on a mismatch — write explicit paid_media pairs instead"
            )
        }
        let pairs = zip(spends, vars).map { MediaPair(spend: $0, variable: $1) }
        if !pairs.isEmpty {
            let text = pairs.map { $0.usesExposure ? "\($0.spend)→\($0.variable)" : $0.spend }.joined(separator: ", ")
            note("paid_media_spends and paid_media_vars paired by position into paid_media: \(text)")
        }
        return pairs
    }

    private mutating func lists(_ config: inout JobConfig) throws {
        for key in [Key.contextVars, .factorVars, .organicVars] where raw.listsGivenAsText.contains(key) {
            note("\(key.rawValue) was a comma-separated string; split into a list")
        }
        config.organicVars = raw.lists[.organicVars] ?? []
        config.contextVars = raw.lists[.contextVars] ?? []
        config.factorVars = raw.lists[.factorVars] ?? []
        let missing = config.factorVars.filter { !config.contextVars.contains($0) }
        if !missing.isEmpty {
            config.contextVars += missing
            note("factor vars added to context_vars, as the previous system's R code did: \(missing.joined(separator: ", "))")
        }
        if let country = raw.text(.country) {
            config.country = country.lowercased()
            if country != country.lowercased() { note("country '\(country)' lower-cased to '\(country.lowercased())'") }
        }
        config.revision = raw.text(.revision) ?? "default"
        if raw.present.contains(.revision), raw.text(.revision) == nil { note("empty revision replaced by 'default'") }
        config.dateVar = raw.text(.dateVar)
    }

    private mutating func window(_ config: inout JobConfig) throws {
        for (key, isStart) in [(Key.startDate, true), (Key.endDate, false)] {
            guard let text = raw.text(key) else {
                // The previous system's R code treated a missing or empty value like this too.
                if isStart {
                    config.startDate = CalendarDate(year: 2024, month: 1, day: 1)
                    note("start_date was \(raw.present.contains(key) ? "empty" : "missing"); the previous system then started at 2024-01-01, and so does this conversion")
                } else {
                    note("end_date was \(raw.present.contains(key) ? "empty" : "missing"); the previous system used the day of the run, the canonical config ends at the last date in the data")
                }
                continue
            }
            guard let date = DateFormat.isoDate.parse(text) else {
                throw ConfigError(path: "$.\(key.rawValue)", "'\(text)' is not a date; write it as YYYY-MM-DD")
            }
            if isStart { config.startDate = date } else { config.endDate = date }
        }
        if raw.present.contains(.dateInput) { note("date_input dropped (it was an echo only)") }
        if let trainSize = raw.trainSize {
            config.trainSize = trainSize
            if raw.trainSizeGivenAsText { note("train_size was the string '\(raw.trainSizeText ?? "")'; parsed as \(describe(trainSize))") }
        } else {
            note("train_size was missing; using the default search range [0.5, 0.8]")
        }
    }

    private func describe(_ size: TrainSize) -> String {
        switch size {
        case .fixed(let v): return NumberFormatting.shortest(v)
        case .range(let a, let b): return "[\(NumberFormatting.shortest(a)), \(NumberFormatting.shortest(b))]"
        }
    }

    private mutating func model(_ config: inout JobConfig) throws {
        if let type = raw.text(.depVarType) {
            guard let value = DepVarType(rawValue: type) else {
                throw ConfigError(path: "$.dep_var_type", "unknown value '\(type)'; expected 'revenue' or 'conversion'")
            }
            config.depVarType = value
        }
        if raw.nulls.contains(.adstock) {
            note("adstock was null; the previous system silently trained geometric, and so does this conversion")
        } else if let text = raw.text(.adstock) {
            guard let value = AdstockType(rawValue: text) else {
                throw ConfigError(
                    path: "$.adstock", "unknown value '\(text)'; expected 'geometric', 'weibull_cdf' or 'weibull_pdf'")
            }
            config.adstock = value
        }
        if let text = raw.text(.hyperparameterPreset) {
            guard let preset = HyperparameterPreset(rawValue: text) else {
                throw ConfigError(
                    path: "$.hyperparameter_preset",
                    "unknown preset '\(text)' (the previous system silently used 'Meshed recommend' for unknown names); use one of 'Meshed recommend', 'Facebook recommend', 'Robyn default', 'Custom'"
                )
            }
            config.hyperparameterPreset = preset
        }
        if config.hyperparameterPreset == .custom, raw.customHyperparameters.isEmpty {
            config.hyperparameterPreset = .meshedRecommend
            note("preset 'Custom' without custom_hyperparameters: the previous system used 'Meshed recommend' bounds, and so does this conversion")
        }
        if !raw.customHyperparameters.isEmpty {
            if config.hyperparameterPreset == .custom {
                let usable = Set(HyperparameterKind.kinds(for: config.adstock).map(\.rawValue))
                for (key, bound) in raw.customHyperparameters.sorted(by: { $0.key < $1.key }) {
                    let kind = HyperparameterKind.allCases.first { key.hasSuffix("_" + $0.rawValue) || key.hasPrefix($0.rawValue + "_") }
                    if let kind, !usable.contains(kind.rawValue) {
                        note("custom_hyperparameters.\(key) dropped: \(kind.rawValue) is not used by \(config.adstock.rawValue) adstock (the previous system ignored it)")
                    } else {
                        config.customHyperparameters[key] = bound
                    }
                }
            } else {
                note("custom_hyperparameters dropped: the previous system applied them only with preset 'Custom'")
            }
        }
        if raw.nulls.contains(.resampleFreq) {
            note("resample_freq was null; the previous system treated it as 'none', and so does this conversion")
        } else if let text = raw.text(.resampleFreq) {
            guard let value = ResampleFrequency(rawValue: text) else {
                throw ConfigError(path: "$.resample_freq", "unknown value '\(text)'; expected 'none', 'W' or 'M'")
            }
            config.resampleFreq = value
        }
        if raw.columnAggGivenAsText { note("column_agg_strategies was a JSON string; parsed") }
        for (column, text) in raw.columnAggStrategies.sorted(by: { $0.key < $1.key }) {
            if text == "auto" {
                config.columnAggStrategies[column] = .first
                note("column_agg_strategies.\(column): 'auto' (first value) written as 'first'")
            } else if let value = AggregationStrategy(rawValue: text) {
                config.columnAggStrategies[column] = value
            } else {
                throw ConfigError(
                    path: "$.column_agg_strategies.\(column)",
                    "unknown value '\(text)'; expected sum, mean, max, min, first or auto")
            }
        }
        for key in [Key.iterations, .trials] {
            if let value = raw.integers[key] {
                if key == .iterations { config.iterations = value } else { config.trials = value }
                if raw.integersGivenAsText.contains(key) { note("\(key.rawValue) was a string; parsed as \(value)") }
            }
        }
        if let cores = raw.integers[.maxCores] {
            config.threads = cores
            note("max_cores \(cores) written as threads (results do not depend on it)")
        }
        for key in [Key.useParquet, .parallelProcessing] where raw.flags[key] != nil {
            note("\(key.rawValue) dropped (not used by the training job)")
        }
    }

    private mutating func budget(_ config: inout JobConfig) throws {
        if let text = raw.text(.budgetScenario) {
            guard let value = BudgetScenario(rawValue: text) else {
                throw ConfigError(
                    path: "$.budget_scenario",
                    "unknown value '\(text)'; expected 'max_historical_response' or 'max_response_expected_spend'")
            }
            config.budgetScenario = value
        }
        config.expectedSpend = raw.expectedSpend
        config.channelBudgets = raw.channelBudgets
    }

    private mutating func locations(_ config: inout JobConfig) throws {
        let bucket = raw.text(.gcsBucket)
        if let path = raw.text(.dataGcsPath) {
            if path.hasPrefix("gs://") || bucket == nil {
                config.dataPath = path
            } else if let bucket {
                config.dataPath = "gs://\(bucket)/\(path.hasPrefix("/") ? String(path.dropFirst()) : path)"
                note("data_gcs_path '\(path)' made a gs:// URI in bucket \(bucket)")
            }
            note("data_gcs_path written as data_path")
        }
        if let path = raw.text(.annotationsGcsPath) {
            config.annotationsPath = path
            note("annotations_gcs_path written as annotations_path")
        }
        if let bucket {
            let country = config.country ?? "all"
            config.outputLocation = "gs://\(bucket)/robyn/\(config.revision)/\(country)"
            note("gcs_bucket \(bucket) written as output_location \(config.outputLocation ?? "")")
        }
        if let stamp = raw.text(.outputTimestamp) ?? raw.text(.timestamp) {
            config.outputTimestamp = stamp
            note("\(raw.text(.outputTimestamp) != nil ? "output_timestamp" : "timestamp") '\(stamp)' kept as output_timestamp (the run folder name)")
        }
    }

    private mutating func benchmark(_ config: inout JobConfig) throws {
        let id = raw.text(.benchmarkId), dimension = raw.text(.benchmarkTest), variant = raw.text(.benchmarkVariant)
        guard id != nil || dimension != nil || variant != nil else { return }
        guard let id, let dimension, let variant else {
            throw ConfigError(
                path: "$.benchmark_id", "benchmark tags are incomplete; benchmark_id, benchmark_test and benchmark_variant go together")
        }
        config.benchmark = BenchmarkTags(
            id: id, dimension: dimension, variant: variant, description: raw.text(.benchmarkDescription))
        note("benchmark_id/benchmark_test/benchmark_variant written as benchmark {id, dimension, variant}")
    }
}
