import Foundation

/// The parts of the gcloud CLI's configuration directory that Application Default Credentials use.
struct GcloudConfig {
    let environment: GoogleCloudEnvironment

    /// `$CLOUDSDK_CONFIG`, else `~/.config/gcloud`.
    var directory: String {
        if let configured = environment.value("CLOUDSDK_CONFIG") { return configured }
        return (environment.homeDirectory as NSString).appendingPathComponent(".config/gcloud")
    }

    /// The well-known ADC file `gcloud auth application-default login` writes.
    var applicationDefaultCredentialsPath: String {
        (directory as NSString).appendingPathComponent("application_default_credentials.json")
    }

    /// The project gcloud is configured for: `CLOUDSDK_CORE_PROJECT`, else `project` in the `[core]` section of
    /// the active configuration (`CLOUDSDK_ACTIVE_CONFIG_NAME`, else the `active_config` file, else `default`).
    func project() -> String? {
        if let project = environment.value("CLOUDSDK_CORE_PROJECT") { return project }
        let name = environment.value("CLOUDSDK_ACTIVE_CONFIG_NAME")
            ?? read((directory as NSString).appendingPathComponent("active_config"))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "default"
        guard !name.isEmpty, !name.contains("/"),
            let text = read((directory as NSString).appendingPathComponent("configurations/config_" + name))
        else { return nil }
        return Self.value(in: text, section: "core", key: "project")
    }

    private func read(_ path: String) -> String? {
        guard let data = try? environment.fileSystem.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// A `key = value` entry of an INI section.
    static func value(in text: String, section: String, key: String) -> String? {
        var current = ""
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.hasPrefix(";") || line.isEmpty { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard current == section, let equals = line.firstIndex(of: "=") else { continue }
            if line[..<equals].trimmingCharacters(in: .whitespaces) == key {
                let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }
}
