import Foundation
import MMMCore
import MMMTestSupport
import Testing

@Suite struct BenchmarkSchemaTests {
    static let schema = Bench.repo("schema/benchmark_config.schema.json")

    @Test func schemaKeysMatchTheSwiftContract() throws {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.schema))) as? [String: Any])
        let properties = try #require(doc["properties"] as? [String: Any])
        #expect(Set(properties.keys) == BenchmarkConfig.jsonKeys)
        let variants = try #require((properties["variants"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(variants.keys) == Set(BenchmarkDimension.allCases.map(\.rawValue)))
    }

    /// Every example and legacy fixture validates with Python's jsonschema (the reference validator).
    @Test func examplesValidate() throws {
        let files = try ["Examples/benchmarks", "Tests/Fixtures/benchmark/legacy"].flatMap { dir in
            try FileManager.default.contentsOfDirectory(atPath: Bench.repo(dir)).filter { $0.hasSuffix(".json") }.map { Bench.repo(dir + "/" + $0) }
        }
        let script = """
            import json, sys
            try:
                from jsonschema import Draft202012Validator
            except ImportError:
                print("SKIPPED: python3 jsonschema is not installed", file=sys.stderr); sys.exit(0)
            schema = json.load(open(sys.argv[1])); Draft202012Validator.check_schema(schema)
            bad = [(f, e.message) for f in sys.argv[2:] for e in Draft202012Validator(schema).iter_errors(json.load(open(f)))]
            print(bad); sys.exit(1 if bad else 0)
            """
        let out = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, Self.schema] + files)
        #expect(out.code == 0, "\(out.stdout) \(out.stderr)")
        if out.stderr.contains("SKIPPED") { FileHandle.standardError.write(Data(out.stderr.utf8)) }
    }
}
