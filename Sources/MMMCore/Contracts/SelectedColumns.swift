/// `selected_columns.json`: the driver selection exported by the previous system's "Prepare Training Data" page
/// (reference-system §3.1), read exactly as it was written so existing files load.
///
/// Lists accept a JSON array or a comma-separated string. Unknown keys are errors.
public struct SelectedColumns: Codable, Sendable, Equatable {
    /// Lower-case ISO-2 country code, e.g. `de`.
    public var country: String
    /// The dependent variable (goal) column, e.g. `N_UPLOADS_WEB`.
    public var selectedGoal: String
    /// Spend columns (deduplicated, first-seen order).
    public var paidMediaSpends: [String]
    /// Media response/exposure columns; each must map to a spend through ``varToSpendMapping``.
    public var paidMediaVars: [String]
    /// Media var → spend column. May hold extra entries completed from metadata; those are ignored.
    public var varToSpendMapping: [String: String]
    /// Organic drivers.
    public var organicVars: [String]
    /// Context drivers.
    public var contextVars: [String]
    /// Factor (categorical) drivers; Robyn treats them as context variables.
    public var factorVars: [String]
    /// Every selected driver (informational).
    public var allSelectedDrivers: [String]
    /// Mapped-data version: `Latest` or `YYYYMMDD_HHMMSS`.
    public var dataVersion: String?
    /// Metadata version label.
    public var metaVersion: String?
    /// Export timestamp (`YYYYMMDD_HHMMSS`, Europe/Paris time in the previous system).
    public var timestamp: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case country
        case selectedGoal = "selected_goal"
        case paidMediaSpends = "paid_media_spends"
        case paidMediaVars = "paid_media_vars"
        case varToSpendMapping = "var_to_spend_mapping"
        case organicVars = "organic_vars"
        case contextVars = "context_vars"
        case factorVars = "factor_vars"
        case allSelectedDrivers = "all_selected_drivers"
        case dataVersion = "data_version"
        case metaVersion = "meta_version"
        case timestamp
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))
    /// The JSON keys that must be present.
    public static let requiredJSONKeys: Set<String> = [
        "country", "selected_goal", "paid_media_spends", "paid_media_vars", "var_to_spend_mapping",
    ]

    /// Creates a selection.
    public init(
        country: String, selectedGoal: String, paidMediaSpends: [String], paidMediaVars: [String],
        varToSpendMapping: [String: String], organicVars: [String] = [], contextVars: [String] = [],
        factorVars: [String] = [], allSelectedDrivers: [String] = [], dataVersion: String? = nil,
        metaVersion: String? = nil, timestamp: String? = nil
    ) {
        self.country = country
        self.selectedGoal = selectedGoal
        self.paidMediaSpends = paidMediaSpends
        self.paidMediaVars = paidMediaVars
        self.varToSpendMapping = varToSpendMapping
        self.organicVars = organicVars
        self.contextVars = contextVars
        self.factorVars = factorVars
        self.allSelectedDrivers = allSelectedDrivers
        self.dataVersion = dataVersion
        self.metaVersion = metaVersion
        self.timestamp = timestamp
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        country = try c.decode(String.self, forKey: .country)
        selectedGoal = try c.decode(String.self, forKey: .selectedGoal)
        func list(_ key: CodingKeys, required: Bool = false) throws -> [String] {
            if required, !c.contains(key) {
                throw DecodingError.keyNotFound(key, .init(codingPath: c.codingPath, debugDescription: "missing"))
            }
            return try c.decodeStringList(forKey: key) ?? []
        }
        paidMediaSpends = try list(.paidMediaSpends, required: true)
        paidMediaVars = try list(.paidMediaVars, required: true)
        varToSpendMapping = try c.decode([String: String].self, forKey: .varToSpendMapping)
        organicVars = try list(.organicVars)
        contextVars = try list(.contextVars)
        factorVars = try list(.factorVars)
        allSelectedDrivers = try list(.allSelectedDrivers)
        dataVersion = try c.decodeUnlessNull(String.self, forKey: .dataVersion)
        metaVersion = try c.decodeUnlessNull(String.self, forKey: .metaVersion)
        timestamp = try c.decodeUnlessNull(String.self, forKey: .timestamp)
    }

    /// The explicit (spend, var) pairs this selection means, in `paid_media_vars` order, followed by any spend that no
    /// var maps to (modelled by its own spend).
    ///
    /// - Returns: the pairs and one note per interpretation made.
    /// - Throws: ``ConfigError`` if a var has no spend, maps to a spend not in `paid_media_spends`, a var is listed
    ///   twice, or two vars map to the same spend (Robyn models one var per spend).
    public func mediaPairs() throws -> (pairs: [MediaPair], notes: [String]) {
        var pairs: [MediaPair] = []
        var notes: [String] = []
        var seenVars: Set<String> = []
        var spendOwner: [String: String] = [:]
        let spends = Set(paidMediaSpends)
        for (index, variable) in paidMediaVars.enumerated() {
            let path = "$.paid_media_vars[\(index)]"
            guard seenVars.insert(variable).inserted else {
                throw ConfigError(path: path, "media var '\(variable)' is listed twice; list each var once")
            }
            guard let spend = varToSpendMapping[variable] else {
                throw ConfigError(
                    path: "$.var_to_spend_mapping",
                    "media var '\(variable)' has no spend column; add \"\(variable)\": \"<spend column>\"")
            }
            guard spends.contains(spend) else {
                throw ConfigError(
                    path: "$.var_to_spend_mapping.\(variable)",
                    "maps to '\(spend)', which is not in paid_media_spends; add it there or fix the mapping")
            }
            if let other = spendOwner[spend] {
                throw ConfigError(
                    path: "$.var_to_spend_mapping.\(variable)",
                    "spend '\(spend)' is already mapped by '\(other)'; a spend can be modelled through one var only")
            }
            spendOwner[spend] = variable
            pairs.append(MediaPair(spend: spend, variable: variable))
        }
        for spend in paidMediaSpends where spendOwner[spend] == nil {
            pairs.append(MediaPair(spend: spend, variable: spend))
            spendOwner[spend] = spend
            notes.append("spend '\(spend)' has no media var mapped to it; it is modelled by its own spend")
        }
        let ignored = varToSpendMapping.keys.filter { !seenVars.contains($0) }.sorted()
        if !ignored.isEmpty {
            notes.append(
                "var_to_spend_mapping entries for vars not in paid_media_vars were ignored: "
                    + ignored.joined(separator: ", "))
        }
        return (pairs, notes)
    }
}
