import Foundation
import MMMCore

/// Guesses each column's role from its name, as the previous system's mapping page did: spend columns end in
/// `_S`, `_COST` or `_SPEND`; a media column shares its spend's channel prefix (`facebook_S` ↔ `facebook_I`,
/// `GA_SUPPLY_COST` ↔ `GA_SUPPLY_SESSIONS`); `organic_`/`context_`/`factor_` prefixes (and `_O`/`_B` suffixes) name
/// the other roles; text columns are factors. People correct the guesses on the page.
enum RoleMapper {
    enum Role: String, CaseIterable, Sendable {
        case ignore, date, goal, spend, media, organic, context, factor

        var label: String {
            switch self {
            case .ignore: "not used"
            case .date: "date"
            case .goal: "goal (dependent variable)"
            case .spend: "paid media: spend"
            case .media: "paid media: exposure of a spend"
            case .organic: "organic media"
            case .context: "context"
            case .factor: "context (categorical factor)"
            }
        }
    }

    struct Guess: Sendable, Equatable {
        var role: Role
        /// For `.media`: the spend column it measures.
        var spend: String?
    }

    static let spendSuffixes = ["_S", "_COST", "_SPEND"]
    static let goalNames = ["revenue", "sales", "conversions", "upload_value", "n_uploads_web", "orders", "kpi"]

    /// One guess per column, in column order.
    static func guess(_ inspection: DataInspection) -> [String: Guess] {
        var guesses: [String: Guess] = [:]
        let names = inspection.columns.map(\.name)
        func channel(_ spend: String) -> String? {
            spendSuffixes.first { spend.uppercased().hasSuffix($0) }.map { String(spend.dropLast($0.count)) }
        }
        let spends = names.filter { name in
            channel(name) != nil && inspection.columns.first { $0.name == name }?.type == .number
        }
        var goalTaken = false
        for column in inspection.columns {
            let name = column.name
            let upper = name.uppercased()
            let lower = name.lowercased()
            if name == inspection.dateColumn || column.type == .date {
                guesses[name] = Guess(role: .date)
            } else if spends.contains(name) {
                guesses[name] = Guess(role: .spend)
            } else if lower.hasPrefix("organic_") || upper.hasSuffix("_O") {
                guesses[name] = Guess(role: .organic)
            } else if lower.hasPrefix("factor_") || column.type == .text {
                guesses[name] = Guess(role: .factor)
            } else if lower.hasPrefix("context_") || upper.hasSuffix("_B") {
                guesses[name] = Guess(role: .context)
            } else if let spend = spends.first(where: { spend in
                channel(spend).map { prefix in upper.hasPrefix(prefix.uppercased() + "_") } ?? false
            }) {
                guesses[name] = Guess(role: .media, spend: spend)
            } else if !goalTaken, goalNames.contains(lower) {
                guesses[name] = Guess(role: .goal)
                goalTaken = true
            } else {
                guesses[name] = Guess(role: .ignore)
            }
        }
        return guesses
    }

    /// The selection a set of roles describes (the previous system's `selected_columns.json`).
    /// - Throws: ``ConfigError`` naming the column when the roles do not make a model.
    static func selection(roles: [String: Guess], columns: [String], country: String) throws -> SelectedColumns {
        let goals = columns.filter { roles[$0]?.role == .goal }
        guard goals.count == 1, let goal = goals.first else {
            throw ConfigError(path: "goal", goals.isEmpty ? "choose one goal column" : "choose only one goal column (\(goals.joined(separator: ", ")))")
        }
        let spends = columns.filter { roles[$0]?.role == .spend }
        guard !spends.isEmpty else { throw ConfigError(path: "spend", "choose at least one paid media spend column") }
        var mapping: [String: String] = [:]
        for column in columns where roles[column]?.role == .media {
            guard let spend = roles[column]?.spend, spends.contains(spend) else {
                throw ConfigError(path: "spend.\(column)", "\(column): choose the spend column it measures")
            }
            guard !mapping.values.contains(spend) else {
                throw ConfigError(path: "spend.\(column)", "\(column): \(spend) already has an exposure column; a spend pairs with one")
            }
            mapping[column] = spend
        }
        var vars: [String] = []
        for spend in spends {
            let media = mapping.first { $0.value == spend }?.key ?? spend
            vars.append(media)
            mapping[media] = spend
        }
        func with(_ role: Role) -> [String] { columns.filter { roles[$0]?.role == role } }
        let factors = with(.factor)
        let context = with(.context) + factors
        return SelectedColumns(
            country: country.lowercased(), selectedGoal: goal, paidMediaSpends: spends, paidMediaVars: vars,
            varToSpendMapping: mapping, organicVars: with(.organic), contextVars: context, factorVars: factors,
            allSelectedDrivers: vars + with(.organic) + context, timestamp: RunTimestamp.now().description)
    }
}
