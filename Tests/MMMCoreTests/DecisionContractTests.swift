import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore

/// model.json, allocation.json and the allocation summary: schemas agree with the Swift keys, decoding is strict,
/// and numbers survive the JSON round trip bit for bit (what "results from the file equal the run" rests on).
@Suite struct DecisionContractTests {
    private func schema(_ name: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: TestPaths.repo("schema/\(name).schema.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func keys(_ object: [String: Any]?) -> Set<String> {
        Set(((object?["properties"]) as? [String: Any])?.keys.map { $0 } ?? [])
    }

    @Test func schemasMatchTheSwiftKeys() throws {
        let model = try schema("model")
        #expect(keys(model) == ModelFile.jsonKeys)
        let media = ((model["properties"] as? [String: Any])?["media"] as? [String: Any])?["items"] as? [String: Any]
        #expect(keys(media) == ModelFileMedia.jsonKeys)
        let allocation = try schema("allocation")
        #expect(keys(allocation) == AllocationResult.jsonKeys)
        let defs = try #require(allocation["$defs"] as? [String: Any])
        #expect(keys(defs["run"] as? [String: Any]) == Set(AllocationRun.CodingKeys.allCases.map(\.rawValue)))
        #expect(keys(defs["channel_run"] as? [String: Any]) == Set(AllocationChannelRun.CodingKeys.allCases.map(\.rawValue)))
        #expect((defs["status"] as? [String: Any])?["enum"] as? [String] == AllocationStatus.allCases.map(\.rawValue))
        let channel = ((allocation["properties"] as? [String: Any])?["channels"] as? [String: Any])?["items"] as? [String: Any]
        #expect(keys(channel) == Set(AllocationChannel.CodingKeys.allCases.map(\.rawValue)))
        let summary = (try schema("model_summary")["properties"] as? [String: Any])?["allocation"] as? [String: Any]
        #expect(keys(summary) == AllocationSummary.jsonKeys)
    }

    static func file() throws -> ModelFile {
        let dates = (0..<4).compactMap { CalendarDate(year: 2024, month: 1, day: 1)?.adding(days: 7 * $0) }
        let media = ModelFileMedia(
            name: "tv_S", role: .paidMedia, spendColumn: "tv_S", costPerExposure: nil, coefficient: 1.2e5, alpha: 1.7,
            gamma: 0.6, theta: 0.3, shape: nil, scale: nil, inflexion: 812.25, values: [100, 0, 250.5, 3],
            windowMean: 84.5, windowMeanCarryover: 31.1, windowMeanResponse: 777)
        return ModelFile(
            runId: "r", modelId: "1_2_3", engine: .native, depVar: "revenue", depVarType: .revenue, adstock: .geometric,
            dates: dates, windowStart: dates[1], windowEnd: dates[3], metrics: ModelMetrics(modelId: "1_2_3"), media: [media])
    }

    @Test func modelFilesRoundTripAndRejectWhatTheyCannotMean() throws {
        let file = try Self.file()
        let data = try StrictJSON.encode(file)
        #expect(try StrictJSON.decode(ModelFile.self, from: data) == file)
        let text = try #require(String(data: data, encoding: .utf8))
        func rejects(_ from: String, _ to: String, path: String) {
            let changed = text.replacingOccurrences(of: from, with: to)
            #expect(changed != text, "\(from) not found")
            do {
                _ = try StrictJSON.decode(ModelFile.self, from: Data(changed.utf8))
                Issue.record("accepted \(to)")
            } catch let error as ConfigError {
                #expect(error.path == path, "\(error)")
            } catch {
                Issue.record("\(error)")
            }
        }
        rejects("\"inflexion\"", "\"inflection\"", path: "$.media[0].inflection")
        rejects("\"2024-01-08\",\n    \"2024-01-15\"", "\"2024-01-15\",\n    \"2024-01-08\"", path: "$.dates[2]")
        rejects("\"window_end\" : \"2024-01-22\"", "\"window_end\" : \"2024-01-23\"", path: "$.window_end")
        rejects("250.5,", "", path: "$.media[0].values")
        rejects("\"theta\" : 0.3", "\"shape\" : 0.3", path: "$.media[0].theta")
        rejects("\"role\" : \"paid_media\"", "\"role\" : \"paid\"", path: "$.media[0].role")
    }

    /// Doubles written by StrictJSON come back as the same doubles (shortest round-trip text, correctly rounded
    /// parsing), across magnitudes.
    @Test func doublesSurviveTheJSONRoundTripExactly() throws {
        var rng = SeededRandom(seed: 2026)
        var values: [Double] = [0.1, 1.0 / 3, 2.220446049250313e-16, 1.7976931348623157e308, Double.leastNonzeroMagnitude, 123456789.12345679]
        for _ in 0..<5_000 {
            let magnitude = rng.uniform(-30...30)
            values.append(Double(sign: .plus, exponent: 0, significand: 1) * rng.uniform(1...10) * pow(10, magnitude.rounded()))
        }
        var file = try Self.file()
        file.media[0].values = values
        file.dates = (0..<values.count).compactMap { CalendarDate(year: 2000, month: 1, day: 3)?.adding(days: 7 * $0) }
        file.windowStart = file.dates[0]
        file.windowEnd = file.dates[values.count - 1]
        let back = try StrictJSON.decode(ModelFile.self, from: StrictJSON.encode(file))
        #expect(back.media[0].values.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func summariesWithAndWithoutAnAllocationDecode() throws {
        // A version-1 file written before allocations existed still reads.
        let old = try StrictJSON.decode(ModelSummary.self, path: TestPaths.repo("Examples/contracts/model_summary.json"))
        #expect(old.allocation == nil)
        var summary = old
        let channel = AllocationSummary.Channel(channel: "tv_S", initialSpend: 10, optimalSpend: 12, status: .atUpperBound)
        let json = """
            {"model_id":"1_2_3","scenario":"max_response","date_start":"2024-01-01","date_end":"2024-12-30","periods":53,
             "feasible":true,"initial_spend":10,"initial_response":30,"optimal_spend":12,"optimal_response":33,
             "response_lift":0.1,"channels":[{"channel":"tv_S","initial_spend":10,"optimal_spend":12,"status":"at_upper_bound"}]}
            """
        summary.allocation = try decode(AllocationSummary.self, json)
        #expect(summary.allocation?.channels == [channel])
        let data = try StrictJSON.encode(summary)
        #expect(try StrictJSON.decode(ModelSummary.self, from: data) == summary)
        #expect(throws: ConfigError.self) {
            try decode(AllocationSummary.self, json.replacingOccurrences(of: "\"feasible\"", with: "\"feasable\""))
        }
        #expect(throws: ConfigError.self) {
            try decode(AllocationSummary.self, json.replacingOccurrences(of: "at_upper_bound", with: "upper"))
        }
    }
}
