import Foundation
import MMMCore
import Testing

@testable import MMMEngine

/// The allocator end to end on a small model: constraints, both runs, scenarios, date ranges, and the words it
/// uses when a bound binds or a budget cannot be met.
@Suite struct AllocatorBehaviourTests {
    static func allocate(_ request: AllocationRequest, file: ModelFile? = nil) throws -> AllocationResult {
        try BudgetAllocator.allocate(ResponseModel(file ?? DecisionFixtures.threeChannels()), request: request)
    }

    static func maxResponse(_ budget: AllocationRequest.Budget = .historical) -> AllocationRequest {
        var request = AllocationRequest(scenario: .maxResponse(budget))
        request.dateRange = .window
        return request
    }

    @Test func historicalBudgetIsReallocatedWithinTheBoundsAndNeverLosesResponse() throws {
        let result = try Self.allocate(Self.maxResponse())
        #expect(result.scenario == .maxResponse && result.bounded.feasible && result.extended.feasible)
        #expect(Swift.abs(result.bounded.optimalSpendTotal - result.bounded.initialSpendTotal) <= 1e-6)
        for channel in result.channels {
            #expect(channel.bounded.spend >= channel.bounded.lowerBound && channel.bounded.spend <= channel.bounded.upperBound)
            #expect(Tolerance.close(channel.bounded.lowerBound, 0.5 * channel.initialSpend, rel: 1e-14))
            #expect(Tolerance.close(channel.bounded.upperBound, 2 * channel.initialSpend, rel: 1e-14))
            // Robyn's extended bounds: max(0, 1 − 0.5·3) = 0 and 1 + 1·3 = 4.
            #expect(channel.extended.lowerBound == 0)
            #expect(Tolerance.close(channel.extended.upperBound, 4 * channel.initialSpend, rel: 1e-14))
            #expect(!channel.bounded.explanation.isEmpty)
        }
        // The historical split is feasible, so the optimum is at least as good; wider bounds only help.
        #expect(result.bounded.optimalResponseTotal >= result.bounded.initialResponseTotal)
        #expect(result.extended.optimalResponseTotal >= result.bounded.optimalResponseTotal - 1e-9)
        #expect(result.curves.count == 3 && result.curves.allSatisfy { $0.spend.count == 101 && $0.spend.first == 0 })
        let data = try StrictJSON.encode(result)
        #expect(try JSONDecoder().decode(AllocationResult.self, from: data) == result)
    }

    @Test func aBudgetBelowTheLowerBoundsIsExplainedWithTheShortfall() throws {
        let model = try ResponseModel(DecisionFixtures.threeChannels())
        let periods = model.window.count
        let lowerSum = model.paidChannels.map { 0.5 * $0.meanValue(rows: model.window) }.reduce(0, +)
        let budget = 0.8 * lowerSum * Double(periods)
        let result = try Self.allocate(Self.maxResponse(.total(budget, source: "--budget")))
        #expect(!result.bounded.feasible)
        #expect(result.channels.allSatisfy { $0.bounded.status == .budgetBelowLowerBounds && $0.bounded.spend == $0.bounded.lowerBound })
        let warning = try #require(result.diagnostics.first { $0.code == "allocation_budget_below_lower_bounds" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("\(AllocationWords.amount(0.2 * lowerSum)) per period below the sum of the channels' lower bounds"), "\(warning.message)")
        #expect(warning.message.contains("tv_S") && warning.message.contains("lower them or raise the budget"))
        // The extended run (lower bounds 0) can meet it.
        #expect(result.extended.feasible)
    }

    @Test func aBudgetAboveTheUpperBoundsSaysWhatIsLeftUnallocated() throws {
        let model = try ResponseModel(DecisionFixtures.threeChannels())
        let upperSum = model.paidChannels.map { 2 * $0.meanValue(rows: model.window) }.reduce(0, +)
        let result = try Self.allocate(Self.maxResponse(.total(3 * upperSum * Double(model.window.count), source: "--budget")))
        #expect(!result.bounded.feasible)
        #expect(result.channels.allSatisfy { $0.bounded.status == .budgetAboveUpperBounds })
        let warning = try #require(result.diagnostics.first { $0.code == "allocation_budget_above_upper_bounds" })
        #expect(warning.message.contains("\(AllocationWords.amount(2 * upperSum)) per period above the sum"), "\(warning.message)")
        #expect(warning.message.contains("left unallocated"))
    }

