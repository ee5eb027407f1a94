/// Where a job's lift studies come from: a CSV file (read by the job before preparation) or an inline list.
public enum CalibrationInput: Codable, Sendable, Equatable {
    /// A CSV with Robyn's columns (`channel, liftStartDate, liftEndDate, liftAbs[, spend, confidence, metric,
    /// calibration_scope]`), relative to the working directory.
    case file(String)
    /// The studies themselves.
    case studies([CalibrationStudy])

    /// The studies, when they are inline (nil for a file not read yet).
    public var studies: [CalibrationStudy]? {
        if case .studies(let list) = self { return list }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let path = try? container.decode(String.self) {
            self = .file(path)
            return
        }
        // Decode the list element by element so an error names the study and key.
        guard (try? decoder.unkeyedContainer()) != nil else {
            throw DecodingError.typeMismatch(
                [CalibrationStudy].self,
                .init(codingPath: decoder.codingPath, debugDescription: "expected a CSV file path or a list of studies"))
        }
        self = .studies(try container.decode([CalibrationStudy].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .file(let path): try container.encode(path)
        case .studies(let list): try container.encode(list)
        }
    }
}

/// How MAPE.LIFT turns a study's modelled effect into a prediction of the measured lift.
public enum CalibrationFormula: String, Codable, Sendable, CaseIterable, Hashable {
    /// Exactly as Robyn 3.12: the period scaling `pred / decompDays · liftDays` with both day counts taken without
    /// +1, and, for Weibull adstock, the study-only carryover computed with a kernel of the study's own length.
    case robyn
    /// The same with both quirks fixed: the days the data rows cover (`decompEnd − decompStart + one period`) and
    /// the study's inclusive calendar days (`liftEnd − liftStart + 1`), and the model's own Weibull kernel.
    case corrected

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}
