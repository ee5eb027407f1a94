/// Namespace marker for the `MMMEngine` module.
public enum MMMEngineModule {
    /// The module's name, for diagnostics.
    public static let name = "MMMEngine"
}
