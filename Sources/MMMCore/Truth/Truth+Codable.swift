// Strict decoding of truth.json: unknown keys are errors naming the JSON path, like every contract.

extension Truth {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeSchemaVersion(forKey: .schemaVersion, supported: Self.currentSchemaVersion)
        generator = try c.decode(Generator.self, forKey: .generator)
        depVar = try c.decode(String.self, forKey: .depVar)
        dateVar = try c.decode(String.self, forKey: .dateVar)
        windowStart = try c.decode(CalendarDate.self, forKey: .windowStart)
        windowEnd = try c.decode(CalendarDate.self, forKey: .windowEnd)
        adstock = try c.decode(AdstockType.self, forKey: .adstock)
        noiseSD = try c.decode(Double.self, forKey: .noiseSD)
        rSquared = try c.decode(Double.self, forKey: .rSquared)
        channels = try c.decode([Channel].self, forKey: .channels)
        rows = try c.decode(Rows.self, forKey: .rows)
        liftTests = try c.decodeIfPresent([LiftTest].self, forKey: .liftTests) ?? []
        let count = rows.dates.count
        let lengths = [rows.baseline.count, rows.noise.count] + rows.contributions.values.map(\.count)
        guard lengths.allSatisfy({ $0 == count }) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: c.codingPath + [CodingKeys.rows], debugDescription: "every per-row series must have \(count) values, one per date"))
        }
    }
}

extension Truth.Generator {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        version = try c.decode(String.self, forKey: .version)
        seed = try c.decode(UInt64.self, forKey: .seed)
        like = try c.decodeIfPresent(String.self, forKey: .like)
        likeSHA256 = try c.decodeIfPresent(String.self, forKey: .likeSHA256)
    }
}

extension Truth.Channel {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        variable = try c.decode(String.self, forKey: .variable)
        spendColumn = try c.decodeIfPresent(String.self, forKey: .spendColumn)
        placebo = try c.decodeIfPresent(Bool.self, forKey: .placebo) ?? false
        roi = try c.decodeIfPresent(Double.self, forKey: .roi)
        effectShare = try c.decodeIfPresent(Double.self, forKey: .effectShare)
        contribution = try c.decode(Double.self, forKey: .contribution)
        totalSpend = try c.decodeIfPresent(Double.self, forKey: .totalSpend)
        coefficient = try c.decode(Double.self, forKey: .coefficient)
        hyperparameters = try c.decode([String: Double].self, forKey: .hyperparameters)
        inflexion = try c.decode(Double.self, forKey: .inflexion)
    }
}

extension Truth.Rows {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dates = try c.decode([CalendarDate].self, forKey: .dates)
        baseline = try c.decode([Double].self, forKey: .baseline)
        noise = try c.decode([Double].self, forKey: .noise)
        contributions = try c.decode([String: [Double]].self, forKey: .contributions)
    }
}

extension Truth.LiftTest {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        study = try c.decode(CalibrationStudy.self, forKey: .study)
        trueLift = try c.decode(Double.self, forKey: .trueLift)
    }
}
