/// The name of one model quantity: a parameter kind and, for per-channel or per-control quantities, whose it is.
public struct QuantityName: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The quantity (`adstock_theta`, `hill_alpha`, `beta`, `roi`, `intercept`, `sigma`, …).
    public var name: String
    /// The channel or control it belongs to; empty for global quantities.
    public var owner: String

    /// Creates a name.
    public init(_ name: String, owner: String = "") {
        self.name = name
        self.owner = owner
    }

    public var description: String { owner.isEmpty ? name : "\(name)[\(owner)]" }
}

/// Where each parameter sits in the unconstrained vector the sampler moves in.
///
/// Order: per channel (in input order) its adstock parameters (logit θ, or log shape and logit scale), log α,
/// logit γ and its effect u = log(total contribution ÷ K) (log ROI under a ROI prior); then the centred intercept
/// c₀ (the mean fitted level), the control coefficients and log σ. See ``MMMPosterior`` for the reasons.
public struct ParameterLayout: Sendable, Hashable {
    /// Per-channel indices.
    public struct Channel: Sendable, Hashable {
        /// First adstock parameter (θ, or the Weibull shape).
        public var adstock: Int
        /// Number of adstock parameters (1 geometric, 2 Weibull).
        public var adstockCount: Int
        /// Hill α.
        public var alpha: Int { adstock + adstockCount }
        /// Hill γ.
        public var gamma: Int { adstock + adstockCount + 1 }
        /// The effect u = log(K⁻¹ · total contribution).
        public var effect: Int { adstock + adstockCount + 2 }
        /// The local transform parameters (adstock, α, γ), in the order of a channel's dual lanes.
        public var transform: Range<Int> { adstock..<(adstock + adstockCount + 2) }
    }

    /// Channels in input order.
    public var channels: [Channel]
    /// The intercept.
    public var intercept: Int
    /// First control coefficient; controls are contiguous.
    public var firstControl: Int
    /// Number of controls.
    public var controlCount: Int
    /// log σ.
    public var sigma: Int
    /// The total number of unconstrained parameters.
    public var dimension: Int { sigma + 1 }

    /// Lays out parameters for the given adstock forms and number of controls.
    /// - Parameters:
    ///   - adstocks: Each channel's adstock form.
    ///   - controlCount: Number of controls.
    public init(adstocks: [AdstockKind], controlCount: Int) {
        var next = 0
        channels = adstocks.map { kind in
            let count = kind == .geometric ? 1 : 2
            defer { next += count + 3 }
            return Channel(adstock: next, adstockCount: count)
        }
        intercept = next
        firstControl = next + 1
        self.controlCount = controlCount
        sigma = next + 1 + controlCount
    }
}
