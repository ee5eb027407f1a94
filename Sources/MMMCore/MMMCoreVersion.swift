/// Version information shared by every mmm-trainer product.
public enum MMMVersion {
    /// The package's semantic version; echoed into run manifests and model summaries.
    public static let current = "0.1.0"
}
