import Foundation

/// A Cloud Run job: `projects/PROJECT/locations/REGION/jobs/JOB`.
public struct CloudRunJobName: Sendable, Hashable, CustomStringConvertible {
    /// The project id or number.
    public let project: String
    /// The region, e.g. `europe-west1`.
    public let location: String
    /// The job name.
    public let job: String

    /// Creates a name from its parts.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/invalidInput``) naming the bad part.
    public init(project: String, location: String, job: String) throws(GoogleCloudError) {
        let text = "projects/\(project)/locations/\(location)/jobs/\(job)"
        for (label, value) in [("project", project), ("location", location), ("job", job)]
        where !CloudRunNames.isSegment(value) {
            throw CloudRunNames.invalid(text, "the \(label) '\(value)' is empty or has characters other than "
                + "letters, digits, '-', '_', '.' and ':'")
        }
        self.project = project
        self.location = location
        self.job = job
    }

    /// Parses `projects/P/locations/L/jobs/J`.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/invalidInput``).
    public init(resourceName: String) throws(GoogleCloudError) {
        let parts = resourceName.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "projects", parts[2] == "locations", parts[4] == "jobs" else {
            throw CloudRunNames.invalid(resourceName, "expected projects/PROJECT/locations/REGION/jobs/JOB")
        }
        try self.init(project: parts[1], location: parts[3], job: parts[5])
    }

    /// `projects/P/locations/L/jobs/J`.
    public var resourceName: String { "projects/\(project)/locations/\(location)/jobs/\(job)" }

    public var description: String { resourceName }
}

/// Validation of Cloud Run resource names (executions, operations).
enum CloudRunNames {
    /// One path segment: non-empty, URL-safe characters only.
    static func isSegment(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 256 && text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "." || scalar == ":"
        }
    }

    /// Checks `projects/P/locations/L/<kind…>/X` against a pattern of literal and variable segments (`*`).
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/invalidInput``).
    static func check(_ name: String, pattern: String) throws(GoogleCloudError) {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        let expected = pattern.split(separator: "/")
        guard parts.count == expected.count,
            zip(parts, expected).allSatisfy({ $1 == "*" ? isSegment(String($0)) : $0 == $1 })
        else {
            throw invalid(name, "expected \(pattern.replacingOccurrences(of: "*", with: "…"))")
        }
    }

    static func invalid(_ text: String, _ problem: String) -> GoogleCloudError {
        GoogleCloudError(kind: .invalidInput, service: "Cloud Run", operation: "use '\(text)'",
                         message: "not a Cloud Run resource name: \(problem)")
    }

    static let executionPattern = "projects/*/locations/*/jobs/*/executions/*"
    static let operationPattern = "projects/*/locations/*/operations/*"
}
