import Foundation

/// What a benchmark or batch of jobs will take, before it runs: compute time from the engine's throughput, plus a
/// fixed overhead per job (container start, data download, writing the run folder), priced at Cloud Run's
/// per-vCPU-second and per-GiB-second rates. An estimate: actual bills also depend on retries, the free tier,
/// taxes and the region.
public struct CostEstimate: Sendable, Equatable, Codable {
    /// What is estimated.
    public struct Inputs: Sendable, Equatable, Codable {
        /// Iterations per trial.
        public var iterations: Int
        /// Trials per variant.
        public var trials: Int
        /// Variants (jobs) that train.
        public var variants: Int
        /// Rows of the modelling table.
        public var rows: Int
        /// `local` (this machine, no charge) or `cloudrun`.
        public var backend: String
        /// vCPUs per job (Cloud Run) or the cores used (local).
        public var cpu: Int
        /// GiB of memory per job.
        public var memoryGiB: Double
        /// Jobs running at once.
        public var parallel: Int
        /// Seconds per job besides the search (start, download, outputs).
        public var overheadSeconds: Double
        /// Share of the cores' speed a search gets from them (threads synchronise once per batch).
        public var parallelEfficiency: Double

        /// Creates inputs.
        public init(
            iterations: Int, trials: Int, variants: Int, rows: Int, backend: String, cpu: Int, memoryGiB: Double,
            parallel: Int, overheadSeconds: Double, parallelEfficiency: Double = 0.85
        ) {
            self.iterations = iterations
            self.trials = trials
            self.variants = variants
            self.rows = rows
            self.backend = backend
            self.cpu = cpu
            self.memoryGiB = memoryGiB
            self.parallel = parallel
            self.overheadSeconds = overheadSeconds
            self.parallelEfficiency = parallelEfficiency
        }

        enum CodingKeys: String, CodingKey {
            case iterations, trials, variants, rows, backend, cpu
            case memoryGiB = "memory_gib"
            case parallel
            case overheadSeconds = "overhead_seconds"
            case parallelEfficiency = "parallel_efficiency"
        }
    }

    /// The inputs.
    public var inputs: Inputs
    /// The throughput used.
    public var throughput: EngineThroughput
    /// The prices used (nil for local runs).
    public var prices: CloudRunPrices?
    /// Candidates per variant (iterations × trials).
    public var candidatesPerVariant: Int
    /// Search seconds per variant.
    public var searchSeconds: Double
    /// Billed seconds per variant (search + overhead).
    public var secondsPerVariant: Double
    /// vCPU-seconds over all variants.
    public var vcpuSeconds: Double
    /// GiB-seconds over all variants.
    public var gibSeconds: Double
    /// US dollars per variant.
    public var costPerVariant: Double
    /// US dollars in total.
    public var totalCost: Double
    /// Wall-clock seconds with ``Inputs/parallel`` jobs at once.
    public var wallSeconds: Double

    /// Computes an estimate.
    /// - Parameters:
    ///   - inputs: What runs.
    ///   - throughput: The engine's speed.
    ///   - prices: Cloud Run's prices (ignored for `local`).
    public init(_ inputs: Inputs, throughput: EngineThroughput, prices: CloudRunPrices = .tier1Jobs) {
        self.inputs = inputs
        self.throughput = throughput
        let cloud = inputs.backend == "cloudrun"
        self.prices = cloud ? prices : nil
        candidatesPerVariant = inputs.iterations * inputs.trials
        // The native engine uses at most one core per trial (trials are its unit of parallel work).
        let used = max(1, throughput.cappedByTrials ? min(inputs.cpu, inputs.trials) : inputs.cpu)
        let cores = Double(used) * (used > 1 ? inputs.parallelEfficiency : 1)
        searchSeconds = Double(candidatesPerVariant) / (throughput.perCoreSecond(atRows: inputs.rows) * cores)
        secondsPerVariant = searchSeconds + inputs.overheadSeconds
        let variants = Double(inputs.variants)
        vcpuSeconds = variants * secondsPerVariant * Double(inputs.cpu)
        gibSeconds = variants * secondsPerVariant * inputs.memoryGiB
        costPerVariant = cloud
            ? secondsPerVariant * (Double(inputs.cpu) * prices.vcpuSecond + inputs.memoryGiB * prices.gibSecond) : 0
        totalCost = costPerVariant * variants
        let waves = (inputs.variants + max(1, inputs.parallel) - 1) / max(1, inputs.parallel)
        wallSeconds = Double(waves) * secondsPerVariant
    }

    /// The estimate in a few lines.
    public var text: String {
        func money(_ value: Double) -> String {
            String(format: value > 0 && value < 0.01 ? "$%.5f" : value < 10 ? "$%.3f" : "$%.2f", value)
        }
        func duration(_ seconds: Double) -> String {
            seconds < 10 ? String(format: "%.1f s", seconds) : seconds < 120 ? String(format: "%.0f s", seconds) : seconds < 7200 ? String(format: "%.1f min", seconds / 60)
                : String(format: "%.1f h", seconds / 3600)
        }
        let i = inputs
        var lines = [
            "estimate: \(i.variants) variant\(i.variants == 1 ? "" : "s") × \(i.iterations) × \(i.trials) = "
                + "\(candidatesPerVariant) candidates each, \(i.rows) rows, \(i.backend) \(i.cpu) vCPU / "
                + "\(String(format: "%g", i.memoryGiB)) GiB",
            "  per variant: search \(duration(searchSeconds)) + overhead \(duration(i.overheadSeconds)) = \(duration(secondsPerVariant))"
                + (prices != nil ? ", \(money(costPerVariant))" : ""),
            "  total: \(String(format: "%.0f", vcpuSeconds)) vCPU-s, \(String(format: "%.0f", gibSeconds)) GiB-s"
                + (prices != nil ? ", \(money(totalCost))" : " (local: no charge)")
                + "; wall \(duration(wallSeconds)) with \(i.parallel) at a time",
            "  throughput: \(String(format: "%.0f", throughput.perCoreSecond(atRows: i.rows))) candidates/core-s at \(i.rows) rows (\(throughput.source))",
        ]
        if let prices {
            lines.append("  prices: \(prices.label): \(String(format: "$%.8f", prices.vcpuSecond))/vCPU-s, "
                + "\(String(format: "$%.8f", prices.gibSecond))/GiB-s, as of \(prices.asOf) "
                + "(\(prices.source)); an estimate — free tier, retries, taxes and region not included")
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case inputs, throughput, prices
        case candidatesPerVariant = "candidates_per_variant"
        case searchSeconds = "search_seconds"
        case secondsPerVariant = "seconds_per_variant"
        case vcpuSeconds = "vcpu_seconds"
        case gibSeconds = "gib_seconds"
        case costPerVariant = "cost_per_variant"
        case totalCost = "total_cost"
        case wallSeconds = "wall_seconds"
    }
}
