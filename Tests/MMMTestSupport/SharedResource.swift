/// Starts something (a fake server) once per test process and hands the same instance to every caller.
///
/// Suites run their tests in parallel; starting one fake per test overloads a small CI machine, so suites share one
/// through a `static let` of this type. A failed start is remembered and rethrown to every caller.
public actor SharedResource<Value: Sendable> {
    private let make: @Sendable () async throws -> Value
    private var task: Task<Value, any Error>?

    /// - Parameter make: Creates the value; called at most once.
    public init(_ make: @escaping @Sendable () async throws -> Value) {
        self.make = make
    }

    /// The shared value, created on first use.
    public func get() async throws -> Value {
        if let task { return try await task.value }
        let make = self.make
        let started = Task { try await make() }
        task = started
        return try await started.value
    }
}
