/// One paid-media channel: the spend column and the variable that models it (the spend itself, or an exposure such
/// as impressions or clicks).
///
/// Pairs are explicit because the previous system paired two lists by position, which broke whenever one list was
/// deduplicated and the other was not.
public struct MediaPair: Codable, Sendable, Hashable {
    /// The spend column (money).
    public var spend: String
    /// The modelled column: equal to ``spend`` for spend-to-spend, an exposure column otherwise.
    public var variable: String

    /// Creates a pair.
    public init(spend: String, variable: String) {
        self.spend = spend
        self.variable = variable
    }

    /// Whether the channel is modelled through an exposure (proxy) variable rather than its spend.
    public var usesExposure: Bool { spend != variable }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case spend
        case variable = "var"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        spend = try c.decode(String.self, forKey: .spend)
        variable = try c.decode(String.self, forKey: .variable)
    }
}
