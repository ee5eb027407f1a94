import Foundation
import MMMCloud
import MMMCore
import MMMEngine

extension LocationFiles {
    /// The table source for `--data`: a local file or a `gs://` object, CSV or Parquet by its name.
    /// - Parameters:
    ///   - location: The input.
    ///   - csv: How a CSV input is written (a configuration's `csv`; nil: delimiter detected, decimal point).
    /// - Returns: A ``CSVFileSource``, ``ParquetFileSource`` or ``GCSTableSource``.
    public func tableSource(_ location: StorageLocation, csv: CSVSettings? = nil) -> any TableSource {
        switch location {
        case .local(let path): TableFileFormat.source(path: path, csv: csv)
        case .gcs(let uri): GCSTableSource(uri: uri, cloud: cloud, reader: CSVReader(options: CSVReader.Options(csv)))
        }
    }

    /// Loads a job configuration (any of the three kinds `--config` accepts) from a file or an object; errors name
    /// the path or URI as given.
    /// - Parameter location: The configuration.
    /// - Returns: The loaded configuration.
    /// - Throws: ``ConfigError``, or Cloud Storage errors.
    public func jobConfig(_ location: StorageLocation) async throws -> LoadedJobConfig {
        switch location {
        case .local(let path): return try JobConfigLoader.load(path: path)
        case .gcs: return try JobConfigLoader.load(data: try await read(location), file: location.description)
        }
    }

    /// Reads a holidays CSV (`ds, holiday, country, year`) from a file or an object.
    /// - Parameter location: The CSV.
    /// - Returns: The calendar.
    /// - Throws: ``DataError`` naming the path or URI, or Cloud Storage errors.
    public func holidays(_ location: StorageLocation) async throws -> HolidayCalendar {
        switch location {
        case .local(let path):
            return try HolidayCalendar(csvPath: path)
        case .gcs:
            var options = CSVReader.Options()
            // As HolidayCalendar(csvPath:): every cell as text, so a country code such as `NA` stays a code.
            options.inferTypes = false
            do {
                let table = try CSVReader(options: options).parse(try await read(location))
                return try HolidayCalendar(table: table, source: location.description)
            } catch let error as DataError {
                throw error.inFile(location.description)
            }
        }
    }
}
