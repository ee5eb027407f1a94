import Foundation

/// The share of the modelling window used for training.
///
/// The rest is split in time order: validation and test **each take half of the remainder**. So `0.7` means 70 %
/// train, 15 % validation, 15 % test — not "70/20/10". A range is a search interval: the optimiser samples a fraction
/// for every candidate model (Robyn's `train_size` hyperparameter). `1` means no validation or test split.
public enum TrainSize: Sendable, Equatable, Codable {
    /// Every candidate uses this fraction.
    case fixed(Double)
    /// Each candidate samples a fraction in `lower...upper`.
    case range(Double, Double)

    /// Robyn's limits: a fraction must lie in (0.1, 1].
    public static let limits = "(0.1, 1]"

    /// Lower and upper bound (equal for a fixed value).
    public var bounds: (lower: Double, upper: Double) {
        switch self {
        case .fixed(let v): return (v, v)
        case .range(let a, let b): return (a, b)
        }
    }

    /// Whether validation/test splits exist (train fraction below 1 for some candidate).
    public var hasValidation: Bool { bounds.lower < 1 }

    /// Parses `0.7`, `[0.5, 0.8]`, `"0.7"` or `"0.5,0.8"` (the last two as the previous system wrote them).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let values: [Double]
        if let number = try? container.decode(Double.self) {
            values = [number]
        } else if let list = try? container.decode([Double].self) {
            values = list
        } else if let text = try? container.decode(String.self) {
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = parts.compactMap { NumberParser.parse($0) }
            guard numbers.count == parts.count else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not a fraction or a 'low,high' pair of fractions")
            }
            values = numbers
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a fraction like 0.7 or a range like [0.5, 0.8]")
        }
        self = try Self.make(values, container: container)
    }

    private static func make(_ values: [Double], container: any SingleValueDecodingContainer) throws -> TrainSize {
        switch make(values) {
        case .success(let size): return size
        case .failure(let problem): throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.message)
        }
    }

    /// Why a text or list is not a train size.
    public struct Problem: Error, Sendable, Equatable {
        /// One sentence.
        public var message: String
    }

    /// Parses a flag value: `0.7` or `0.5,0.8`.
    public static func parse(_ text: String) -> Result<TrainSize, Problem> {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { NumberParser.parse($0) }
        guard numbers.count == parts.count else {
            return .failure(Problem(message: "'\(text)' is not a fraction like 0.7 or a range like 0.5,0.8"))
        }
        return make(numbers)
    }

    private static func make(_ values: [Double]) -> Result<TrainSize, Problem> {
        for v in values where !(v > 0.1 && v <= 1) {
            return .failure(Problem(message: "train_size \(NumberFormatting.shortest(v)) is outside \(limits)"))
        }
        switch values.count {
        case 1: return .success(.fixed(values[0]))
        case 2 where values[0] == values[1]: return .success(.fixed(values[0]))
        case 2 where values[0] < values[1]: return .success(.range(values[0], values[1]))
        case 2: return .failure(Problem(message: "range lower bound exceeds upper bound"))
        default:
            return .failure(Problem(message: "expected one fraction or a low,high pair, got \(values.count) values"))
        }
    }

    /// Encodes a fixed value as a number and a range as `[low, high]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .fixed(let v): try container.encode(v)
        case .range(let a, let b): try container.encode([a, b])
        }
    }
}
