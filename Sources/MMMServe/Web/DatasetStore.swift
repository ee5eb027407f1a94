import Foundation
import MMMCore

/// Uploaded tables of the web pages' Data step: `<work>/datasets/<id>/` holds `data.csv`, its column profile
/// (`inspection.json`) and, once mapped, `selected_columns.json` (the previous system's contract).
struct DatasetStore: Sendable {
    let root: URL

    /// A dataset's folder, or nil for an id that is not one safe path segment.
    func folder(_ id: String) -> URL? {
        PathSegment.isSafe(id) ? root.appendingPathComponent(id) : nil
    }

    /// Stores an uploaded CSV and profiles it.
    /// - Returns: the dataset id and its inspection.
    /// - Throws: ``DataError`` when the CSV cannot be read.
    func add(csv data: Data, name: String) throws -> (id: String, inspection: DataInspection) {
        let table = try CSVReader().parse(data)
        let id = RunTimestamp.now().description + "-" + SecureRandomID.hex(4)
        let directory = root.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try data.write(to: directory.appendingPathComponent("data.csv"))
        let inspection = DataInspection(table: table, source: String(name.prefix(200)))
        try StrictJSON.encode(inspection).write(to: directory.appendingPathComponent("inspection.json"))
        return (id, inspection)
    }

    /// The profile of a stored dataset.
    func inspection(_ id: String) -> DataInspection? {
        guard let folder = folder(id), let data = FileManager.default.contents(atPath: folder.appendingPathComponent("inspection.json").path)
        else { return nil }
        return try? JSONDecoder().decode(DataInspection.self, from: data)
    }

    /// The saved column selection.
    func selection(_ id: String) -> SelectedColumns? {
        guard let folder = folder(id),
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent("selected_columns.json").path)
        else { return nil }
        return try? StrictJSON.decode(SelectedColumns.self, from: data)
    }

    /// Saves the column selection.
    func save(_ selection: SelectedColumns, for id: String) throws {
        guard let folder = folder(id) else { throw ConfigError(path: "dataset", "no such dataset") }
        try StrictJSON.encode(selection).write(to: folder.appendingPathComponent("selected_columns.json"))
    }

    /// The stored data file.
    func dataFile(_ id: String) -> URL? {
        guard let folder = folder(id) else { return nil }
        let file = folder.appendingPathComponent("data.csv")
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
    }

    /// Dataset ids, newest first.
    func ids() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter(PathSegment.isSafe).sorted(by: >)
    }
}