    @Test func zeroCoefficientAndZeroBoundsSayWhyTheChannelDidNotMove() throws {
        var file = try DecisionFixtures.threeChannels()
        file.media[2].coefficient = 0
        var request = Self.maxResponse()
        request.channelBounds = ["search_S": BoundMultipliers(low: 0, up: 0)]
        let result = try Self.allocate(request, file: file)
        let search = try #require(result.channels.first { $0.channel == "search_S" })
        #expect(search.bounded.status == .fixedByBounds && search.bounded.spend == 0)
        #expect(search.bounded.explanation.contains("its bounds are [0, 0]"), "\(search.bounded.explanation)")
        let print = try #require(result.channels.first { $0.channel == "print_S" })
        #expect(print.bounded.status == .zeroCoefficient)
        #expect(print.bounded.spend == print.bounded.lowerBound)
        #expect(print.bounded.explanation.contains("no effect (coefficient 0)"))
        // The freed money goes to tv_S: the total stays the historical budget.
        #expect(Swift.abs(result.bounded.optimalSpendTotal - result.bounded.initialSpendTotal) <= 1e-6)
    }

    @Test func aBindingUpperBoundIsNamedWithItsMarginalReturn() throws {
        var request = Self.maxResponse()
        request.channelBounds = ["tv_S": BoundMultipliers(low: 1, up: 1.0001), "print_S": BoundMultipliers(low: 0.2, up: 1.01)]
        let result = try Self.allocate(request)
        let statuses = Dictionary(uniqueKeysWithValues: result.channels.map { ($0.channel, $0.bounded) })
        let bound = try #require(statuses.values.first { $0.status == .atUpperBound || $0.status == .atLowerBound })
        if bound.status == .atUpperBound {
            #expect(bound.explanation.hasPrefix("would spend more: at its upper bound"), "\(bound.explanation)")
            let marginal = try #require(bound.marginalResponse)
            let price = try #require(result.bounded.marginalResponse)
            #expect(marginal >= price)
        } else {
            #expect(bound.explanation.contains("lower bound"), "\(bound.explanation)")
        }
        for run in statuses.values where run.status == .optimal {
            #expect(Tolerance.close(try #require(run.marginalResponse), try #require(result.bounded.marginalResponse), rel: 1e-5))
        }
    }

    @Test func identicalConcaveChannelsWithEqualSpendAreAlreadyOptimal() throws {
        let flat = [Double](repeating: 1_000, count: 30)
        let file = try DecisionFixtures.modelFile(
            channels: [("a", flat, 50_000, 0.9, 0.2, 0.5), ("b", flat, 50_000, 0.9, 0.2, 0.5)], window: 2..<30)
        let result = try Self.allocate(Self.maxResponse(), file: file)
        for channel in result.channels {
            #expect(channel.bounded.status == .optimal && !channel.bounded.moved)
            #expect(channel.bounded.explanation.hasPrefix("already optimal"), "\(channel.bounded.explanation)")
        }
    }

    @Test func targetEfficiencyMeetsTheTargetOrSaysWhyNot() throws {
        let base = try Self.allocate(Self.maxResponse())
        let initialROAS = base.bounded.initialResponseTotal / base.bounded.initialSpendTotal
        var request = AllocationRequest(scenario: .targetEfficiency(target: nil))
        request.dateRange = .window
        let met = try Self.allocate(request)
        #expect(Tolerance.close(try #require(met.target), 0.8 * initialROAS, rel: 1e-12))
        #expect(met.bounded.feasible)
        #expect(Tolerance.close(met.bounded.optimalResponseTotal / met.bounded.optimalSpendTotal, 0.8 * initialROAS, rel: 1e-8))

        request.scenario = .targetEfficiency(target: 1_000 * initialROAS)
        let unreachable = try Self.allocate(request)
        #expect(!unreachable.bounded.feasible)
        let warning = try #require(unreachable.diagnostics.first { $0.code == "allocation_target_unreachable" })
        #expect(warning.message.contains("short of the target"), "\(warning.message)")

        request.scenario = .targetEfficiency(target: 1e-6)
        let capped = try Self.allocate(request)
        #expect(capped.bounded.feasible)
        #expect(capped.diagnostics.contains { $0.code == "allocation_target_capped" })
        #expect(capped.channels.allSatisfy { Tolerance.close($0.bounded.spend, 10 * $0.initialSpend, rel: 1e-12) })
    }

