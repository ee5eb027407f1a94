import Foundation
import HTTPTypes
import Hummingbird
import MMMCore

/// `/run`: the job config form (prefilled from a mapped dataset), its validation messages from the contracts, and
/// the submission; the run's page then follows it live.
enum RunFormPages {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        router.get("run") { request, context in
            let dataset = request.uri.queryParameters.get("dataset")
            var values = RunForm.Values()
            if let dataset, let selection = state.datasets.selection(dataset) {
                values = RunForm.Values(try JobConfig.from(selection).0)
                values.dataset = dataset
            }
            return RunForm.page(values, context: context, state: state, error: nil)
        }
        router.post("run") { request, context in try await submit(request, context: context, state: state) }
    }

    static func submit(_ request: Request, context: ServeContext, state: ServeState) async throws -> Response {
        let fields = try await FormBody.read(request)
        try WebForms.checkCSRF(fields["csrf"], context: context, state: state)
        let values = RunForm.Values(fields: fields)
        guard let dataset = values.dataset, let dataFile = state.datasets.dataFile(dataset) else {
            return RunForm.page(values, context: context, state: state, error: ConfigError(path: "dataset", "choose an uploaded table (Data page)"))
        }
        let configBytes: Data
        let config: JobConfig
        let backend: RunBackend
        do {
            configBytes = try values.configJSON()
            config = try RunSubmission.validatedConfig(configBytes, pathPrefix: nil)
            backend = try values.engine.choice()
        } catch let error as ConfigError {
            return RunForm.page(values, context: context, state: state, error: error)
        } catch let error as APIError {
            return RunForm.page(values, context: context, state: state, error: ConfigError(path: error.field ?? "$", error.message))
        }
        let (id, staging) = try state.runs.newStaging()
        let data = staging.appendingPathComponent("data.csv")
        try FileManager.default.copyItem(at: dataFile, to: data)
        try configBytes.write(to: staging.appendingPathComponent("job_config.json"))
        _ = try await state.runs.submit(RunSubmission(configBytes: configBytes, config: config, data: .uploaded(data), backend: backend), id: id, staging: staging)
        return AuthMiddleware.redirect(to: "/runs/\(id)")
    }
}

/// The run form's fields and how they become a job config.
enum RunForm {
    struct Values {
        var dataset: String?
        var country = ""
        var depVar = ""
        var depVarType = "revenue"
        var dateVar = ""
        var paidMedia = ""
        var organic = ""
        var context = ""
        var factor = ""
        var adstock = "geometric"
        var preset = "Meshed recommend"
        var iterations = "2000"
        var trials = "5"
        var trainSize = "0.5,0.8"
        var seed = "123"
        var startDate = ""
        var endDate = ""
        var resample = "none"
        var budgetScenario = "max_historical_response"
        var expectedSpend = ""
        var holidaysCountry = ""
        var extra = ""
        var engine = BackendFields()

        init() {}

        init(_ c: JobConfig) {
            country = c.country ?? ""
            depVar = c.depVar
            depVarType = c.depVarType.rawValue
            dateVar = c.dateVar ?? ""
            paidMedia = c.paidMedia.map { $0.spend == $0.variable ? $0.spend : "\($0.spend)=\($0.variable)" }.joined(separator: "\n")
            organic = c.organicVars.joined(separator: ", ")
            context = c.contextVars.joined(separator: ", ")
            factor = c.factorVars.joined(separator: ", ")
            adstock = c.adstock.rawValue
            preset = c.hyperparameterPreset.rawValue
            iterations = String(c.iterations)
            trials = String(c.trials)
            let (low, high) = c.trainSize.bounds
            trainSize = low == high ? NumberFormatting.shortest(low) : "\(NumberFormatting.shortest(low)),\(NumberFormatting.shortest(high))"
            seed = String(c.seed)
            startDate = c.startDate?.description ?? ""
            endDate = c.endDate?.description ?? ""
            resample = c.resampleFreq.rawValue
            budgetScenario = c.budgetScenario.rawValue
            expectedSpend = c.expectedSpend.map(NumberFormatting.shortest) ?? ""
            holidaysCountry = c.holidaysCountry ?? ""
        }

