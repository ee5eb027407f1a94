import MMMTestSupport
import Foundation
import Testing

@Suite struct DataCommandTests {
    static let demoData = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let demoConfig = CLI.path("Examples/configs/demo_job_config.json")

    @Test func inspectDemoAsJSON() throws {
        let r = try CLI.run(["data", "inspect", Self.demoData, "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let report = try jsonObject(r.stdout)
        #expect(report["rows"] as? Int == 208)
        #expect(report["cadence"] as? String == "weekly")
        #expect(report["first_date"] as? String == "2015-11-23")
        #expect(report["last_date"] as? String == "2019-11-11")
        #expect((report["columns"] as? [Any])?.count == 12)
    }

    @Test func inspectAsText() throws {
        let r = try CLI.run(["data", "inspect", Self.demoData])
        #expect(r.code == 0)
        #expect(r.stdout.contains("208 rows, 12 columns"))
        #expect(r.stdout.contains("cadence weekly"))
    }

    @Test func prepareDemoWritesCSVAndManifest() throws {
        let dir = try scratchDirectory()
        let output = dir.appendingPathComponent("prepared.csv").path
        let r = try CLI.run(["data", "prepare", "--data", Self.demoData, "--config", Self.demoConfig, "--output", output])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("prepared 208 rows × 12 columns (weekly)"))
        #expect(r.stdout.contains("window 2016-01-04 … 2018-12-31 (157 rows)"))
        let csv = try String(contentsOfFile: output, encoding: .utf8)
        #expect(csv.hasPrefix("DATE,revenue,tv_S,ooh_S,print_S,facebook_S,search_S,facebook_I,search_clicks_P,newsletter,competitor_sales_B,events\n"))
        #expect(csv.split(separator: "\n").count == 209)
        let manifest = try jsonObject(try String(contentsOfFile: output + ".manifest.json", encoding: .utf8))
        #expect(manifest["output_rows"] as? Int == 208)
        #expect((manifest["window"] as? [String: Any])?["rows"] as? Int == 157)
        // Prepared values are the input's values, byte for byte.
        let input = try String(contentsOfFile: Self.demoData, encoding: .utf8).split(separator: "\n")
        #expect(input[1].split(separator: ",")[1] == csv.split(separator: "\n")[1].split(separator: ",")[1])
    }

    @Test func prepareIsDeterministic() throws {
        let dir = try scratchDirectory()
        var outputs: [Data] = []
        for name in ["a.csv", "b.csv"] {
            let output = dir.appendingPathComponent(name).path
            let r = try CLI.run(["data", "prepare", "--data", Self.demoData, "--config", Self.demoConfig, "--output", output, "--quiet"])
            #expect(r.code == 0)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: output)))
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: output + ".manifest.json")))
        }
        #expect(outputs[0] == outputs[2])
        #expect(outputs[1] == outputs[3])
    }

    @Test func prepareAcceptsThePreviousSystemsConfigs() throws {
        let dir = try scratchDirectory()
        var csv = "date,COUNTRY,N_UPLOADS_WEB,GA_SUPPLY_COST,GA_SUPPLY_SESSIONS,META_DEMAND_COST,META_DEMAND_SESSIONS,SEO_DAILY_SESSIONS,TV_IS_ON\n"
        for d in 0..<120 {
            let day = isoDay(d)
            csv += "\(day),DE,\(100 + d % 9),\(d % 5 + 1),\(d % 7 * 3),\(d % 3 + 2),\(d % 4),\(50 + d % 6),\(d / 60)\n"
        }
        let data = try write(csv, "data.csv", in: dir)
        for config in ["Examples/contracts/legacy_job_config.json", "Examples/contracts/selected_columns.json"] {
            let output = dir.appendingPathComponent("out.csv").path
            let r = try CLI.run(["data", "prepare", "--data", data, "--config", CLI.path(config), "--output", output, "--verbose"])
            #expect(r.code == 0, "\(config): \(r.stderr)")
            #expect(r.stderr.contains("config note:") || config.contains("selected"), "\(r.stderr)")
        }
    }
}
