import MMMSnowflake
import Testing

struct ObjectNameTests {
    @Test(arguments: [
        ("analytics.public.weekly_spend", ["ANALYTICS", "PUBLIC", "WEEKLY_SPEND"], #""ANALYTICS"."PUBLIC"."WEEKLY_SPEND""#),
        (#""My DB".PUBLIC."Spend ""Q1""""#, ["My DB", "PUBLIC", #"Spend "Q1""#], #""My DB"."PUBLIC"."Spend ""Q1""""#),
        ("_x.$y.z", nil, nil),
        ("db.sch.t$1", ["DB", "SCH", "T$1"], #""DB"."SCH"."T$1""#),
        (#""a.b".c.d"#, ["a.b", "C", "D"], #""a.b"."C"."D""#),
    ] as [(String, [String]?, String?)])
    func parsesTableNames(input: String, parts: [String]?, sql: String?) {
        if let parts, let sql {
            let name = try? SnowflakeObjectName.table(input)
            #expect(name?.parts == parts)
            #expect(name?.sql == sql)
        } else {
            #expect(throws: SnowflakeConfigurationError.self) { try SnowflakeObjectName.table(input) }
        }
    }

    @Test(arguments: ["", "db.schema", "a.b.c.d", "db..t", "db.schema.", "1db.s.t", "db.s.t;drop table x",
                      #""unterminated.s.t"#, #""".s.t"#, "db.s.t t", "db.s-x.t", #"db."x"y.t"#])
    func rejectsInvalidTableNames(input: String) {
        let error = #expect(throws: SnowflakeConfigurationError.self) { try SnowflakeObjectName.table(input) }
        #expect(error?.kind == .invalidIdentifier)
    }

    @Test func partialNamesAreAllowedWithoutARequiredCount() throws {
        #expect(try SnowflakeObjectName(parsing: "spend").sql == #""SPEND""#)
        #expect(try SnowflakeObjectName(parsing: "public.spend").parts == ["PUBLIC", "SPEND"])
        #expect(throws: SnowflakeConfigurationError.self) { try SnowflakeObjectName(parsing: "a.b.c.d") }
    }

    @Test func unquotedIdentifierRule() {
        #expect(SnowflakeObjectName.isUnquotedIdentifier("_a1$"))
        #expect(!SnowflakeObjectName.isUnquotedIdentifier("1a"))
        #expect(!SnowflakeObjectName.isUnquotedIdentifier("a-b"))
        #expect(!SnowflakeObjectName.isUnquotedIdentifier("é"))
        #expect(!SnowflakeObjectName.isUnquotedIdentifier(String(repeating: "a", count: 256)))
    }
}
