/// The resolved search bounds of one modelled variable (paid media var or organic var).
public struct ChannelBounds: Codable, Sendable, Equatable {
    /// Hill shape.
    public var alphas: ParameterBound
    /// Hill inflexion position (share of the window maximum).
    public var gammas: ParameterBound
    /// Geometric decay (geometric adstock only).
    public var thetas: ParameterBound?
    /// Weibull shape (Weibull adstock only).
    public var shapes: ParameterBound?
    /// Weibull scale (Weibull adstock only).
    public var scales: ParameterBound?

    /// Creates bounds.
    public init(
        alphas: ParameterBound, gammas: ParameterBound, thetas: ParameterBound? = nil, shapes: ParameterBound? = nil,
        scales: ParameterBound? = nil
    ) {
        self.alphas = alphas
        self.gammas = gammas
        self.thetas = thetas
        self.shapes = shapes
        self.scales = scales
    }

    /// The bound of one kind, if this channel has it.
    public subscript(kind: HyperparameterKind) -> ParameterBound? {
        get {
            switch kind {
            case .alphas: return alphas
            case .gammas: return gammas
            case .thetas: return thetas
            case .shapes: return shapes
            case .scales: return scales
            }
        }
        set {
            switch kind {
            case .alphas: if let newValue { alphas = newValue }
            case .gammas: if let newValue { gammas = newValue }
            case .thetas: thetas = newValue
            case .shapes: shapes = newValue
            case .scales: scales = newValue
            }
        }
    }
}
