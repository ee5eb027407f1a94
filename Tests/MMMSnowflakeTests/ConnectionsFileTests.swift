import Foundation
import MMMSnowflake
import Testing

/// The strict TOML subset of `connections.toml`, exercised through the resolver.
struct ConnectionsFileTests {
    static let path = "/home/u/.snowflake/connections.toml"

    private func resolver(_ text: String, environment: [String: String] = [:]) -> SnowflakeConfigResolver {
        SnowflakeConfigResolver(environment: environment, homeDirectory: "/home/u",
                                fileSystem: InMemoryConfigFiles(files: [Self.path: text]))
    }

    @Test func readsTablesStringsIntegersBooleansAndComments() throws {
        let text = """
            # Snowflake connections
            default_connection_name = "dev"   # picked when nothing else names one

            [dev]
            account = "myorg-dev_acct"
            user = 'jane'            # literal string
            private_key_file = "/keys/dev \\"quoted\\".p8"
            port = 8_443
            protocol = "https"
            validate_default_parameters = true

            ["prod eu"]
            account = "xy12345.eu-central-1.aws"
            user = "svc_mmm"
            private_key_file = "/keys/prod.p8"
            warehouse = "\\u0057H"
            """
        let resolver = resolver(text)
        #expect(try resolver.connectionNames() == ["dev", "prod eu"])
        let dev = try resolver.resolve(SnowflakeConfigFlags())
        #expect(dev.connectionName == "dev")
        #expect(dev.account.jwtAccount == "MYORG-DEV_ACCT")
        #expect(dev.user == "jane")
        #expect(dev.privateKey == .file(path: #"/keys/dev "quoted".p8"#))
        #expect(dev.baseURL.absoluteString == "https://myorg-dev_acct.snowflakecomputing.com:8443")
        let prod = try resolver.resolve(SnowflakeConfigFlags(connection: "prod eu"))
        #expect(prod.warehouse == "WH")
        #expect(prod.account.jwtAccount == "XY12345")
    }

    @Test(arguments: [
        ("[a]\nkey = [1, 2]", 2, "arrays"),
        ("[a]\nkey = { x = 1 }", 2, "inline tables"),
        ("[[a]]", 1, "arrays of tables"),
        ("[a.b]", 1, "dotted table"),
        ("[a]\nx.y = 1", 2, "dotted keys"),
        ("[a]\nkey = \"\"\"multi\"\"\"", 2, "multi-line"),
        ("[a]\nkey = \"open", 2, "unterminated"),
        ("[a]\nkey = 1.5", 2, "unsupported value"),
        ("[a]\nkey = \"x\" extra", 2, "unexpected text"),
        ("[a]\nkey = \"x\"\nkey = \"y\"", 3, "defined twice"),
        ("[a]\n[a]", 2, "defined twice"),
        ("[a]\nkey \"x\"", 2, "expected '='"),
        ("[a]\nkey = \"bad \\q escape\"", 2, "escape"),
        ("[a", 1, "']'"),
    ])
    func rejectsUnsupportedConstructsNamingTheLine(text: String, line: Int, reason: String) {
        let error = #expect(throws: SnowflakeConfigurationError.self) { try resolver(text).resolve(SnowflakeConfigFlags()) }
        #expect(error?.kind == .invalidConnectionsFile)
        #expect(error?.message.contains("\(Self.path), line \(line):") == true)
        #expect(error?.message.contains(reason) == true)
    }

    @Test func errorsNeverQuoteTheOffendingLine() {
        let text = "[dev]\nprivate_key_file_pwd = \"hunter2-secret\" trailing"
        let error = #expect(throws: SnowflakeConfigurationError.self) { try resolver(text).resolve(SnowflakeConfigFlags()) }
        #expect(error?.message.contains("hunter2") == false)
        #expect(error?.message.contains("line 2") == true)
    }

    @Test func crlfLineEndingsAreAccepted() throws {
        let text = "[default]\r\naccount = \"xy12345\"\r\nuser = \"u\"\r\nprivate_key_file = \"/k.p8\"\r\n"
        let configuration = try resolver(text).resolve(SnowflakeConfigFlags())
        #expect(configuration.user == "u")
        #expect(configuration.privateKey == .file(path: "/k.p8"))
    }
}
