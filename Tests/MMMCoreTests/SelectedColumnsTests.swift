import Foundation
import Testing

@testable import MMMCore

@Suite struct SelectedColumnsTests {
    @Test func loadsThePreviousSystemsExample() throws {
        let selection = try StrictJSON.decode(SelectedColumns.self, path: TestPaths.repo("Examples/contracts/selected_columns.json"))
        #expect(selection.country == "de")
        #expect(selection.selectedGoal == "N_UPLOADS_WEB")
        let (pairs, notes) = try selection.mediaPairs()
        #expect(pairs == [
            MediaPair(spend: "GA_SUPPLY_COST", variable: "GA_SUPPLY_SESSIONS"),
            MediaPair(spend: "META_DEMAND_COST", variable: "META_DEMAND_SESSIONS"),
        ])
        #expect(notes.isEmpty)
    }

    @Test func acceptsCommaSeparatedLists() throws {
        let selection = try decode(
            SelectedColumns.self,
            #"{"country":"de","selected_goal":"Y","paid_media_spends":"A_COST, B_COST","paid_media_vars":"A_COST,B_CLICKS","var_to_spend_mapping":{"A_COST":"A_COST","B_CLICKS":"B_COST"},"organic_vars":""}"#)
        #expect(selection.paidMediaSpends == ["A_COST", "B_COST"])
        #expect(selection.organicVars == [])
        #expect(try selection.mediaPairs().pairs.map(\.variable) == ["A_COST", "B_CLICKS"])
    }

    @Test func unknownKeysNameTheirPath() {
        let error = configError(
            SelectedColumns.self,
            #"{"country":"de","selected_goal":"Y","paid_media_spends":[],"paid_media_vars":[],"var_to_spend_mapping":{},"paid_media_var":[]}"#)
        #expect(error?.path == "$.paid_media_var")
        #expect(error?.message.contains("did you mean 'paid_media_vars'") == true)
    }

    @Test func missingRequiredKeyIsNamed() {
        let error = configError(SelectedColumns.self, #"{"country":"de","selected_goal":"Y","paid_media_spends":[],"var_to_spend_mapping":{}}"#)
        #expect(error?.path == "$.paid_media_vars")
    }

    private func selection(vars: [String], spends: [String], map: [String: String]) -> SelectedColumns {
        SelectedColumns(country: "de", selectedGoal: "Y", paidMediaSpends: spends, paidMediaVars: vars, varToSpendMapping: map)
    }

    @Test func everyVarMustMapToASpend() {
        #expect(throws: ConfigError.self) { try selection(vars: ["A_S"], spends: ["A"], map: [:]).mediaPairs() }
        #expect(throws: ConfigError.self) { try selection(vars: ["A_S"], spends: ["A"], map: ["A_S": "B"]).mediaPairs() }
    }

    @Test func duplicatedPairsAreRejected() {
        #expect(throws: ConfigError.self) {
            try selection(vars: ["A_S", "A_S"], spends: ["A"], map: ["A_S": "A"]).mediaPairs()
        }
        // Two vars on one spend: the previous system's positional pairing broke on exactly this.
        #expect(throws: ConfigError.self) {
            try selection(vars: ["A_S", "A_C"], spends: ["A"], map: ["A_S": "A", "A_C": "A"]).mediaPairs()
        }
    }

    @Test func unmappedSpendsAndExtraMappingsAreNoted() throws {
        let (pairs, notes) = try selection(vars: ["A_S"], spends: ["A", "B"], map: ["A_S": "A", "Z_S": "Z"]).mediaPairs()
        #expect(pairs == [MediaPair(spend: "A", variable: "A_S"), MediaPair(spend: "B", variable: "B")])
        #expect(notes.count == 2)
    }

    @Test func buildsAJobConfig() throws {
        let selection = try StrictJSON.decode(SelectedColumns.self, path: TestPaths.repo("Examples/contracts/selected_columns.json"))
        var (config, _) = try JobConfig.from(selection)
        config.iterations = 100
        try config.validate()
        #expect(config.depVar == "N_UPLOADS_WEB")
        #expect(config.country == "de")
        #expect(config.contextVars == ["TV_IS_ON"])
        #expect(config.paidMedia.count == 2)
    }

    @Test func roundTrips() throws {
        let original = try StrictJSON.decode(SelectedColumns.self, path: TestPaths.repo("Examples/contracts/selected_columns.json"))
        let again = try StrictJSON.decode(SelectedColumns.self, from: try StrictJSON.encode(original))
        #expect(again == original)
    }
}
