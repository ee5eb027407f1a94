/// Cloud Run's published prices for jobs, in one place. **An estimate's input, not a bill**: prices change, differ by
/// region tier and currency, and the free tier (per billing account and month) is not subtracted.
public struct CloudRunPrices: Sendable, Equatable, Codable {
    /// US dollars per vCPU-second.
    public var vcpuSecond: Double
    /// US dollars per GiB-second of memory.
    public var gibSecond: Double
    /// Which prices these are.
    public var label: String
    /// When they were read, and where.
    public var asOf: String
    /// The page to check them against.
    public var source: String

    /// Creates prices (e.g. a region's own, from the page).
    public init(vcpuSecond: Double, gibSecond: Double, label: String, asOf: String, source: String) {
        self.vcpuSecond = vcpuSecond
        self.gibSecond = gibSecond
        self.label = label
        self.asOf = asOf
        self.source = source
    }

    /// Jobs in Tier 1 regions (e.g. europe-west1, us-central1), instance-based billing: $0.000018 per vCPU-second and
    /// $0.000002 per GiB-second beyond the free tier, as listed on the page on 2026-12-07. Tier 2 regions cost more;
    /// pass their prices with `--vcpu-second-price` / `--gib-second-price`.
    public static let tier1Jobs = CloudRunPrices(
        vcpuSecond: 0.000018, gibSecond: 0.000002, label: "Cloud Run jobs, Tier 1 regions (USD)",
        asOf: "2026-12-07", source: "https://cloud.google.com/run/pricing")

    enum CodingKeys: String, CodingKey {
        case vcpuSecond = "vcpu_second"
        case gibSecond = "gib_second"
        case label
        case asOf = "as_of"
        case source
    }
}
