import Foundation

/// A test-only reader for the unquoted vector CSVs: header row, comma-separated cells, no quoting.
struct SimpleCSV {
    let header: [String]
    let rows: [[String]]

    init(url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        guard let first = lines.first else { throw Fixtures.FixtureError(description: "Empty CSV \(url.path)") }
        header = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A numeric column by name.
    func column(_ name: String) throws -> [Double] {
        guard let index = header.firstIndex(of: name) else {
            throw Fixtures.FixtureError(description: "No column \(name)")
        }
        return try rows.map { row in
            guard index < row.count, let value = Double(row[index]) else {
                throw Fixtures.FixtureError(description: "Column \(name) has a non-numeric cell")
            }
            return value
        }
    }

    /// A text column by name.
    func textColumn(_ name: String) throws -> [String] {
        guard let index = header.firstIndex(of: name) else {
            throw Fixtures.FixtureError(description: "No column \(name)")
        }
        return rows.map { index < $0.count ? $0[index] : "" }
    }
}
