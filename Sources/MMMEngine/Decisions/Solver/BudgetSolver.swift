/// One channel of an allocation problem: its curve and its spend bounds (per period).
package struct BoundedCurve: Sendable, Hashable {
    /// The response curve.
    package var curve: ResponseCurve
    /// Smallest allowed spend.
    package var lower: Double
    /// Largest allowed spend.
    package var upper: Double

    /// Creates a bounded curve.
    package init(curve: ResponseCurve, lower: Double, upper: Double) {
        self.curve = curve
        self.lower = lower
        self.upper = upper
    }
}

/// The best split of a budget over channels: `max Σ resp_i(x_i)` subject to `Σ x_i = B`, `lower_i ≤ x_i ≤ upper_i`.
///
/// Hill curves with α > 1 are S-shaped, so the problem is not concave in general and a local method (Robyn uses
/// nloptr's SLSQP from the lower bounds) can stop at a worse split. This solver is global: a branch-and-bound over
/// spend intervals (Udell & Boyd's method for sums of sigmoids). Each node replaces every curve by its concave
/// envelope on the node's interval and solves that concave problem exactly by water-filling; the envelope's value
/// bounds the node from above, the true curves at the same split give a feasible value from below, and the interval
/// of the channel with the largest envelope gap is split until the bounds meet. When every curve is concave on its
/// bounds the first node is already exact.
package enum BudgetSolver {
    /// A solved split.
    package struct Solution: Sendable {
        /// Spend per channel.
        package var spend: [Double]
        /// Response per channel.
        package var response: [Double]
        /// The common marginal response of the channels not held by a bound (the last node's price).
        package var price: Double
        /// Upper bound on how far `Σ response` is from the optimum.
        package var gap: Double
        /// Nodes solved.
        package var nodes: Int

        /// `Σ response`.
        package var total: Double { response.reduce(0, +) }
    }

    /// Relative tolerance on the optimum (of `Σ response`).
    package static let tolerance = 1e-10
    /// Node limit (never reached in tests; the gap reports how close the answer is if it were).
    package static let nodeLimit = 5000

    /// Maximises total response for a budget.
    /// - Precondition: `Σ lower ≤ budget ≤ Σ upper` (callers handle infeasible budgets).
    /// - Parameters:
    ///   - channels: curves with bounds.
    ///   - budget: the total spend per period.
    /// - Returns: the best split found and its optimality gap.
    package static func maximize(_ channels: [BoundedCurve], budget: Double) -> Solution {
        struct Node {
            var low: [Double]
            var high: [Double]
            var spend: [Double]
            var upperBound: Double
            var gaps: [Double]
            var price: Double
        }
        func solve(low: [Double], high: [Double]) -> Node {
            let envelopes = channels.indices.map { ConcaveEnvelope(curve: channels[$0].curve, low: low[$0], high: high[$0]) }
            let relaxed = WaterFilling.solve(envelopes, budget: budget)
            let bound = zip(envelopes, relaxed.spend).map { $0.value(at: $1) }
            let actual = zip(channels, relaxed.spend).map { $0.curve.response(at: $1) }
            return Node(
                low: low, high: high, spend: relaxed.spend, upperBound: bound.reduce(0, +),
                gaps: zip(bound, actual).map { Swift.max(0, $0 - $1) }, price: relaxed.price)
        }
        func value(_ spend: [Double]) -> Double { zip(channels, spend).map { $0.curve.response(at: $1) }.reduce(0, +) }

        let root = solve(low: channels.map(\.lower), high: channels.map(\.upper))
        var best = root
        var bestValue = value(root.spend)
        var open = [root]
        var nodes = 1
        while let index = open.indices.max(by: { a, b in
            // Best-first: the open node with the highest upper bound (ties: the earliest, for determinism).
            open[a].upperBound < open[b].upperBound || (open[a].upperBound == open[b].upperBound && a > b)
        }) {
            let node = open[index]
            if node.upperBound - bestValue <= Self.tolerance * Swift.max(1, Swift.abs(bestValue)) || nodes >= nodeLimit {
                break
            }
            open.remove(at: index)
            guard let k = node.gaps.indices.max(by: { node.gaps[$0] < node.gaps[$1] }), node.gaps[k] > 0 else { continue }
            let width = node.high[k] - node.low[k]
            var cut = node.spend[k]
            if !(cut > node.low[k] + 1e-3 * width && cut < node.high[k] - 1e-3 * width) { cut = node.low[k] + 0.5 * width }
            for (low, high) in [(node.low[k], cut), (cut, node.high[k])] {
                var lows = node.low
                var highs = node.high
                lows[k] = low
                highs[k] = high
                guard lows.reduce(0, +) <= budget, highs.reduce(0, +) >= budget else { continue }
                let child = solve(low: lows, high: highs)
                nodes += 1
                let childValue = value(child.spend)
                if childValue > bestValue {
                    best = child
                    bestValue = childValue
                }
                open.append(child)
            }
            open.removeAll { $0.upperBound - bestValue <= Self.tolerance * Swift.max(1, Swift.abs(bestValue)) }
        }
        let openBound = open.map(\.upperBound).max() ?? bestValue
        let response = zip(channels, best.spend).map { $0.curve.response(at: $1) }
        // The price is the marginal response the free channels share at the optimum (first-order conditions);
        // the last relaxation's multiplier can be a chord's slope instead.
        let free = channels.indices.filter { SolvedRun.isInside(best.spend[$0], channels[$0].lower, channels[$0].upper) }
        let marginals = free.map { channels[$0].curve.gradient(at: best.spend[$0]) }.sorted()
        let price = marginals.isEmpty ? best.price : marginals[marginals.count / 2]
        return Solution(
            spend: best.spend, response: response, price: price, gap: Swift.max(0, openBound - bestValue), nodes: nodes)
    }
}
