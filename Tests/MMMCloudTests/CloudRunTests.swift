import Foundation
import MMMCloud
import MMMCore
import MMMTransport
import Testing

/// Cloud Run jobs against the fake's operation and execution state machine.
@Suite(.timeLimit(.minutes(5)))
struct CloudRunTests {
    private func setUp(taskCount: Int = 2, env: [String: String] = [:]) async throws
        -> (FakeGoogle, CloudRunClient, CloudRunJobName)?
    {
        guard let fake = try await FakeGoogle.get() else { return nil }
        let job = try CloudRunJobName(project: "fake-project", location: "europe-west1", job: uniqueName("train"))
        try await fake.post("/_fake/run/jobs", ["name": job.resourceName, "taskCount": taskCount, "env": env])
        let credentials = try await fake.serviceAccount(FakeGoogle.newAccount("runner"))
        return (fake, CloudRunClient(credentials: credentials, endpoints: fake.endpoints, options: fastOptions()), job)
    }

    @Test func runWithOverridesAndFollowTheExecution() async throws {
        guard let (_, run, job) = try await setUp(env: ["BASE": "1", "RUN_ID": "from-job"]) else { return }
        let overrides = CloudRunOverrides(
            args: ["train", "--data", "gs://b/d.csv"],
            environment: [.init(name: "RUN_ID", value: "r-42"), .init(name: "FAKE_POLLS", value: "2")],
            taskCount: 3, timeoutSeconds: 5400)
        let operation = try await run.run(job, overrides: overrides)
        #expect(!operation.done)
        let started = try #require(operation.execution)
        #expect(started.name.hasPrefix(job.resourceName + "/executions/\(job.job)-"))
        #expect(started.state == .pending)
        #expect(started.taskCount == 3)
        #expect(started.environment == ["BASE": "1", "RUN_ID": "r-42", "FAKE_POLLS": "2"], "env overrides merge")
        #expect(started.arguments == ["train", "--data", "gs://b/d.csv"])

        let states = Locked<[CloudRunExecutionState]>([])
        let finished = try await run.waitForExecution(started.name, timeout: .seconds(60)) { execution in
            states.withLock { $0.append(execution.state) }
        }
        #expect(finished.state == .succeeded)
        #expect(finished.succeededCount == 3 && finished.failedCount == 0 && finished.runningCount == 0)
        #expect(finished.completionTime != nil && finished.startTime != nil)
        #expect(states.withLock { $0 } == [.running, .running, .succeeded])

        let done = try await run.operation(operation.name)
        #expect(done.done)
        #expect(done.execution?.state == .succeeded)
    }

    @Test func failedTasksAndTheirMessage() async throws {
        guard let (_, run, job) = try await setUp(taskCount: 4) else { return }
        let operation = try await run.run(job, overrides: CloudRunOverrides(
            environment: [.init(name: "FAKE_FAILED_TASKS", value: "1")]))
        let name = try #require(operation.execution?.name)
        let finished = try await run.waitForExecution(name)
        #expect(finished.state == .failed)
        #expect(finished.failedCount == 1 && finished.succeededCount == 3)
        #expect(finished.completionMessage?.contains("failed with exit code 1") == true)
        #expect(finished.conditions.first { $0.type == "Completed" }?.reason == "NON_ZERO_EXIT_CODE")
    }

    @Test func cancelAHangingExecution() async throws {
        guard let (_, run, job) = try await setUp(taskCount: 2, env: ["FAKE_HANG": "1"]) else { return }
        let name = try #require(try await run.run(job).execution?.name)
        let running = try await run.waitForExecution(name, timeout: .milliseconds(200))
        #expect(running.state == .running)
        #expect(running.runningCount == 2)
        let cancel = try await run.cancel(execution: name)
        #expect(cancel.execution?.name == name)
        let cancelled = try await run.execution(name)
        #expect(cancelled.state == .cancelled)
        #expect(cancelled.cancelledCount == 2)
        let again = await #expect(throws: GoogleCloudError.self) { try await run.cancel(execution: name) }
        #expect(again?.kind == .failedPrecondition)
    }

