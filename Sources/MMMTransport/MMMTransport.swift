/// Namespace marker for the `MMMTransport` module.
public enum MMMTransportModule {
    /// The module's name, for diagnostics.
    public static let name = "MMMTransport"
}