    @Test func conversionModelsTargetACPA() throws {
        var request = AllocationRequest(scenario: .targetEfficiency(target: nil))
        request.dateRange = .window
        let result = try Self.allocate(request, file: try DecisionFixtures.threeChannels(depVarType: .conversion))
        let initialCPA = result.bounded.initialSpendTotal / result.bounded.initialResponseTotal
        #expect(Tolerance.close(try #require(result.target), 1.2 * initialCPA, rel: 1e-12))
        #expect(Tolerance.close(result.bounded.optimalSpendTotal / result.bounded.optimalResponseTotal, 1.2 * initialCPA, rel: 1e-8))
        #expect(result.channels.allSatisfy { $0.initialROI == nil && $0.initialCPA != nil })
    }

    @Test func channelBudgetsFixEachChannelWithinFivePercent() throws {
        var request = Self.maxResponse(.total(520_000, source: "expected_spend"))
        request.channelBudgets = ["tv_S": 400_000, "search_S": 120_000]
        let result = try Self.allocate(request)
        let periods = Double(result.periods)
        for channel in result.channels {
            switch channel.channel {
            case "tv_S", "search_S":
                let budget = (channel.channel == "tv_S" ? 400_000.0 : 120_000) / periods
                #expect(channel.bounded.spend >= 0.95 * budget - 1e-9 && channel.bounded.spend <= 1.05 * budget + 1e-9)
            default:
                #expect(channel.bounded.spend == 0 && channel.bounded.status == .fixedByBounds)
                #expect(channel.bounded.explanation.contains("no channel budget"))
            }
        }
        #expect(Tolerance.close(result.bounded.optimalSpendTotal, 520_000, rel: 1e-9))
    }

    @Test func configModesMapAsThePreviousSystemDid() throws {
        var config = JobConfig(depVar: "revenue", paidMedia: [])
        #expect(AllocationRequest(config: config).scenario == .maxResponse(.historical))
        config.budgetScenario = .maxResponseExpectedSpend
        config.expectedSpend = 1_000
        let low = AllocationRequest(config: config)
        #expect(low.scenario == .maxResponse(.total(1_000, source: "expected_spend")) && low.lowBudgetRule)
        #expect(low.dateRange == .lastDays(365))
        let result = try Self.allocate(low)
        #expect(result.diagnostics.contains { $0.code == "low_budget_bounds" })
        #expect(result.channels.allSatisfy { Tolerance.close($0.bounded.lowerMultiplier ?? -1, 0.01, rel: 1e-12) })
        // 1,000 is far below 1 % of the history, so even the 0.01 lower bounds exceed it.
        #expect(result.diagnostics.contains { $0.code == "allocation_budget_below_lower_bounds" })
        var half = low
        half.scenario = .maxResponse(.total(0.5 * result.bounded.initialSpendTotal, source: "expected_spend"))
        let halved = try Self.allocate(half)
        #expect(halved.bounded.feasible)
        #expect(halved.channels.allSatisfy { Tolerance.close($0.bounded.upperMultiplier ?? -1, 1, rel: 1e-9) })
        config.channelBudgets = ["tv_S": 3, "search_S": 1]
        let split = AllocationRequest(config: config)
        #expect(split.channelBudgets == ["tv_S": 750, "search_S": 250])
        #expect(split.notes.contains { $0.code == "channel_budgets_scaled" })
    }

    @Test func dateRangesSelectTheRightRows() throws {
        let model = try ResponseModel(DecisionFixtures.threeChannels())
        #expect(try model.rows(for: .window) == 8..<60)
        // The last 100 days of weekly data: the last date and the 14 weeks before it; 365 days reach past the
        // window's start, so the range is clipped to the window.
        #expect(try model.rows(for: .lastDays(100)) == 45..<60)
        #expect(try model.rows(for: .lastDays(365)) == 8..<60)
        let dates = model.file.dates
        #expect(try model.rows(for: .dates(dates[20], dates[29])) == 20..<30)
        #expect(throws: ConfigError.self) { try model.rows(for: .dates(dates[0], dates[3])) }
        var request = Self.maxResponse()
        request.channelBounds = ["nope": BoundMultipliers(low: 0, up: 1)]
        let error = try #require(throws: ConfigError.self) { try Self.allocate(request) }
        #expect(error.path == "bounds.nope" && error.message.contains("tv_S, search_S, print_S"))
    }
}
