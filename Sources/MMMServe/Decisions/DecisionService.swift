import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// Allocations and response points on a finished run's model, answered as `mmm-cli allocate|response --json`
/// would. Loaded models are kept (a few, most recent first) so repeated questions on one run skip the file reads.
actor DecisionService {
    private struct Loaded {
        var file: ModelFile
        var model: ResponseModel
        var config: JobConfig?
    }

    private var cache: [String: Loaded] = [:]
    private var order: [String] = []
    private let capacity = 16

    /// The allocation JSON (the bytes `mmm-cli allocate --json` prints).
    /// - Throws: ``ConfigError`` (400) for bad input, a missing model file or an unknown model.
    func allocate(folder: any RunFolder, body: AllocateRequestBody) async throws -> Data {
        try body.check()
        let loaded = try await load(folder, modelId: body.model)
        let revenue = loaded.file.depVarType == .revenue
        if body.targetROAS != nil, !revenue {
            throw ConfigError(path: "$.target_roas", "target_roas needs a revenue model; this model is conversion: use target_cpa")
        }
        if body.targetCPA != nil, revenue {
            throw ConfigError(path: "$.target_cpa", "target_cpa needs a conversion model; this model is revenue: use target_roas")
        }
        var request: AllocationRequest
        if let target = body.targetROAS ?? body.targetCPA {
            request = AllocationRequest(scenario: .targetEfficiency(target: target))
        } else if let budget = body.budget {
            request = AllocationRequest(scenario: .maxResponse(.total(budget, source: "--budget")))
        } else if let config = loaded.config {
            let names = Set(loaded.file.paidMedia.flatMap { [$0.name, $0.spendColumn ?? $0.name] })
            request = AllocationRequest(config: config, channels: names)
        } else {
            request = AllocationRequest(scenario: .maxResponse(.historical))
        }
        request.dateRange = try DateRangeText.parse(body.dateRange)
        if let bounds = body.bounds { try bounds.apply(to: &request) }
        if let budgets = body.channelBudgets {
            request.channelBudgets = budgets
            if case .maxResponse(.historical) = request.scenario {
                request.scenario = .maxResponse(.total(budgets.values.reduce(0, +), source: "--channel-budgets"))
            }
        }
        return try StrictJSON.encode(try BudgetAllocator.allocate(loaded.model, request: request))
    }

    /// The response point JSON (the bytes `mmm-cli response --json` prints).
    func response(folder: any RunFolder, body: ResponseRequestBody) async throws -> Data {
        try body.check()
        let loaded = try await load(folder, modelId: body.model)
        let query: ResponseQuery
        do {
            query = try ResponseQuery(model: loaded.model, channel: body.channel, spend: body.spend, range: try DateRangeText.parse(body.dateRange))
        } catch let error as ConfigError {
            throw ConfigError(path: error.path == "$" ? "$.channel" : (error.path.hasPrefix("$") ? error.path : "$." + error.path), error.message)
        }
        return try StrictJSON.encode(query)
    }

    private func load(_ folder: any RunFolder, modelId: String?) async throws -> Loaded {
        let key = folder.location + "#" + (modelId ?? "")
        if let hit = cache[key] {
            order.removeAll { $0 == key }
            order.insert(key, at: 0)
            return hit
        }
        let file: ModelFile
        do {
            file = try await RunModelFile.load(from: folder, modelId: modelId)
        } catch var error as ConfigError {
            // Messages name the file inside the run, never the server's own paths.
            error.file = nil
            if modelId != nil, error.path == "model" || error.message.contains(modelId ?? "") { error.path = "$.model" }
            throw error
        }
        var config: JobConfig?
        if let data = try await folder.read("job_config.json") {
            config = try? StrictJSON.decode(JobConfig.self, from: data)
        }
        let loaded = Loaded(file: file, model: try ResponseModel(file), config: config)
        cache[key] = loaded
        order.insert(key, at: 0)
        if order.count > capacity, let evicted = order.popLast() { cache[evicted] = nil }
        return loaded
    }
}
