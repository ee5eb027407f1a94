import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// The body of `POST /v1/runs/{id}/allocate`: the `mmm-cli allocate` flags as JSON keys.
struct AllocateRequestBody: Decodable, Sendable {
    var budget: Double?
    var targetROAS: Double?
    var targetCPA: Double?
    var model: String?
    var dateRange: String?
    var bounds: AllocationBoundsFile?
    var channelBudgets: [String: Double]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case budget
        case targetROAS = "target_roas"
        case targetCPA = "target_cpa"
        case model
        case dateRange = "date_range"
        case bounds
        case channelBudgets = "channel_budgets"
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        budget = try c.decodeIfPresent(Double.self, forKey: .budget)
        targetROAS = try c.decodeIfPresent(Double.self, forKey: .targetROAS)
        targetCPA = try c.decodeIfPresent(Double.self, forKey: .targetCPA)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        dateRange = try c.decodeIfPresent(String.self, forKey: .dateRange)
        bounds = try c.decodeIfPresent(AllocationBoundsFile.self, forKey: .bounds)
        channelBudgets = try c.decodeIfPresent([String: Double].self, forKey: .channelBudgets)
    }

    /// The same rules as the command's flags.
    func check() throws {
        if let budget, !(budget.isFinite && budget >= 0) { throw ConfigError(path: "$.budget", "expected a non-negative number") }
        for (key, value) in [("target_roas", targetROAS), ("target_cpa", targetCPA)] {
            if let value, !(value.isFinite && value > 0) { throw ConfigError(path: "$.\(key)", "expected a positive number") }
        }
        if [budget, targetROAS, targetCPA].compactMap({ $0 }).count > 1 {
            throw ConfigError(path: "$", "give at most one of budget, target_roas, target_cpa")
        }
        if channelBudgets != nil, targetROAS != nil || targetCPA != nil {
            throw ConfigError(path: "$.channel_budgets", "channel budgets fix a budget per channel; they do not combine with a target")
        }
        for (channel, value) in channelBudgets ?? [:] where !(value.isFinite && value >= 0) {
            throw ConfigError(path: "$.channel_budgets.\(channel)", "expected a non-negative number")
        }
        if let model, !PathSegment.isSafe(model) { throw ConfigError(path: "$.model", "'\(model)' is not a model id like 1_12_3") }
        if let bounds {
            var probe = AllocationRequest(scenario: .maxResponse(.historical))
            do {
                try bounds.apply(to: &probe)
            } catch let error as ConfigError {
                throw ConfigError(path: "$.bounds" + error.path.dropFirst(), error.message)
            }
        }
    }
}

/// The body of `POST /v1/runs/{id}/response`: the `mmm-cli response` flags as JSON keys.
struct ResponseRequestBody: Decodable, Sendable {
    var channel: String
    var spend: Double
    var model: String?
    var dateRange: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case channel, spend, model
        case dateRange = "date_range"
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        channel = try c.decode(String.self, forKey: .channel)
        spend = try c.decode(Double.self, forKey: .spend)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        dateRange = try c.decodeIfPresent(String.self, forKey: .dateRange)
    }

    func check() throws {
        if !(spend.isFinite && spend >= 0) { throw ConfigError(path: "$.spend", "expected a non-negative number") }
        if let model, !PathSegment.isSafe(model) { throw ConfigError(path: "$.model", "'\(model)' is not a model id like 1_12_3") }
    }
}

/// `last:DAYS`, `all`, or `FROM,TO` (as `--date-range`).
enum DateRangeText {
    static func parse(_ text: String?) throws -> DecisionDateRange {
        guard let text else { return .standard }
        if text == "all" { return .window }
        if text.hasPrefix("last:"), let days = Int(text.dropFirst(5)), days >= 1 { return .lastDays(days) }
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let from = DateFormat.isoDate.parse(parts[0]), let to = DateFormat.isoDate.parse(parts[1]) {
            return .dates(from, to)
        }
        throw ConfigError(path: "$.date_range", "expected last:DAYS, all, or FROM,TO with dates as YYYY-MM-DD")
    }
}
