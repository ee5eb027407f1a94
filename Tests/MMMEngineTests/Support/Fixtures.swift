import Foundation

/// Loads the Robyn reference vectors and demo data that ship with the repository (`Tests/Fixtures/robyn`,
/// `Examples/data`), located from this file's path, so `swift test` needs nothing beside the clone.
enum Fixtures {
    struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }

    /// The package root: Tests/MMMEngineTests/Support/Fixtures.swift is three levels below it.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A file of `Tests/Fixtures/robyn` (see its README for where each came from).
    static func robyn(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures/robyn").appendingPathComponent(name)
    }

    /// Robyn's simulated weekly demo data (`Examples/data/dt_simulated_weekly.csv`).
    static let demoData: URL = packageRoot.appendingPathComponent("Examples/data/dt_simulated_weekly.csv")

    static let transformsResult: Result<JSONValue, any Error> = Result {
        let data = try Data(contentsOf: robyn("robyn_transforms.json"))
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static let demoModelResult: Result<JSONValue, any Error> = Result {
        let data = try Data(contentsOf: robyn("robyn_demo_model.json"))
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
