import Foundation

/// The raw values of a previous-system job config, decoded leniently about shapes (strings vs numbers vs lists).
struct LegacyJobConfigFields: Sendable {
    typealias Key = LegacyJobConfig.CodingKeys

    var strings: [Key: String] = [:]
    var nulls: Set<Key> = []
    var lists: [Key: [String]] = [:]
    var listsGivenAsText: Set<Key> = []
    var integers: [Key: Int] = [:]
    var integersGivenAsText: Set<Key> = []
    var trainSize: TrainSize?
    var trainSizeGivenAsText = false
    var trainSizeText: String?
    var expectedSpend: Double?
    var channelBudgets: [String: Double] = [:]
    var customHyperparameters: [String: ParameterBound] = [:]
    var columnAggStrategies: [String: String] = [:]
    var columnAggGivenAsText = false
    var flags: [Key: Bool] = [:]
    var present: Set<Key> = []

    init(_ c: KeyedDecodingContainer<Key>) throws {
        present = Set(c.allKeys)
        for key in c.allKeys where try c.decodeNil(forKey: key) { nulls.insert(key) }
        let textKeys: [Key] = [
            .country, .revision, .dateInput, .startDate, .endDate, .gcsBucket, .dataGcsPath, .annotationsGcsPath,
            .timestamp, .outputTimestamp, .depVar, .depVarType, .dateVar, .adstock, .hyperparameterPreset,
            .resampleFreq, .budgetScenario, .benchmarkId, .benchmarkTest, .benchmarkVariant, .benchmarkDescription,
        ]
        for key in textKeys where present.contains(key) && !nulls.contains(key) {
            strings[key] = try c.decode(String.self, forKey: key)
        }
        for key in [Key.paidMediaSpends, .paidMediaVars, .contextVars, .factorVars, .organicVars]
        where present.contains(key) && !nulls.contains(key) {
            if c.isString(forKey: key) { listsGivenAsText.insert(key) }
            lists[key] = try c.decodeStringList(forKey: key) ?? []
        }
        for key in [Key.iterations, .trials, .maxCores] where present.contains(key) && !nulls.contains(key) {
            if let value = try? c.decode(Int.self, forKey: key) {
                integers[key] = value
            } else if let text = try? c.decode(String.self, forKey: key), let value = Int(text.trimmingCharacters(in: .whitespaces)) {
                integers[key] = value
                integersGivenAsText.insert(key)
            } else {
                throw DecodingError.typeMismatch(
                    Int.self, .init(codingPath: c.codingPath + [key], debugDescription: "expected an integer"))
            }
        }
        if present.contains(.trainSize), !nulls.contains(.trainSize) {
            trainSizeGivenAsText = c.isString(forKey: .trainSize)
            trainSizeText = try? c.decode(String.self, forKey: .trainSize)
            trainSize = try c.decode(TrainSize.self, forKey: .trainSize)
        }
        expectedSpend = try c.decodeIfPresent(Double.self, forKey: .expectedSpend)
        channelBudgets = try c.decodeIfPresent([String: Double].self, forKey: .channelBudgets) ?? [:]
        if present.contains(.customHyperparameters), !nulls.contains(.customHyperparameters) {
            customHyperparameters = try Self.customBounds(c)
        }
        if present.contains(.columnAggStrategies), !nulls.contains(.columnAggStrategies) {
            if let map = try? c.decode([String: String].self, forKey: .columnAggStrategies) {
                columnAggStrategies = map
            } else if let text = try? c.decode(String.self, forKey: .columnAggStrategies),
                let map = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
            {
                columnAggStrategies = map
                columnAggGivenAsText = true
            } else {
                throw DecodingError.typeMismatch(
                    [String: String].self,
                    .init(
                        codingPath: c.codingPath + [Key.columnAggStrategies],
                        debugDescription: "expected an object of column → strategy, or that object as a JSON string"))
            }
        }
        for key in [Key.useParquet, .parallelProcessing] where present.contains(key) && !nulls.contains(key) {
            flags[key] = try c.decode(Bool.self, forKey: key)
        }
    }

    /// `custom_hyperparameters` values as `[low, high]`, numbers, or the batch CSV's `"[1.0, 3.0]"` / `"1.0, 3.0"`.
    private static func customBounds(_ c: KeyedDecodingContainer<Key>) throws -> [String: ParameterBound] {
        let nested = try c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .customHyperparameters)
        var result: [String: ParameterBound] = [:]
        for key in nested.allKeys {
            if let bound = try? nested.decode(ParameterBound.self, forKey: key) {
                result[key.stringValue] = bound
                continue
            }
            let text = (try? nested.decode(String.self, forKey: key)) ?? ""
            let numbers = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                .split(separator: ",").map { NumberParser.parse($0.trimmingCharacters(in: .whitespaces)) }
            guard !numbers.isEmpty, numbers.count <= 2, numbers.allSatisfy({ $0 != nil }) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: nested.codingPath + [key], debugDescription: "expected [low, high] or a number"))
            }
            let values = numbers.compactMap { $0 }
            result[key.stringValue] = ParameterBound(values[0], values[values.count - 1])
        }
        return result
    }

    /// A non-empty string value, treating "" as absent (the previous system's R helper did the same).
    func text(_ key: Key) -> String? {
        guard let value = strings[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
