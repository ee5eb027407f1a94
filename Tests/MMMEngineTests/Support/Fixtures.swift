import Foundation

/// Loads the shared Robyn reference vectors from `../shared/vectors`, located from this file's path.
enum Fixtures {
    struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }

    /// `<package root>/../shared`.
    static let sharedDirectory: URL = {
        // Tests/MMMEngineTests/Support/Fixtures.swift → package root is three levels up.
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared").standardizedFileURL
    }()

    static func url(_ relative: String) -> URL {
        sharedDirectory.appendingPathComponent(relative)
    }

    static let transformsResult: Result<JSONValue, any Error> = Result {
        let data = try Data(contentsOf: url("vectors/robyn_transforms.json"))
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static let demoModelResult: Result<JSONValue, any Error> = Result {
        let data = try Data(contentsOf: url("vectors/robyn_demo_model.json"))
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// All cases of robyn_transforms.json.
    static func transformCases() throws -> [JSONValue] {
        try transformsResult.get()["cases"].array
    }

    /// One case by name.
    static func transformCase(_ name: String) throws -> JSONValue {
        guard let found = try transformCases().first(where: { $0["name"].string == name }) else {
            throw FixtureError(description: "No vector case named \(name)")
        }
        return found
    }

    /// Case names whose `fn` is one of `functions` (empty if the file cannot be read; the coverage test fails then).
    static func caseNames(fn functions: String...) -> [String] {
        ((try? transformCases()) ?? []).compactMap { item in
            guard let fn = item["fn"].string, functions.contains(fn) else { return nil }
            return item["name"].string
        }
    }

    static func demoModel() throws -> JSONValue {
        try demoModelResult.get()
    }
}
