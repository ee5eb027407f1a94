/// Namespace marker for the `MMMSnowflake` module.
public enum MMMSnowflakeModule {
    /// The module's name, for diagnostics.
    public static let name = "MMMSnowflake"
}
