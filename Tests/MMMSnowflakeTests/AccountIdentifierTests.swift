import MMMSnowflake
import Testing

struct AccountIdentifierTests {
    @Test(arguments: [
        ("myorg-my_account", "MYORG-MY_ACCOUNT", "myorg-my_account.snowflakecomputing.com"),
        ("MyOrg-MyAccount", "MYORG-MYACCOUNT", "myorg-myaccount.snowflakecomputing.com"),
        ("myorg-my-account", "MYORG-MY_ACCOUNT", "myorg-my-account.snowflakecomputing.com"),
        ("xy12345", "XY12345", "xy12345.snowflakecomputing.com"),
        ("xy12345.us-east-2", "XY12345", "xy12345.us-east-2.snowflakecomputing.com"),
        ("xy12345.us-east-2.aws", "XY12345", "xy12345.us-east-2.aws.snowflakecomputing.com"),
        ("xy12345.east-us-2.azure", "XY12345", "xy12345.east-us-2.azure.snowflakecomputing.com"),
        ("xy12345.us-central1.gcp", "XY12345", "xy12345.us-central1.gcp.snowflakecomputing.com"),
        ("xy12345-abc.global", "XY12345", "xy12345-abc.global.snowflakecomputing.com"),
        ("https://myorg-myaccount.snowflakecomputing.com", "MYORG-MYACCOUNT", "myorg-myaccount.snowflakecomputing.com"),
        ("https://myorg-myaccount.snowflakecomputing.com:443/", "MYORG-MYACCOUNT", "myorg-myaccount.snowflakecomputing.com"),
        ("xy12345.us-east-2.aws.snowflakecomputing.com", "XY12345", "xy12345.us-east-2.aws.snowflakecomputing.com"),
        ("myorg-myaccount.privatelink.snowflakecomputing.com", "MYORG-MYACCOUNT",
         "myorg-myaccount.privatelink.snowflakecomputing.com"),
        ("xy12345.us-east-1.privatelink.snowflakecomputing.com", "XY12345",
         "xy12345.us-east-1.privatelink.snowflakecomputing.com"),
        ("  xy12345  ", "XY12345", "xy12345.snowflakecomputing.com"),
    ])
    func normalisesAcceptedForms(input: String, jwtAccount: String, host: String) throws {
        let account = try SnowflakeAccount(input)
        #expect(account.jwtAccount == jwtAccount)
        #expect(account.defaultHost == host)
    }

    @Test func dottedOrgAccountIsRejectedWithTheFormToUse() {
        let error = #expect(throws: SnowflakeConfigurationError.self) { try SnowflakeAccount("myorg.myaccount") }
        #expect(error?.kind == .invalidAccount)
        #expect(error?.message.contains("'myorg-myaccount' (ORG-ACCOUNT)") == true)
        #expect(error?.message.contains("ORG.ACCOUNT") == true)
    }

    @Test(arguments: ["", "   ", "myorg-acct.us-east-1", "xy12345.us-east-2.aws.extra", "xy12345.us-east-2.moon",
                      "ftp://xy12345.snowflakecomputing.com", "https://xy12345.snowflakecomputing.com/console",
                      "xy 12345", "xy12345..aws", "-acct", "org-", "xy12345.privatelink", "my_org-acct"])
    func rejectsForms(input: String) {
        let error = #expect(throws: SnowflakeConfigurationError.self) { try SnowflakeAccount(input) }
        #expect(error?.kind == .invalidAccount)
        #expect(error?.message.contains("ORG-ACCOUNT") == true)
    }
}
