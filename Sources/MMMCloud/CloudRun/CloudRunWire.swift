import Foundation

/// Wire shapes of Cloud Run Admin v2 resources (protobuf JSON; unknown fields and enum values are tolerated).
enum CloudRunWire {
    struct Condition: Decodable {
        let type: String?
        let state: String?
        let message: String?
        let reason: String?
        let executionReason: String?
    }

    struct Container: Decodable {
        struct Variable: Decodable {
            let name: String?
            let value: String?
        }

        let env: [Variable]?
        let args: [String]?
    }

    struct Template: Decodable {
        let containers: [Container]?
    }

    struct Execution: Decodable {
        let name: String?
        let job: String?
        let taskCount: Int?
        let runningCount: Int?
        let succeededCount: Int?
        let failedCount: Int?
        let cancelledCount: Int?
        let retriedCount: Int?
        let createTime: String?
        let startTime: String?
        let completionTime: String?
        let conditions: [Condition]?
        let template: Template?
        let logUri: String?

        var model: CloudRunExecution {
            let conditions = (self.conditions ?? []).map {
                CloudRunCondition(type: $0.type ?? "", state: $0.state ?? "", message: $0.message,
                                  reason: $0.executionReason ?? $0.reason)
            }
            var environment: [String: String] = [:]
            for variable in template?.containers?.first?.env ?? [] {
                if let name = variable.name { environment[name] = variable.value ?? "" }
            }
            let completion = completionTime.flatMap(ProtoJSON.timestamp)
            let start = startTime.flatMap(ProtoJSON.timestamp)
            return CloudRunExecution(
                name: name ?? "", job: job, state: Self.state(self, conditions, completed: completion != nil),
                taskCount: taskCount ?? 0, runningCount: runningCount ?? 0, succeededCount: succeededCount ?? 0,
                failedCount: failedCount ?? 0, cancelledCount: cancelledCount ?? 0, retriedCount: retriedCount ?? 0,
                createTime: createTime.flatMap(ProtoJSON.timestamp), startTime: start, completionTime: completion,
                conditions: conditions, environment: environment, arguments: template?.containers?.first?.args ?? [],
                logURI: logUri)
        }

        private static func state(_ wire: Execution, _ conditions: [CloudRunCondition], completed: Bool)
            -> CloudRunExecutionState
        {
            guard completed else {
                let started = wire.startTime != nil || (wire.runningCount ?? 0) > 0 || (wire.succeededCount ?? 0) > 0
                    || (wire.failedCount ?? 0) > 0
                return started ? .running : .pending
            }
            let completion = conditions.first { $0.type == "Completed" }
            if (wire.cancelledCount ?? 0) > 0 || completion?.reason == "CANCELLED" { return .cancelled }
            switch completion?.state {
            case "CONDITION_SUCCEEDED": return .succeeded
            case "CONDITION_FAILED": return .failed
            default:
                let allSucceeded = (wire.succeededCount ?? 0) >= (wire.taskCount ?? 0) && (wire.failedCount ?? 0) == 0
                return allSucceeded ? .succeeded : .failed
            }
        }
    }

    struct ExecutionList: Decodable {
        let executions: [Execution]?
        let nextPageToken: String?
    }

    struct Operation: Decodable {
        struct Status: Decodable {
            let code: Int?
            let message: String?
        }

        let name: String?
        let done: Bool?
        let metadata: Execution?
        let response: Execution?
        let error: Status?

        var model: CloudRunOperation {
            let execution = (response ?? metadata).flatMap { $0.name == nil ? nil : $0.model }
            return CloudRunOperation(name: name ?? "", done: done ?? false, execution: execution,
                                     errorMessage: error?.message, errorCode: error?.code)
        }
    }

    struct RunRequest: Encodable {
        struct Overrides: Encodable {
            struct ContainerOverride: Encodable {
                let name: String?
                let args: [String]?
                let env: [CloudRunOverrides.EnvironmentVariable]?
                let clearArgs: Bool?
            }

            let containerOverrides: [ContainerOverride]?
            let taskCount: Int?
            let timeout: String?
        }

        let overrides: Overrides?

        init(_ overrides: CloudRunOverrides?) {
            guard let overrides else {
                self.overrides = nil
                return
            }
            let touchesContainer = overrides.args != nil || !overrides.environment.isEmpty
            let container = Overrides.ContainerOverride(
                name: overrides.containerName, args: overrides.args?.isEmpty == true ? nil : overrides.args,
                env: overrides.environment.isEmpty ? nil : overrides.environment,
                clearArgs: overrides.args?.isEmpty == true ? true : nil)
            self.overrides = Overrides(
                containerOverrides: touchesContainer ? [container] : nil, taskCount: overrides.taskCount,
                timeout: overrides.timeoutSeconds.map(ProtoJSON.duration(seconds:)))
        }
    }
}