        init(fields f: [String: String]) {
            dataset = f["dataset"].flatMap { $0.isEmpty ? nil : $0 }
            country = f["country"] ?? ""
            depVar = f["dep_var"] ?? ""
            depVarType = f["dep_var_type"] ?? "revenue"
            dateVar = f["date_var"] ?? ""
            paidMedia = f["paid_media"] ?? ""
            organic = f["organic_vars"] ?? ""
            context = f["context_vars"] ?? ""
            factor = f["factor_vars"] ?? ""
            adstock = f["adstock"] ?? "geometric"
            preset = f["hyperparameter_preset"] ?? ""
            iterations = f["iterations"] ?? ""
            trials = f["trials"] ?? ""
            trainSize = f["train_size"] ?? ""
            seed = f["seed"] ?? ""
            startDate = f["start_date"] ?? ""
            endDate = f["end_date"] ?? ""
            resample = f["resample_freq"] ?? "none"
            budgetScenario = f["budget_scenario"] ?? ""
            expectedSpend = f["expected_spend"] ?? ""
            holidaysCountry = f["holidays_country"] ?? ""
            extra = f["extra"] ?? ""
            engine = BackendFields(fields: f)
        }

        /// The job config JSON these fields describe (the contracts then validate it).
        func configJSON() throws -> Data {
            func list(_ text: String) -> [String] {
                // Browsers send a textarea's lines as CRLF, which is one Character (not == "\n").
                text.split { $0 == "," || $0.isNewline }.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            }
            func number(_ text: String, _ path: String) throws -> Any {
                if let int = Int(text.trimmingCharacters(in: .whitespaces)) { return int }
                if let double = Double(text.trimmingCharacters(in: .whitespaces)) { return double }
                throw ConfigError(path: path, "expected a number, got '\(text.prefix(40))'")
            }
            var object: [String: Any] = [
                "dep_var": depVar, "dep_var_type": depVarType, "adstock": adstock, "hyperparameter_preset": preset,
                "resample_freq": resample, "budget_scenario": budgetScenario,
                "organic_vars": list(organic), "context_vars": list(context), "factor_vars": list(factor),
            ]
            object["paid_media"] = list(paidMedia.replacingOccurrences(of: ",", with: "\n")).map { line -> [String: String] in
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return ["spend": parts[0], "var": parts.count > 1 ? parts[1] : parts[0]]
            }
            for (key, value) in [("country", country), ("date_var", dateVar), ("start_date", startDate), ("end_date", endDate),
                                 ("holidays_country", holidaysCountry)] where !value.isEmpty {
                object[key] = value
            }
            for (key, value) in [("iterations", iterations), ("trials", trials), ("seed", seed), ("expected_spend", expectedSpend)]
            where !value.isEmpty {
                object[key] = try number(value, "$.\(key)")
            }
            let sizes = list(trainSize)
            if sizes.count == 1 { object["train_size"] = try number(sizes[0], "$.train_size") }
            if sizes.count == 2 { object["train_size"] = [try number(sizes[0], "$.train_size"), try number(sizes[1], "$.train_size")] }
            if !extra.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                guard let more = try? JSONSerialization.jsonObject(with: Data(extra.utf8)) as? [String: Any] else {
                    throw ConfigError(path: "extra", "the advanced settings must be one JSON object, e.g. {\"calibration_constraint\": 0.05}")
                }
                for (key, value) in more { object[key] = value }
            }
            return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
    }

    /// Which form field a JSON path belongs to.
    static func field(for path: String) -> String {
        let trimmed = path.hasPrefix("$.") ? String(path.dropFirst(2)) : path
        return String(trimmed.prefix { $0 != "." && $0 != "[" })
    }

