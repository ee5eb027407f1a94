import Foundation

/// Prophet's Fourier seasonality features.
package enum BaselineFourier {
    /// The `2 × order` columns `sin(2π·i·t/P), cos(2π·i·t/P)` for i = 1…order, in Prophet's order
    /// (sin 1, cos 1, sin 2, cos 2, …), where t is the day number since 1970-01-01 as Prophet computes it.
    /// - Parameters:
    ///   - days: days since 1970-01-01 of each row.
    ///   - period: the period in days (365.25 yearly, 7 weekly, 30.5 monthly).
    ///   - order: the Fourier order.
    /// - Returns: `2 × order` columns of `days.count` values.
    package static func columns(days: [Double], period: Double, order: Int) -> [[Double]] {
        var columns: [[Double]] = []
        columns.reserveCapacity(2 * max(order, 0))
        for i in stride(from: 1, through: order, by: 1) {
            // Same operation order as Prophet (2 * i * pi * t / period) so the features agree to the last bits.
            let angles = days.map { 2 * Double(i) * Double.pi * $0 / period }
            columns.append(angles.map { sin($0) })
            columns.append(angles.map { cos($0) })
        }
        return columns
    }
}
