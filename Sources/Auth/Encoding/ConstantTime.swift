/// Comparison whose duration does not depend on where two secrets first differ, so that a server
/// checking signatures or verifiers does not leak how much of a guess was right.
enum ConstantTime {
    static func equals(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8), b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
