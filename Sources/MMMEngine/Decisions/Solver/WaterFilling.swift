/// Exact maximisation of a sum of concave functions under `Σ x = B` and box bounds: every channel not held by a
/// bound takes the spend where its marginal response equals one common price λ (the Lagrange multiplier), and λ is
/// found by bisection on the total demand, which falls as λ rises.
enum WaterFilling {
    /// The solution of one concave problem.
    struct Solution {
        /// Spend per channel; sums to the budget.
        var spend: [Double]
        /// The common marginal response of the channels strictly inside their bounds.
        var price: Double
    }

    /// Maximises `Σ envelope_i(x_i)` subject to `Σ x_i = budget` and `low_i ≤ x_i ≤ high_i`.
    /// - Precondition: `Σ low ≤ budget ≤ Σ high`.
    /// - Parameters:
    ///   - envelopes: one concave function per channel, each with its bounds.
    ///   - budget: the total.
    /// - Returns: the maximiser and its price.
    static func solve(_ envelopes: [ConcaveEnvelope], budget: Double) -> Solution {
        func demand(_ price: Double) -> [Double] { envelopes.map { $0.demand(price: price) } }
        func total(_ x: [Double]) -> Double { x.reduce(0, +) }

        let atZero = demand(0)
        var low = 0.0
        var lowDemand: [Double]
        var high: Double
        var highDemand: [Double]
        if total(atZero) <= budget {
            // Even at price 0 the channels want no more: the rest goes to channels indifferent to it (flat curves).
            high = 0
            highDemand = atZero
            lowDemand = envelopes.map(\.high)
        } else {
            lowDemand = atZero
            let finiteSlopes = envelopes.map(\.maximumSlope).filter { $0.isFinite && $0 > 0 }
            high = Swift.max(finiteSlopes.max() ?? 1, Double.leastNormalMagnitude)
            highDemand = demand(high)
            var doublings = 0
            while total(highDemand) > budget, doublings < 2000 {
                low = high
                lowDemand = highDemand
                high *= 4
                highDemand = demand(high)
                doublings += 1
            }
            // Illinois (false position with halving) on D(λ) − B, with bisection (geometric while the bracket spans
            // decades) as the safeguard, until the demand meets the budget or the bracket is as tight as doubles allow.
            var fLow = total(lowDemand) - budget
            var fHigh = total(highDemand) - budget
            var side = 0
            var previousWidth = Double.infinity
            for _ in 0..<400 {
                let width = high - low
                if fHigh == 0 || width <= 1e-15 * high { break }
                let bisection = high > 4 * low && low > 0 ? (low * high).squareRoot() : 0.5 * (low + high)
                var mid = high - fHigh * (high - low) / (fHigh - fLow)
                // A step that did not halve the bracket (a jump in the demand, or slow convergence) is followed by
                // a bisection, so this is never slower than twice plain bisection.
                if width > 0.5 * previousWidth || !(mid > low && mid < high) { mid = bisection }
                previousWidth = width
                guard mid > low, mid < high else { break }
                let x = demand(mid)
                let f = total(x) - budget
                if Swift.abs(f) <= 1e-14 * Swift.max(1, budget) {
                    lowDemand = x
                    highDemand = x
                    high = mid
                    break
                }
                if f > 0 {
                    low = mid
                    lowDemand = x
                    fLow = f
                    if side == 1 { fHigh *= 0.5 }
                    side = 1
                } else {
                    high = mid
                    highDemand = x
                    fHigh = f
                    if side == -1 { fLow *= 0.5 }
                    side = -1
                }
            }
        }
        // highDemand sums to ≤ budget, lowDemand to ≥ budget; between them the demand jumps (a chord at price λ)
        // or moves continuously by rounding only. Fill the remainder in proportion to each channel's room.
        var spend = highDemand
        let remainder = budget - total(spend)
        let room = zip(lowDemand, highDemand).map { Swift.max(0, $0 - $1) }
        let totalRoom = total(room)
        if remainder > 0, totalRoom > 0 {
            let share = Swift.min(1, remainder / totalRoom)
            for i in spend.indices { spend[i] += room[i] * share }
        }
        balance(&spend, envelopes: envelopes, budget: budget)
        return Solution(spend: spend, price: high)
    }

    /// Puts the last rounding difference on a channel with room, so the spends sum to the budget.
    static func balance(_ spend: inout [Double], envelopes: [ConcaveEnvelope], budget: Double) {
        for _ in 0..<3 {
            let difference = budget - spend.reduce(0, +)
            if difference == 0 { return }
            guard
                let i = spend.indices.max(by: { a, b in
                    let roomA = difference > 0 ? envelopes[a].high - spend[a] : spend[a] - envelopes[a].low
                    let roomB = difference > 0 ? envelopes[b].high - spend[b] : spend[b] - envelopes[b].low
                    return roomA < roomB
                })
            else { return }
            spend[i] = Swift.min(envelopes[i].high, Swift.max(envelopes[i].low, spend[i] + difference))
        }
    }
}
