import MMMCore

extension SnowflakeConfigurationError: CategorizedError {
    /// A configuration problem: usage (exit code 2).
    public var category: ErrorCategory { .usage }
}

extension SnowflakeError: CategorizedError {
    /// A failure talking to Snowflake or running the statement: runtime (exit code 1).
    public var category: ErrorCategory { .runtime }
}
