/// Comparison of secrets whose duration does not depend on where they first differ, so that a
/// server checking a password, signature or verifier does not tell a guesser how much was right.
public enum ConstantTime {
    /// Whether the UTF-8 forms of `lhs` and `rhs` are equal. Values of different lengths are compared
    /// to the end of the longer one rather than refused at once, so the time taken does not reveal
    /// that only the length was wrong.
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