    @Test func listExecutionsNewestFirstAndFindByRunID() async throws {
        guard let (_, run, job) = try await setUp() else { return }
        var names: [String] = []
        for index in 0..<3 {
            let operation = try await run.run(job, overrides: CloudRunOverrides(
                environment: [.init(name: "RUN_ID", value: "run-\(index)")]))
            names.append(try #require(operation.execution?.name))
            try await Task.sleep(for: .milliseconds(20))
        }
        let first = try await run.listExecutions(of: job, pageSize: 2)
        #expect(first.executions.map(\.name) == [names[2], names[1]])
        let second = try await run.listExecutions(of: job, pageSize: 2, pageToken: first.nextPageToken)
        #expect(second.executions.map(\.name) == [names[0]])
        #expect(second.nextPageToken == nil)
        #expect(try await run.findExecution(of: job, environmentName: "RUN_ID", value: "run-0")?.name == names[0])
        #expect(try await run.findExecution(of: job, environmentName: "RUN_ID", value: "nope") == nil)
    }

    @Test func runIsNotRetriedAfterAnAmbiguousFailure() async throws {
        guard let (fake, run, job) = try await setUp() else { return }
        try await fake.faults(job.job + ":run", [["status": 503, "process": true]])
        let error = await #expect(throws: GoogleCloudError.self) {
            try await run.run(job, overrides: CloudRunOverrides(environment: [.init(name: "RUN_ID", value: "x1")]))
        }
        #expect(error?.kind == .serverError)
        #expect(error?.description.contains("may have started anyway") == true)
        #expect(try await fake.requests(job.job + ":run").count == 1)
        #expect(try await run.findExecution(of: job, environmentName: "RUN_ID", value: "x1") != nil)
        try await fake.faults(job.job + ":run", [["reset": "before"]])
        let reset = await #expect(throws: GoogleCloudError.self) { try await run.run(job) }
        #expect(reset?.kind == .transport)
        #expect(reset?.description.contains("not retried because the call is not idempotent") == true)
        // Reads are retried.
        try await fake.faults(job.job + "/executions", method: "GET", [["status": 503], ["status": 429]])
        #expect(try await run.listExecutions(of: job).executions.count == 1)
    }

    @Test func errorsAndNames() async throws {
        guard let (_, run, job) = try await setUp() else { return }
        let missing = try CloudRunJobName(project: "fake-project", location: "europe-west1", job: "missing-job")
        let notFound = await #expect(throws: GoogleCloudError.self) { try await run.run(missing) }
        #expect(notFound?.kind == .notFound)
        let invalid = await #expect(throws: GoogleCloudError.self) {
            try await run.run(job, overrides: CloudRunOverrides(taskCount: 0))
        }
        #expect(invalid?.kind == .invalidInput)
        for bad in ["projects/p/locations/l/jobs/j", "projects/p/locations/l/jobs/j/executions/e/x",
                    "projects/p/locations/l/jobs/j/executions/a b", "../../x"] {
            await #expect(throws: GoogleCloudError.self) { try await run.execution(bad) }
        }
        #expect(try CloudRunJobName(resourceName: "projects/p/locations/us-central1/jobs/j").job == "j")
        #expect(throws: GoogleCloudError.self) { try CloudRunJobName(resourceName: "projects/p/jobs/j") }
        #expect(throws: GoogleCloudError.self) { try CloudRunJobName(project: "p", location: "l", job: "a/b") }
    }

    @Test func taskEnvironment() throws {
        #expect(try CloudRunTask.current(environment: [:]) == nil)
        let task = try #require(try CloudRunTask.current(environment: [
            "CLOUD_RUN_TASK_INDEX": "2", "CLOUD_RUN_TASK_COUNT": "5", "CLOUD_RUN_TASK_ATTEMPT": "1",
            "CLOUD_RUN_EXECUTION": "train-abcde", "CLOUD_RUN_JOB": "train",
        ]))
        #expect(task == CloudRunTask(index: 2, count: 5, attempt: 1, execution: "train-abcde", job: "train"))
        #expect(Array(task.share(of: 12)) == [2, 7])
        #expect(try CloudRunTask.current(environment: ["CLOUD_RUN_TASK_INDEX": "0"])?.count == 1)
        for bad in [["CLOUD_RUN_TASK_INDEX": "5", "CLOUD_RUN_TASK_COUNT": "5"], ["CLOUD_RUN_TASK_INDEX": "-1"],
                    ["CLOUD_RUN_TASK_INDEX": "x"], ["CLOUD_RUN_TASK_INDEX": "0", "CLOUD_RUN_TASK_COUNT": "0"]] {
            let error = #expect(throws: CloudRunTaskError.self) { try CloudRunTask.current(environment: bad) }
            #expect(error?.category.exitCode == 2)
        }
    }
}
