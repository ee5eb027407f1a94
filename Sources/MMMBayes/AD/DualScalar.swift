import Foundation

/// A real number that may carry derivatives: `Double` (no derivatives) or ``Dual`` (forward-mode partials).
///
/// Model code written once against this protocol runs on plain values (fast evaluation, finite differences) and on
/// dual numbers (exact gradients). Every elementary function is built from two chain-rule primitives,
/// ``applying(value:derivative:)`` and ``combined(with:value:dSelf:dOther:)``, so a new function needs only its
/// value and its derivative.
public protocol DualScalar: Sendable {
    /// A constant (all partials zero).
    init(_ constant: Double)
    /// The primal value.
    var value: Double { get }

    /// `f(self)` given `f(value)` and `f′(value)`: the partials are scaled by the derivative.
    /// - Parameters:
    ///   - value: f at the primal value.
    ///   - derivative: f′ at the primal value.
    /// - Returns: The result with chain-ruled partials.
    func applying(value: Double, derivative: Double) -> Self

    /// `f(self, other)` given its value and both partial derivatives.
    /// - Parameters:
    ///   - other: The second argument.
    ///   - value: f at the primal values.
    ///   - dSelf: ∂f/∂self.
    ///   - dOther: ∂f/∂other.
    /// - Returns: The result with chain-ruled partials.
    func combined(with other: Self, value: Double, dSelf: Double, dOther: Double) -> Self

    /// Sum.
    static func + (lhs: Self, rhs: Self) -> Self
    /// Difference.
    static func - (lhs: Self, rhs: Self) -> Self
    /// Product.
    static func * (lhs: Self, rhs: Self) -> Self
    /// Quotient.
    static func / (lhs: Self, rhs: Self) -> Self
    /// Negation.
    static prefix func - (operand: Self) -> Self
    /// Sum with a constant.
    static func + (lhs: Self, rhs: Double) -> Self
    /// Difference with a constant.
    static func - (lhs: Self, rhs: Double) -> Self
    /// Product with a constant.
    static func * (lhs: Self, rhs: Double) -> Self
    /// Quotient by a constant.
    static func / (lhs: Self, rhs: Double) -> Self
}

extension Double: DualScalar {
    /// A plain value has no partials, so the primitive is just the value.
    @inlinable @inline(__always)
    public func applying(value: Double, derivative: Double) -> Double { value }

    /// A plain value has no partials, so the primitive is just the value.
    @inlinable @inline(__always)
    public func combined(with other: Double, value: Double, dSelf: Double, dOther: Double) -> Double { value }

    /// The value itself.
    @inlinable public var value: Double { self }
}

/// Constant-on-the-left arithmetic, so model code reads like the formulas.
extension DualScalar {
    /// `c + x`.
    @inlinable @inline(__always)
    public static func + (lhs: Double, rhs: Self) -> Self { rhs + lhs }

    /// `c − x`.
    @inlinable @inline(__always)
    public static func - (lhs: Double, rhs: Self) -> Self { -rhs + lhs }

    /// `c · x`.
    @inlinable @inline(__always)
    public static func * (lhs: Double, rhs: Self) -> Self { rhs * lhs }

    /// `c / x`.
    @inlinable @inline(__always)
    public static func / (lhs: Double, rhs: Self) -> Self {
        let v = lhs / rhs.value
        return rhs.applying(value: v, derivative: -v / rhs.value)
    }
}