    static func page(_ v: Values, context: ServeContext, state: ServeState, error: ConfigError?) -> Response {
        let bad = error.map { field(for: $0.path) }
        func input(_ label: String, _ name: String, _ value: String, help: String? = nil, type: String = "text", extra: String = "") -> String {
            HTML.field(label, name: name, value: value, type: type, help: help, attributes: (bad == name ? "aria-invalid=\"true\" aria-errormessage=\"form-error\" " : "") + extra)
        }
        func area(_ label: String, _ name: String, _ value: String, help: String) -> String {
            """
            <div class="field"><label for="f-\(name)">\(HTML.escape(label))</label><textarea id="f-\(name)" name="\(name)" aria-describedby="f-\(name)-help"\
            \(bad == name ? " aria-invalid=\"true\" aria-errormessage=\"form-error\"" : "")>\(HTML.escape(value))</textarea>
            <p class="help" id="f-\(name)-help">\(HTML.escape(help))</p></div>
            """
        }
        let datasets = state.datasets.ids().filter { state.datasets.selection($0) != nil }
        let datasetOptions = [("", "— choose —")] + datasets.map { ($0, (state.datasets.inspection($0)?.source ?? "") + " (" + $0 + ")") }
        let errorBlock = error.map {
            "<p class=\"error\" role=\"alert\" id=\"form-error\" tabindex=\"-1\">\(HTML.escape($0.path)): \(HTML.escape($0.message))</p>"
        } ?? ""
        let body = """
            \(errorBlock)
            <form method="post" action="/run" aria-label="Job configuration">
            \(HTML.csrf(context.user?.csrfToken))
            \(HTML.select("Table", name: "dataset", options: datasetOptions, selected: v.dataset ?? "", help: "An uploaded table whose columns were mapped on the Data page."))
            <fieldset><legend>Model</legend>
            \(input("Goal column (dep_var)", "dep_var", v.depVar))
            \(HTML.select("Goal type", name: "dep_var_type", options: [("revenue", "revenue (ROI)"), ("conversion", "conversion (CPA)")], selected: v.depVarType))
            \(input("Date column", "date_var", v.dateVar, help: "Empty: DATE, DS, DATUM, FECHA or DATA"))
            \(input("Country (ISO-2)", "country", v.country))
            \(area("Paid media", "paid_media", v.paidMedia, help: "One channel per line: spend, or spend=exposure (e.g. facebook_S=facebook_I)."))
            \(input("Organic media", "organic_vars", v.organic, help: "Comma-separated"))
            \(input("Context", "context_vars", v.context, help: "Comma-separated"))
            \(input("Factors (categorical context)", "factor_vars", v.factor, help: "Comma-separated; each must also be a context column"))
            \(HTML.select("Adstock", name: "adstock", options: [("geometric", "geometric"), ("weibull_cdf", "Weibull CDF"), ("weibull_pdf", "Weibull PDF")], selected: v.adstock))
            \(HTML.select("Hyperparameter bounds", name: "hyperparameter_preset", options: HyperparameterPreset.allCases.map { ($0.rawValue, $0.rawValue) }, selected: v.preset))
            </fieldset>
            <fieldset><legend>Window and search</legend>
            \(input("Window start", "start_date", v.startDate, help: "YYYY-MM-DD; empty: the data's first date", type: "date"))
            \(input("Window end", "end_date", v.endDate, help: "YYYY-MM-DD; empty: the data's last date", type: "date"))
            \(input("Iterations", "iterations", v.iterations, type: "number", extra: "min=\"1\""))
            \(input("Trials", "trials", v.trials, type: "number", extra: "min=\"1\""))
            \(input("Training share", "train_size", v.trainSize, help: "0.7, or a search range 0.5,0.8"))
            \(input("Seed", "seed", v.seed, type: "number", extra: "min=\"0\""))
            \(HTML.select("Resample", name: "resample_freq", options: [("none", "none"), ("W", "weekly"), ("M", "monthly")], selected: v.resample))
            \(input("Holiday country", "holidays_country", v.holidaysCountry, help: "Empty: the country's"))
            </fieldset>
            <fieldset><legend>Budget allocation after training</legend>
            \(HTML.select("Scenario", name: "budget_scenario", options: [("max_historical_response", "most response for the historical spend"), ("max_response_expected_spend", "most response for an expected spend")], selected: v.budgetScenario))
            \(input("Expected spend", "expected_spend", v.expectedSpend, help: "Total over the last 365 days (expected-spend scenario)", type: "number", extra: "min=\"0\" step=\"any\""))
            </fieldset>
            \(v.engine.html(bad: bad))
            \(area("Advanced settings (JSON)", "extra", v.extra, help: "Any other job config field as one JSON object, e.g. {\"custom_hyperparameters\": {\"tv_S_thetas\": [0.3, 0.8]}, \"calibration_constraint\": 0.05}; see docs/contracts.md."))
            <button type="submit" class="primary">Start the run</button></form>
            """
        return Pages.page("Run", current: "/run", user: context.user, body: body, status: error == nil ? .ok : .badRequest)
    }
}
