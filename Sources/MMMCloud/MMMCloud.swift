/// Namespace marker for the `MMMCloud` module.
public enum MMMCloudModule {
    /// The module's name, for diagnostics.
    public static let name = "MMMCloud"
}
