/// Compiled I-Regexps for one evaluation, so a filter applied to many nodes compiles each pattern once.
final class RegexCache {
    private var compiled: [String: CompiledIRegexp?] = [:]

    /// nil when the pattern is not a valid I-Regexp (match and search are then false).
    func regex(for pattern: String) -> CompiledIRegexp? {
        if let known = compiled[pattern] { return known }
        let regex = CompiledIRegexp(pattern)
        compiled[pattern] = regex
        return regex
    }
}
