import Foundation
import MMMCore

/// The hyperparameter box of a run, and the map from the optimiser's unit cube to candidate hyperparameters.
///
/// Names follow Robyn's `hyper_names()`: every `<var>_<kind>` sorted, then `lambda`, then `train_size`. Only bounds
/// that are ranges are searched; fixed values stay fixed. A unit coordinate is first rounded to 10 significant
/// digits, then mapped to `lower + u·(upper − lower)`, as Robyn does.
package struct SearchSpace: Sendable {
    /// All hyperparameter names in Robyn's order.
    package let names: [String]
    /// The bound of each name.
    package let bounds: [ParameterBound]
    /// Indices (into ``names``) of the searched hyperparameters, in optimiser-coordinate order.
    package let free: [Int]
    private let mediaNames: [String]
    private let adstock: AdstockType
    private let slots: [String: Int]

    /// Creates the space.
    /// - Parameters:
    ///   - mediaNames: media and organic names in design order.
    ///   - channelBounds: resolved bounds per variable.
    ///   - adstock: decides which kinds exist.
    ///   - trainSize: fixed or searched training share.
    ///   - lambda: bound of Robyn's normalised ridge penalty.
    /// - Throws: ``EngineError`` if a variable has no bounds.
    package init(
        mediaNames: [String], channelBounds: [String: ChannelBounds], adstock: AdstockType, trainSize: TrainSize,
        lambda: ParameterBound = ParameterBound(0, 1)
    ) throws {
        var pairs: [(String, ParameterBound)] = []
        for variable in mediaNames {
            guard let channel = channelBounds[variable] else {
                throw EngineError(.invalidHyperparameters, "No hyperparameter bounds for '\(variable)'.")
            }
            for kind in HyperparameterKind.kinds(for: adstock) {
                guard let bound = channel[kind] else {
                    throw EngineError(.invalidHyperparameters, "No \(kind.rawValue) bound for '\(variable)'.")
                }
                pairs.append(("\(variable)_\(kind.rawValue)", bound))
            }
        }
        pairs.sort { BaselineFactorEncoding.collates($0.0, $1.0) }
        pairs.append(("lambda", lambda))
        let (low, high) = trainSize.bounds
        pairs.append(("train_size", ParameterBound(low, high)))
        let allBounds = pairs.map(\.1)
        names = pairs.map(\.0)
        bounds = allBounds
        free = allBounds.indices.filter { !allBounds[$0].isFixed }
        self.mediaNames = mediaNames
        self.adstock = adstock
        slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    /// Number of searched hyperparameters.
    package var dimension: Int { free.count }

    /// Every hyperparameter's value for a point of the unit cube (length ``dimension``).
    package func values(unit: [Double]) -> [Double] {
        var values = bounds.map(\.lower)
        for (coordinate, index) in free.enumerated() where coordinate < unit.count {
            values[index] = bounds[index].value(at: Self.significant(unit[coordinate], digits: 10))
        }
        return values
    }

    /// The candidate for a full value vector (one value per name).
    package func candidate(values: [Double]) -> CandidateHyperparameters {
        func value(_ name: String) -> Double { slots[name].map { values[$0] } ?? 0 }
        let media = mediaNames.map { variable -> MediaHyperparameters in
            let adstockParameters: AdstockParameters =
                adstock == .geometric
                ? .geometric(theta: value("\(variable)_thetas"))
                : .weibull(shape: value("\(variable)_shapes"), scale: value("\(variable)_scales"))
            return MediaHyperparameters(
                adstock: adstockParameters, alpha: value("\(variable)_alphas"), gamma: value("\(variable)_gammas"))
        }
        return CandidateHyperparameters(media: media, lambda: .normalized(value("lambda")), trainSize: value("train_size"))
    }

    /// R's `signif(x, digits)`.
    static func significant(_ x: Double, digits: Int) -> Double {
        guard x != 0, x.isFinite else { return x }
        let magnitude = Int(floor(log10(abs(x))))
        let scale = pow(10, Double(digits - 1 - magnitude))
        return RCompat.round(x * scale) / scale
    }
}
