/// The partial-derivative vector of a ``Dual``: a fixed-size SIMD vector of doubles.
///
/// The arithmetic is declared here and implemented in each concrete `SIMDn<Double>` extension, so it binds to the
/// standard library's concrete (vectorised) operators. Written against the generic `SIMD` protocol instead, the
/// operations compile to lane-by-lane loops that are over a hundred times slower for 64 lanes.
public protocol DualPartials: Sendable {
    /// All zeros.
    static var zero: Self { get }
    /// The number of lanes.
    static var scalarCount: Int { get }
    /// One lane.
    subscript(index: Int) -> Double { get set }
    /// a + b.
    static func sum(_ a: Self, _ b: Self) -> Self
    /// a − b.
    static func difference(_ a: Self, _ b: Self) -> Self
    /// a·s.
    static func scaled(_ a: Self, _ s: Double) -> Self
    /// a·s + b·t.
    static func combination(_ a: Self, _ s: Double, _ b: Self, _ t: Double) -> Self
}

extension SIMD2: DualPartials where Scalar == Double {
    @inlinable @inline(__always) public static func sum(_ a: Self, _ b: Self) -> Self { a + b }
    @inlinable @inline(__always) public static func difference(_ a: Self, _ b: Self) -> Self { a - b }
    @inlinable @inline(__always) public static func scaled(_ a: Self, _ s: Double) -> Self { a * s }
    @inlinable @inline(__always)
    public static func combination(_ a: Self, _ s: Double, _ b: Self, _ t: Double) -> Self { a * s + b * t }
}

extension SIMD4: DualPartials where Scalar == Double {
    @inlinable @inline(__always) public static func sum(_ a: Self, _ b: Self) -> Self { a + b }
    @inlinable @inline(__always) public static func difference(_ a: Self, _ b: Self) -> Self { a - b }
    @inlinable @inline(__always) public static func scaled(_ a: Self, _ s: Double) -> Self { a * s }
    @inlinable @inline(__always)
    public static func combination(_ a: Self, _ s: Double, _ b: Self, _ t: Double) -> Self { a * s + b * t }
}

extension SIMD8: DualPartials where Scalar == Double {
    @inlinable @inline(__always) public static func sum(_ a: Self, _ b: Self) -> Self { a + b }
    @inlinable @inline(__always) public static func difference(_ a: Self, _ b: Self) -> Self { a - b }
    @inlinable @inline(__always) public static func scaled(_ a: Self, _ s: Double) -> Self { a * s }
    @inlinable @inline(__always)
    public static func combination(_ a: Self, _ s: Double, _ b: Self, _ t: Double) -> Self { a * s + b * t }
}

extension SIMD16: DualPartials where Scalar == Double {
    @inlinable @inline(__always) public static func sum(_ a: Self, _ b: Self) -> Self { a + b }
    @inlinable @inline(__always) public static func difference(_ a: Self, _ b: Self) -> Self { a - b }
    @inlinable @inline(__always) public static func scaled(_ a: Self, _ s: Double) -> Self { a * s }
    @inlinable @inline(__always)
    public static func combination(_ a: Self, _ s: Double, _ b: Self, _ t: Double) -> Self { a * s + b * t }
}

extension SIMD32: DualPartials where Scalar == Double {
    @inlinable @inline(__always) public static func sum(_ a: Self, _ b: Self) -> Self { a + b }
    @inlinable @inline(__always) public static func difference(_ a: Self, _ b: Self) -> Self { a - b }
    @inlinable @inline(__always) public static func scaled(_ a: Self, _ s: Double) -> Self { a * s }
    @inlinable @inline(__always)
    public static func combination(_ a: Self, _ s: Double, _ b: Self, _ t: Double) -> Self { a * s + b * t }
}

extension SIMD64: DualPartials where Scalar == Double {
    @inlinable @inline(__always) public static func sum(_ a: Self, _ b: Self) -> Self { a + b }
    @inlinable @inline(__always) public static func difference(_ a: Self, _ b: Self) -> Self { a - b }
    @inlinable @inline(__always) public static func scaled(_ a: Self, _ s: Double) -> Self { a * s }
    @inlinable @inline(__always)
    public static func combination(_ a: Self, _ s: Double, _ b: Self, _ t: Double) -> Self { a * s + b * t }
}
