/// The allocation of a run's best model, as `model_summary.json` records it (the full result is `allocation.json`).
///
/// Amounts are totals over the allocation's date range.
public struct AllocationSummary: Codable, Sendable, Equatable {
    /// One channel's line.
    public struct Channel: Codable, Sendable, Equatable {
        /// The modelled name.
        public var channel: String
        /// Historical spend over the range.
        public var initialSpend: Double
        /// Optimised spend over the range.
        public var optimalSpend: Double
        /// Why it ended there.
        public var status: AllocationStatus

        /// Creates a line.
        public init(channel: String, initialSpend: Double, optimalSpend: Double, status: AllocationStatus) {
            self.channel = channel
            self.initialSpend = initialSpend
            self.optimalSpend = optimalSpend
            self.status = status
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case channel
            case initialSpend = "initial_spend"
            case optimalSpend = "optimal_spend"
            case status
        }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            channel = try c.decode(String.self, forKey: .channel)
            initialSpend = try c.decode(Double.self, forKey: .initialSpend)
            optimalSpend = try c.decode(Double.self, forKey: .optimalSpend)
            status = try c.decode(AllocationStatus.self, forKey: .status)
        }
    }

    /// The allocated model.
    public var modelId: String
    /// The scenario.
    public var scenario: AllocationScenario
    /// First date of the range.
    public var dateStart: CalendarDate
    /// Last date of the range.
    public var dateEnd: CalendarDate
    /// Periods in the range.
    public var periods: Int
    /// The target ROAS or CPA of a target_efficiency allocation.
    public var target: Double?
    /// Whether the budget or target could be met within the bounds.
    public var feasible: Bool
    /// Historical spend over the range.
    public var initialSpend: Double
    /// The curves' response to the historical spend over the range.
    public var initialResponse: Double
    /// Optimised spend over the range.
    public var optimalSpend: Double
    /// Optimised response over the range.
    public var optimalResponse: Double
    /// `optimal / initial response − 1`.
    public var responseLift: Double?
    /// Per-channel lines, in model order.
    public var channels: [Channel]

    /// Summarises a full result (its bounded run).
    /// - Parameter result: the allocation.
    public init(_ result: AllocationResult) {
        let periods = Double(result.periods)
        modelId = result.modelId
        scenario = result.scenario
        dateStart = result.dateStart
        dateEnd = result.dateEnd
        self.periods = result.periods
        target = result.target
        feasible = result.bounded.feasible
        initialSpend = result.bounded.initialSpendTotal
        initialResponse = result.bounded.initialResponseTotal
        optimalSpend = result.bounded.optimalSpendTotal
        optimalResponse = result.bounded.optimalResponseTotal
        responseLift = result.bounded.responseLift
        channels = result.channels.map {
            Channel(
                channel: $0.channel, initialSpend: $0.initialSpend * periods, optimalSpend: $0.bounded.spend * periods,
                status: $0.bounded.status)
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case modelId = "model_id"
        case scenario
        case dateStart = "date_start"
        case dateEnd = "date_end"
        case periods, target, feasible
        case initialSpend = "initial_spend"
        case initialResponse = "initial_response"
        case optimalSpend = "optimal_spend"
        case optimalResponse = "optimal_response"
        case responseLift = "response_lift"
        case channels
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        modelId = try c.decode(String.self, forKey: .modelId)
        scenario = try c.decode(AllocationScenario.self, forKey: .scenario)
        dateStart = try c.decode(CalendarDate.self, forKey: .dateStart)
        dateEnd = try c.decode(CalendarDate.self, forKey: .dateEnd)
        periods = try c.decode(Int.self, forKey: .periods)
        target = try c.decodeIfPresent(Double.self, forKey: .target)
        feasible = try c.decode(Bool.self, forKey: .feasible)
        initialSpend = try c.decode(Double.self, forKey: .initialSpend)
        initialResponse = try c.decode(Double.self, forKey: .initialResponse)
        optimalSpend = try c.decode(Double.self, forKey: .optimalSpend)
        optimalResponse = try c.decode(Double.self, forKey: .optimalResponse)
        responseLift = try c.decodeIfPresent(Double.self, forKey: .responseLift)
        channels = try c.decode([Channel].self, forKey: .channels)
    }
}
