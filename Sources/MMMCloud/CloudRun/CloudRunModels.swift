import Foundation

/// Overrides for one run of a job (Cloud Run Admin v2 `RunJobRequest.overrides`).
public struct CloudRunOverrides: Sendable, Equatable {
    /// One environment variable.
    public struct EnvironmentVariable: Sendable, Equatable, Encodable {
        /// The name.
        public let name: String
        /// The value.
        public let value: String

        /// Creates a variable.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The container to override; `nil` for single-container jobs.
    public var containerName: String?
    /// Replacement arguments (`nil` keeps the job's; an empty list clears them).
    public var args: [String]?
    /// Variables merged into the container's environment.
    public var environment: [EnvironmentVariable]
    /// Replacement task count.
    public var taskCount: Int?
    /// Replacement task timeout in seconds.
    public var timeoutSeconds: Int?

    /// Creates overrides.
    public init(
        containerName: String? = nil, args: [String]? = nil, environment: [EnvironmentVariable] = [],
        taskCount: Int? = nil, timeoutSeconds: Int? = nil
    ) {
        self.containerName = containerName
        self.args = args
        self.environment = environment
        self.taskCount = taskCount
        self.timeoutSeconds = timeoutSeconds
    }
}

/// Where an execution stands (derived as Google's own integrations do: running until `completionTime` is set;
/// then the `Completed` condition decides, with cancellations taking precedence).
public enum CloudRunExecutionState: String, Sendable, Equatable {
    /// Created, no task started yet.
    case pending
    /// Tasks are running.
    case running
    /// Every task succeeded.
    case succeeded
    /// At least one task failed (after its retries).
    case failed
    /// The execution was cancelled.
    case cancelled

    /// Whether the execution has finished.
    public var isTerminal: Bool { self == .succeeded || self == .failed || self == .cancelled }
}

/// One condition of an execution (`Completed`, `ResourcesAvailable`, `Started`, `Retry`, …).
public struct CloudRunCondition: Sendable, Equatable {
    /// The condition type.
    public let type: String
    /// `CONDITION_SUCCEEDED`, `CONDITION_FAILED`, `CONDITION_PENDING`, `CONDITION_RECONCILING`, or a newer value.
    public let state: String
    /// The human-readable message (e.g. "Task … failed with exit code 1").
    public let message: String?
    /// `executionReason` or `reason` (e.g. `NON_ZERO_EXIT_CODE`, `CANCELLED`).
    public let reason: String?
}

/// A job execution and its task counts.
public struct CloudRunExecution: Sendable, Equatable {
    /// `projects/P/locations/L/jobs/J/executions/E`.
    public let name: String
    /// The job's short name.
    public let job: String?
    /// Derived state.
    public let state: CloudRunExecutionState
    /// Tasks in the execution.
    public let taskCount: Int
    /// Tasks running now.
    public let runningCount: Int
    /// Tasks that succeeded.
    public let succeededCount: Int
    /// Tasks that failed.
    public let failedCount: Int
    /// Tasks that were cancelled.
    public let cancelledCount: Int
    /// Task retries so far.
    public let retriedCount: Int
    /// When it was created, started and finished.
    public let createTime: Date?, startTime: Date?, completionTime: Date?
    /// Its conditions.
    public let conditions: [CloudRunCondition]
    /// Environment of the (first) container as run, overrides included — e.g. to find the execution that carries a
    /// given `RUN_ID` after an ambiguous `run` failure.
    public let environment: [String: String]
    /// Arguments of the (first) container as run, overrides included.
    public let arguments: [String]
    /// The Cloud Logging link.
    public let logURI: String?

    /// The `Completed` condition's message, if any (why it failed).
    public var completionMessage: String? { conditions.first { $0.type == "Completed" }?.message }
}

/// A long-running operation returned by `run` and `cancel`.
public struct CloudRunOperation: Sendable, Equatable {
    /// `projects/P/locations/L/operations/ID`.
    public let name: String
    /// Whether it has finished (for `run`: when the execution finished).
    public let done: Bool
    /// The execution it is about (from `metadata` or `response`).
    public let execution: CloudRunExecution?
    /// The error when the operation failed.
    public let errorMessage: String?
    /// The error's RPC code when the operation failed.
    public let errorCode: Int?
}

/// One page of executions.
public struct CloudRunExecutionPage: Sendable, Equatable {
    /// Executions on this page, newest first.
    public let executions: [CloudRunExecution]
    /// The next page's token, or `nil`.
    public let nextPageToken: String?
}
