import Foundation
import MMMTestSupport

/// Validates a JSON file against one of `schema/*.schema.json` with Python's jsonschema (the reference validator),
/// telling "the validator is not installed" apart from "the schema rejected the file" by exit code.
enum SchemaValidator {
    enum Verdict: Equatable, CustomStringConvertible {
        /// The file conforms.
        case valid
        /// The schema rejected the file; one line per error.
        case invalid(String)
        /// python3, jsonschema or referencing is missing (a loud SKIPPED was printed).
        case unavailable(String)
        /// Anything else: a malformed schema, an unreadable file, a crash.
        case broken(String)

        var skipped: Bool {
            if case .unavailable = self { return true }
            return false
        }

        var description: String {
            switch self {
            case .valid: "valid"
            case .invalid(let text): "rejected: \(text)"
            case .unavailable(let text): "validator unavailable: \(text)"
            case .broken(let text): "validator failed: \(text)"
            }
        }
    }

    /// Exit codes of the script below; anything else (a traceback exits 1 too, so 1 is not used) is `broken`.
    private static let validCode: Int32 = 0, invalidCode: Int32 = 10, missingModuleCode: Int32 = 11
    /// `/usr/bin/env` exits 127 when it cannot find python3.
    private static let noPythonCode: Int32 = 127

    private static let script = """
        import json, sys, pathlib
        try:
            from jsonschema import Draft202012Validator
            from referencing import Registry, Resource
        except ImportError as error:
            print(f"python module missing: {error}", file=sys.stderr)
            sys.exit(11)
        root = pathlib.Path(sys.argv[1])
        resources = []
        for p in root.glob('*.schema.json'):
            doc = json.loads(p.read_text())
            resources.append((p.name, Resource.from_contents(doc)))
            resources.append((doc['$id'], Resource.from_contents(doc)))
        registry = Registry().with_resources(resources)
        schema = json.loads((root / (sys.argv[2] + '.schema.json')).read_text())
        Draft202012Validator.check_schema(schema)
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(json.loads(open(sys.argv[3]).read())))
        for e in errors: print(list(e.absolute_path), e.message)
        sys.exit(10 if errors else 0)
        """

    /// Validates `file` against `schema/<schema>.schema.json`.
    static func validate(schema: String, file: String) throws -> Verdict {
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["python3", "-c", script, TestPaths.repo("schema"), schema, file])
        switch result.code {
        case validCode: return .valid
        case invalidCode: return .invalid(result.stdout)
        case missingModuleCode, noPythonCode:
            let why = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            FileHandle.standardError.write(Data(
                "SKIPPED: JSON Schema validation of \(file) needs python3 with jsonschema (\(why))\n".utf8))
            return .unavailable(why)
        default: return .broken("exit \(result.code): \(result.stdout) \(result.stderr)")
        }
    }
}
