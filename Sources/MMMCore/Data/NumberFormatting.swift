/// Number rendering used by every file we write, so outputs are byte-identical across runs and platforms.
public enum NumberFormatting {
    /// The shortest decimal that round-trips to the same Double (Swift's `description`), with integers written
    /// without a trailing `.0`, and non-finite values as `NaN`, `Inf`, `-Inf`.
    public static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 {
            let int = Int64(value)
            return int == 0 && value.sign == .minus ? "0" : String(int)
        }
        return value.description
    }
}
