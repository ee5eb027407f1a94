import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore

/// Examples, JSON Schemas and Swift types must describe the same contracts.
@Suite struct SchemaAgreementTests {
    struct Contract: Sendable, CustomStringConvertible {
        var schema: String
        var examples: [String]
        var swiftKeys: Set<String>
        var swiftRequired: Set<String>?
        var description: String { schema }
    }

    static let contracts: [Contract] = [
        Contract(
            schema: "selected_columns", examples: ["Examples/contracts/selected_columns.json"],
            swiftKeys: SelectedColumns.jsonKeys, swiftRequired: SelectedColumns.requiredJSONKeys),
        Contract(
            schema: "job_config",
            examples: ["Examples/contracts/job_config.json", "Examples/configs/demo_job_config.json"],
            swiftKeys: JobConfig.jsonKeys, swiftRequired: JobConfig.requiredJSONKeys),
        Contract(
            schema: "legacy_job_config", examples: ["Examples/contracts/legacy_job_config.json"],
            swiftKeys: LegacyJobConfig.jsonKeys, swiftRequired: []),
        Contract(
            schema: "run_status", examples: ["Examples/contracts/run_status.json"], swiftKeys: RunStatus.jsonKeys,
            swiftRequired: ["schema_version", "state", "run_id", "started_at", "updated_at"]),
        Contract(
            schema: "model_summary", examples: ["Examples/contracts/model_summary.json"],
            swiftKeys: ModelSummary.jsonKeys, swiftRequired: nil),
        Contract(
            schema: "truth", examples: ["Examples/contracts/truth.json"], swiftKeys: Truth.jsonKeys,
            swiftRequired: Truth.jsonKeys.subtracting(["lift_tests"])),
        Contract(
            schema: "recovery", examples: ["Examples/contracts/recovery.json"], swiftKeys: RecoveryReport.jsonKeys,
            swiftRequired: ["schema_version", "run_id", "model_id", "main_share_threshold", "channels"]),
    ]

    private func schema(_ name: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: TestPaths.repo("schema/\(name).schema.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: contracts)
    func schemaPropertiesEqualSwiftKeys(contract: Contract) throws {
        let s = try schema(contract.schema)
        let properties = try #require(s["properties"] as? [String: Any])
        #expect(Set(properties.keys) == contract.swiftKeys)
        #expect(s["additionalProperties"] as? Bool == false, "unknown keys must be rejected by the schema too")
        if let required = contract.swiftRequired {
            #expect(Set((s["required"] as? [String]) ?? []) == required)
        }
    }

    @Test func nestedSchemasMatchSwiftKeys() throws {
        let summary = try schema("model_summary")
        let properties = try #require(summary["properties"] as? [String: Any])
        let best = try #require(properties["best_model"] as? [String: Any])
        #expect(Set(try #require(best["properties"] as? [String: Any]).keys) == ModelMetrics.jsonKeys)
        let decomposition = try #require((properties["decomposition"] as? [String: Any])?["items"] as? [String: Any])
        #expect(Set(try #require(decomposition["properties"] as? [String: Any]).keys) == VariableContribution.jsonKeys)
        let config = try #require(try schema("job_config")["properties"] as? [String: Any])
        let csv = try #require(config["csv"] as? [String: Any])
        #expect(Set(try #require(csv["properties"] as? [String: Any]).keys) == CSVSettings.jsonKeys)
        #expect(csv["additionalProperties"] as? Bool == false)
        let csvProperties = try #require(csv["properties"] as? [String: [String: Any]])
        #expect(csvProperties["delimiter"]?["enum"] as? [String] == CSVDelimiter.allCases.map(\.rawValue))
        #expect(csvProperties["decimal"]?["enum"] as? [String] == CSVDecimalMark.allCases.map(\.rawValue))
        let missing = try #require(config["missing_dep_var"] as? [String: Any])
        #expect(missing["enum"] as? [String] == MissingDepVarPolicy.allCases.map(\.rawValue))
        let calibration = try #require(properties["calibration"] as? [String: Any])
        #expect(Set(try #require(calibration["properties"] as? [String: Any]).keys) == CalibrationSummary.jsonKeys)
        let study = try #require((calibration["properties"] as? [String: Any])?["studies"] as? [String: Any])
        let studyItems = try #require(study["items"] as? [String: Any])
        #expect(Set(try #require(studyItems["properties"] as? [String: Any]).keys) == CalibrationSummary.Study.jsonKeys)
        let jobDefs = try #require(try schema("job_config")["$defs"] as? [String: Any])
        let liftStudy = try #require(jobDefs["calibration_study"] as? [String: Any])
        #expect(Set(try #require(liftStudy["properties"] as? [String: Any]).keys) == CalibrationStudy.jsonKeys)
        #expect(Set((liftStudy["required"] as? [String]) ?? []) == CalibrationStudy.requiredJSONKeys)
        let recovery = try #require(try schema("recovery")["properties"] as? [String: Any])
        let channelItems = try #require((recovery["channels"] as? [String: Any])?["items"] as? [String: Any])
        #expect(Set(try #require(channelItems["properties"] as? [String: Any]).keys) == RecoveryReport.Channel.jsonKeys)
    }

    /// Every example validates against its schema with Python's jsonschema (the reference validator), and Swift
    /// decodes it.
    @Test(arguments: contracts)
    func examplesValidate(contract: Contract) throws {
        for example in contract.examples {
            let verdict = try SchemaValidator.validate(schema: contract.schema, file: TestPaths.repo(example))
            if verdict.skipped { return }
            #expect(verdict == .valid, "\(example): \(verdict)")
        }
    }

    @Test func schemaAndSwiftBothRejectAnUnknownKey() throws {
        let dir = try TemporaryDirectory.make()
        let path = dir.appendingPathComponent("bad.json").path
        try Data(#"{"dep_var":"y","paid_media":[{"spend":"a","var":"a"}],"type":"weibull_pdf"}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(throws: ConfigError.self) { try JobConfigLoader.load(path: path) }
        let verdict = try SchemaValidator.validate(schema: "job_config", file: path)
        if verdict.skipped { return }
        // Rejected by the schema itself — not a crash, a missing module or a broken schema.
        guard case .invalid(let messages) = verdict else {
            Issue.record("expected the schema to reject the file, got \(verdict)")
            return
        }
        #expect(messages.contains("Additional properties are not allowed"), "\(messages)")
    }

    @Test func writtenContractsValidate() throws {
        let dir = try TemporaryDirectory.make()
        let config = try JobConfigLoader.load(path: TestPaths.repo("Examples/contracts/legacy_job_config.json")).config
        let status = RunStatus.running(runId: "20261122T031815Z", at: Date(timeIntervalSince1970: 1_795_317_495))
            .finished(.skipped, at: Date(timeIntervalSince1970: 1_795_317_500), skipReason: "constant dep_var")
        let files: [(String, Data)] = [
            ("job_config", try StrictJSON.encode(config)), ("run_status", try StrictJSON.encode(status)),
        ]
        for (name, data) in files {
            let path = dir.appendingPathComponent("\(name).json").path
            try data.write(to: URL(fileURLWithPath: path))
            let verdict = try SchemaValidator.validate(schema: name, file: path)
            if verdict.skipped { return }
            #expect(verdict == .valid, "\(name): \(verdict)")
        }
    }
}
