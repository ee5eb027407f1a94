#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unsigned byte-wise order of UTF-8 strings (Parquet's order for STRING statistics), without per-byte iteration
/// of `String.UTF8View` when the strings are native (contiguous).
enum StringOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let n = min(x.count, y.count)
                if n > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, n)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
