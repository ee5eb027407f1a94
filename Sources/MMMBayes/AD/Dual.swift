/// A forward-mode dual number: a value and its partial derivatives with respect to up to `Partials.scalarCount`
/// inputs, held in a fixed-size SIMD vector (no heap allocation, vectorised arithmetic).
///
/// Pick the smallest width that covers the inputs being differentiated: `SIMD4` for one channel's transform
/// parameters, `SIMD64` for a whole model of up to 64 parameters. Unused lanes stay zero.
public struct Dual<Partials: DualPartials>: DualScalar, Sendable {
    /// The primal value.
    public var value: Double
    /// ∂value/∂input_i for each input lane i.
    public var partials: Partials

    /// A value with explicit partials.
    /// - Parameters:
    ///   - value: The primal value.
    ///   - partials: Its partial derivatives.
    @inlinable @inline(__always)
    public init(value: Double, partials: Partials) {
        self.value = value
        self.partials = partials
    }

    /// A constant.
    @inlinable @inline(__always)
    public init(_ constant: Double) {
        self.init(value: constant, partials: .zero)
    }

    /// The independent variable number `index`: value `value`, partial 1 in lane `index`.
    /// - Parameters:
    ///   - value: The input value.
    ///   - index: Its lane, `0..<Partials.scalarCount`.
    /// - Returns: The seeded dual.
    @inlinable
    public static func variable(_ value: Double, index: Int) -> Dual {
        var partials = Partials.zero
        partials[index] = 1
        return Dual(value: value, partials: partials)
    }

    /// The number of inputs this type can differentiate with respect to.
    @inlinable public static var width: Int { Partials.scalarCount }

    @inlinable @inline(__always)
    public func applying(value: Double, derivative: Double) -> Dual {
        Dual(value: value, partials: .scaled(partials, derivative))
    }

    @inlinable @inline(__always)
    public func combined(with other: Dual, value: Double, dSelf: Double, dOther: Double) -> Dual {
        Dual(value: value, partials: .combination(partials, dSelf, other.partials, dOther))
    }

    @inlinable @inline(__always)
    public static func + (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value + rhs.value, partials: .sum(lhs.partials, rhs.partials))
    }

    @inlinable @inline(__always)
    public static func - (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value - rhs.value, partials: .difference(lhs.partials, rhs.partials))
    }

    @inlinable @inline(__always)
    public static func * (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value * rhs.value, partials: .combination(lhs.partials, rhs.value, rhs.partials, lhs.value))
    }

    @inlinable @inline(__always)
    public static func / (lhs: Dual, rhs: Dual) -> Dual {
        let inverse = 1 / rhs.value
        let v = lhs.value * inverse
        return Dual(value: v, partials: .combination(lhs.partials, inverse, rhs.partials, -v * inverse))
    }

    @inlinable @inline(__always)
    public static prefix func - (operand: Dual) -> Dual {
        Dual(value: -operand.value, partials: .scaled(operand.partials, -1))
    }

    @inlinable @inline(__always)
    public static func + (lhs: Dual, rhs: Double) -> Dual {
        Dual(value: lhs.value + rhs, partials: lhs.partials)
    }

    @inlinable @inline(__always)
    public static func - (lhs: Dual, rhs: Double) -> Dual {
        Dual(value: lhs.value - rhs, partials: lhs.partials)
    }

    @inlinable @inline(__always)
    public static func * (lhs: Dual, rhs: Double) -> Dual {
        Dual(value: lhs.value * rhs, partials: .scaled(lhs.partials, rhs))
    }

    @inlinable @inline(__always)
    public static func / (lhs: Dual, rhs: Double) -> Dual {
        let inverse = 1 / rhs
        return Dual(value: lhs.value * inverse, partials: .scaled(lhs.partials, inverse))
    }

    /// In-place sum, so accumulations do not build temporaries.
    @inlinable @inline(__always)
    public static func += (lhs: inout Dual, rhs: Dual) {
        lhs.value += rhs.value
        lhs.partials = .sum(lhs.partials, rhs.partials)
    }

    /// In-place `self += a · b` with a constant `b` (a fused accumulation for sums of weighted duals).
    /// - Parameters:
    ///   - term: The dual term.
    ///   - weight: Its constant weight.
    @inlinable @inline(__always)
    public mutating func add(_ term: Dual, times weight: Double) {
        value += term.value * weight
        partials = .combination(partials, 1, term.partials, weight)
    }
}

/// Duals of the common widths.
public typealias Dual2 = Dual<SIMD2<Double>>
/// Four partials: one channel's transform parameters.
public typealias Dual4 = Dual<SIMD4<Double>>
/// Sixty-four partials: a whole model of up to 64 parameters.
public typealias Dual64 = Dual<SIMD64<Double>>
