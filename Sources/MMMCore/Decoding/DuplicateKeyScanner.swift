import Foundation

/// Finds the first object key that appears twice in a JSON document.
///
/// Foundation's decoder keeps one of the values and says nothing, so `"resample_freq": "W", "resample_freq": "x"`
/// would pass the strict decoder; a duplicate is always a producer bug, so it is an error naming the JSON path.
enum DuplicateKeyScanner {
    private enum Container {
        case object(keys: Set<String>, pendingKey: String?, path: String)
        case array(index: Int, path: String)
    }

    /// The JSON path of the first duplicate key (`$.a.b`), or nil. Malformed JSON returns nil (the decoder reports it).
    static func firstDuplicate(in data: Data) -> String? {
        let bytes = [UInt8](data)
        var stack: [Container] = []
        var i = 0
        var expectingKey = false
        func childPath() -> String {
            switch stack.last {
            case .object(_, let key?, let path)?: return path + "." + key
            case .array(let index, let path)?: return path + "[\(index)]"
            default: return "$"
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"):
                stack.append(.object(keys: [], pendingKey: nil, path: childPath()))
                expectingKey = true
            case UInt8(ascii: "["):
                stack.append(.array(index: 0, path: childPath()))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
                expectingKey = false
            case UInt8(ascii: ","):
                if case .array(let index, let path)? = stack.last {
                    stack[stack.count - 1] = .array(index: index + 1, path: path)
                } else if case .object(let keys, _, let path)? = stack.last {
                    stack[stack.count - 1] = .object(keys: keys, pendingKey: nil, path: path)
                    expectingKey = true
                }
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                var escaped = false
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") {
                        escaped = true
                        i += 1
                    }
                    i += 1
                }
                guard i < bytes.count else { return nil }
                if expectingKey, case .object(var keys, _, let path)? = stack.last {
                    let raw = Data(bytes[start...i])
                    let key = escaped ? ((try? JSONDecoder().decode(String.self, from: raw)) ?? "") : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
                    if keys.contains(key) { return path + "." + key }
                    keys.insert(key)
                    stack[stack.count - 1] = .object(keys: keys, pendingKey: key, path: path)
                    expectingKey = false
                }
            default:
                break
            }
            i += 1
        }
        return nil
    }
}
