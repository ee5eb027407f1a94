import Foundation

/// Escaping and small building blocks for the server-rendered pages.
enum HTML {
    /// Text for element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A percent-encoded path segment or query value.
    static func urlComponent(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A labelled form control.
    static func field(_ label: String, name: String, value: String = "", type: String = "text", help: String? = nil, required: Bool = false,
                      attributes: String = "") -> String {
        let id = "f-" + name.replacingOccurrences(of: ".", with: "-")
        let helpID = help.map { _ in id + "-help" }
        return """
            <div class="field"><label for="\(id)">\(escape(label))</label>
            <input id="\(id)" name="\(escape(name))" type="\(type)" value="\(escape(value))"\(required ? " required" : "")\(helpID.map { " aria-describedby=\"\($0)\"" } ?? "") \(attributes)>
            \(help.map { "<p class=\"help\" id=\"\(helpID ?? "")\">\(escape($0))</p>" } ?? "")</div>
            """
    }

    /// A labelled select.
    static func select(_ label: String, name: String, options: [(value: String, label: String)], selected: String?, help: String? = nil)
        -> String
    {
        let id = "f-" + name.replacingOccurrences(of: ".", with: "-")
        let items = options.map { option in
            "<option value=\"\(escape(option.value))\"\(option.value == selected ? " selected" : "")>\(escape(option.label))</option>"
        }.joined()
        let helpID = id + "-help"
        return """
            <div class="field"><label for="\(id)">\(escape(label))</label>
            <select id="\(id)" name="\(escape(name))"\(help == nil ? "" : " aria-describedby=\"\(helpID)\"")>\(items)</select>
            \(help.map { "<p class=\"help\" id=\"\(helpID)\">\(escape($0))</p>" } ?? "")</div>
            """
    }

    /// The hidden CSRF input every form carries.
    static func csrf(_ token: String?) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(token ?? ""))\">"
    }
}
