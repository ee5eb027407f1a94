/// `truth.json`: the known answer behind simulated data (`mmm-cli simulate`), which `mmm-cli evaluate` compares a
/// run with.
///
/// Effects are defined as the model defines them: a paid channel's ROI is its contribution over the modelling window
/// divided by its spend over the window, and its effect share is its contribution over the sum of the paid channels'
/// contributions (placebo channels included). Per-row series cover every row of the data; `dep_var` equals
/// `baseline + Σ contributions + noise` on every row.
public struct Truth: Codable, Sendable, Equatable {
    /// Format version written by this library.
    public static let currentSchemaVersion = 1

    /// What produced the file.
    public struct Generator: Codable, Sendable, Equatable {
        /// Program name, e.g. `mmm-trainer simulate`.
        public var name: String
        /// Program version.
        public var version: String
        /// The seed; the same inputs and seed give the same bytes.
        public var seed: UInt64
        /// The table the simulation is patterned on (file name).
        public var like: String?
        /// That table's SHA-256.
        public var likeSHA256: String?

        /// Creates generator info.
        public init(name: String, version: String, seed: UInt64, like: String? = nil, likeSHA256: String? = nil) {
            self.name = name
            self.version = version
            self.seed = seed
            self.like = like
            self.likeSHA256 = likeSHA256
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, version, seed, like
            case likeSHA256 = "like_sha256"
        }
    }

    /// One modelled media variable and its true effect.
    public struct Channel: Codable, Sendable, Equatable {
        /// The modelled variable (a paid media var or an organic var).
        public var variable: String
        /// The spend column (paid media only).
        public var spendColumn: String?
        /// A paid channel with no effect, added to test whether a model invents one.
        public var placebo: Bool
        /// Contribution over the window ÷ spend over the window (paid only).
        public var roi: Double?
        /// Contribution ÷ Σ paid contributions over the window (paid only).
        public var effectShare: Double?
        /// Σ contribution over the window.
        public var contribution: Double
        /// Σ spend over the window (paid only).
        public var totalSpend: Double?
        /// Response units per unit of saturation.
        public var coefficient: Double
        /// Robyn-named transformation parameters: `thetas` or `shapes` and `scales`, then `alphas`, `gammas`.
        public var hyperparameters: [String: Double]
        /// The Hill inflexion used (γ · max of the adstocked window).
        public var inflexion: Double

        /// Creates a channel.
        public init(
            variable: String, spendColumn: String?, placebo: Bool, contribution: Double, coefficient: Double,
            hyperparameters: [String: Double], inflexion: Double
        ) {
            self.variable = variable
            self.spendColumn = spendColumn
            self.placebo = placebo
            self.contribution = contribution
            self.coefficient = coefficient
            self.hyperparameters = hyperparameters
            self.inflexion = inflexion
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case variable = "var"
            case spendColumn = "spend_column"
            case placebo, roi
            case effectShare = "effect_share"
            case contribution
            case totalSpend = "total_spend"
            case coefficient, hyperparameters, inflexion
        }
    }

    /// Per-row series over every row of the data.
    public struct Rows: Codable, Sendable, Equatable {
        /// The row dates.
        public var dates: [CalendarDate]
        /// Trend, season, holidays and context.
        public var baseline: [Double]
        /// The noise added.
        public var noise: [Double]
        /// Each media variable's contribution, keyed by variable.
        public var contributions: [String: [Double]]

        /// Creates rows.
        public init(dates: [CalendarDate], baseline: [Double], noise: [Double], contributions: [String: [Double]]) {
            self.dates = dates
            self.baseline = baseline
            self.noise = noise
            self.contributions = contributions
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case dates, baseline, noise, contributions
        }
    }

    /// A simulated lift test: the true incremental effect and what the "experiment" measured.
    public struct LiftTest: Codable, Sendable, Equatable {
        /// The study as written to `lift_tests.csv`.
        public var study: CalibrationStudy
        /// The true incremental effect of the study's spend during the study (the `immediate` scope).
        public var trueLift: Double

        /// Creates a lift test.
        public init(study: CalibrationStudy, trueLift: Double) {
            self.study = study
            self.trueLift = trueLift
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case study
            case trueLift = "true_lift"
        }
    }

    /// Format version (1).
    public var schemaVersion = Truth.currentSchemaVersion
    /// What produced the file.
    public var generator: Generator
    /// The simulated dependent variable.
    public var depVar: String
    /// The date column.
    public var dateVar: String
    /// First date of the modelling window the effects are measured over.
    public var windowStart: CalendarDate
    /// Last date of that window.
    public var windowEnd: CalendarDate
    /// The true adstock family.
    public var adstock: AdstockType
    /// Standard deviation of the noise.
    public var noiseSD: Double
    /// Share of the window's variance of `dep_var` explained by baseline and media.
    public var rSquared: Double
    /// Paid channels (placebos included), then organic variables.
    public var channels: [Channel]
    /// Per-row series.
    public var rows: Rows
    /// Simulated lift tests.
    public var liftTests: [LiftTest]

    /// Creates a truth.
    public init(
        generator: Generator, depVar: String, dateVar: String, windowStart: CalendarDate, windowEnd: CalendarDate,
        adstock: AdstockType, noiseSD: Double, rSquared: Double, channels: [Channel], rows: Rows, liftTests: [LiftTest]
    ) {
        self.generator = generator
        self.depVar = depVar
        self.dateVar = dateVar
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.adstock = adstock
        self.noiseSD = noiseSD
        self.rSquared = rSquared
        self.channels = channels
        self.rows = rows
        self.liftTests = liftTests
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case generator
        case depVar = "dep_var"
        case dateVar = "date_var"
        case windowStart = "window_start"
        case windowEnd = "window_end"
        case adstock
        case noiseSD = "noise_sd"
        case rSquared = "r_squared"
        case channels, rows
        case liftTests = "lift_tests"
    }

    /// The JSON keys this contract accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    /// The paid channels (placebos included).
    public var paidChannels: [Channel] { channels.filter { $0.spendColumn != nil } }
}
