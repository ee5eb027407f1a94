/// A target the samplers and the optimiser can work with: a log density on ℝⁿ with its exact gradient.
///
/// The model is shared by all chains (so it is `Sendable` and immutable); each chain gets its own ``Workspace``
/// for scratch memory, so evaluations allocate nothing and never contend.
public protocol LogDensityModel: Sendable {
    /// Per-chain scratch memory.
    associatedtype Workspace
    /// The number of unconstrained parameters.
    var dimension: Int { get }
    /// Creates scratch memory for one chain.
    /// - Returns: A fresh workspace.
    func makeWorkspace() -> Workspace
    /// Evaluates log p(q) (up to a constant) and writes its gradient.
    /// - Parameters:
    ///   - q: The point, ``dimension`` values.
    ///   - gradient: Receives ∇ log p(q); must already hold ``dimension`` values.
    ///   - workspace: This chain's scratch memory.
    /// - Returns: log p(q); `-.infinity` or NaN where the density is zero or undefined.
    func logDensity(_ q: [Double], gradient: inout [Double], workspace: inout Workspace) -> Double
}

/// A log density given by a closure, for known test targets and small problems (no workspace).
public struct ClosureDensity: LogDensityModel {
    /// The number of parameters.
    public let dimension: Int
    let body: @Sendable ([Double], inout [Double]) -> Double

    /// Creates a target from a closure computing log p and writing the gradient.
    /// - Parameters:
    ///   - dimension: Number of parameters.
    ///   - body: `(q, &gradient) -> log p(q)`.
    public init(dimension: Int, _ body: @escaping @Sendable ([Double], inout [Double]) -> Double) {
        self.dimension = dimension
        self.body = body
    }

    public func makeWorkspace() {}

    public func logDensity(_ q: [Double], gradient: inout [Double], workspace: inout Void) -> Double {
        body(q, &gradient)
    }
}
