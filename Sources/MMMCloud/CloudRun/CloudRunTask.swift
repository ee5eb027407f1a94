import Foundation
import MMMCore

/// Where the current process runs inside a Cloud Run job execution, from the variables Cloud Run sets:
/// `CLOUD_RUN_TASK_INDEX` (0-based), `CLOUD_RUN_TASK_COUNT`, `CLOUD_RUN_TASK_ATTEMPT`, `CLOUD_RUN_EXECUTION`
/// and `CLOUD_RUN_JOB`.
public struct CloudRunTask: Sendable, Equatable {
    /// This task's index, `0..<count`.
    public let index: Int
    /// Tasks in the execution.
    public let count: Int
    /// Retry attempt of this task (0 on the first try), when set.
    public let attempt: Int?
    /// The execution's short name, when set.
    public let execution: String?
    /// The job's name, when set.
    public let job: String?

    /// Creates a task description (for tests and callers that learn the values elsewhere).
    public init(index: Int, count: Int, attempt: Int? = nil, execution: String? = nil, job: String? = nil) {
        self.index = index
        self.count = count
        self.attempt = attempt
        self.execution = execution
        self.job = job
    }

    /// Reads the task from environment variables.
    /// - Parameter environment: The variables (e.g. ``GoogleCloudEnvironment/variables``).
    /// - Returns: The task, or `nil` when `CLOUD_RUN_TASK_INDEX` is not set (not inside a job task).
    /// - Throws: ``CloudRunTaskError`` when a variable is set but malformed (index outside `0..<count`, not a number).
    public static func current(environment: [String: String]) throws(CloudRunTaskError) -> CloudRunTask? {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func integer(_ name: String) throws(CloudRunTaskError) -> Int? {
            guard let text = value(name) else { return nil }
            guard let number = Int(text), number >= 0 else {
                throw CloudRunTaskError(message: "\(name)='\(text)' is not a non-negative integer")
            }
            return number
        }
        guard let index = try integer("CLOUD_RUN_TASK_INDEX") else { return nil }
        let count = try integer("CLOUD_RUN_TASK_COUNT") ?? 1
        guard count >= 1, index < count else {
            throw CloudRunTaskError(message: "CLOUD_RUN_TASK_INDEX=\(index) is not below CLOUD_RUN_TASK_COUNT=\(count)")
        }
        return CloudRunTask(index: index, count: count, attempt: try integer("CLOUD_RUN_TASK_ATTEMPT"),
                            execution: value("CLOUD_RUN_EXECUTION"), job: value("CLOUD_RUN_JOB"))
    }

    /// The items of `0..<total` this task should handle when work is dealt round-robin over the tasks.
    /// - Parameter total: The number of work items.
    /// - Returns: `index, index + count, …` below `total`.
    public func share(of total: Int) -> StrideTo<Int> { stride(from: index, to: max(0, total), by: count) }
}

/// A malformed Cloud Run task variable.
public struct CloudRunTaskError: CategorizedError, Equatable, Sendable {
    /// What is wrong.
    public let message: String

    /// A bad environment is a usage error (exit code 2).
    public var category: ErrorCategory { .usage }

    public var description: String { "Cloud Run task environment: \(message)" }
}
