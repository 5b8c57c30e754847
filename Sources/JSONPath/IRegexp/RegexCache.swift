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

struct CompiledIRegexp {
    private let regex: Regex<AnyRegexOutput>

    init?(_ pattern: String) {
        guard let translated = IRegexpTranslator.translate(pattern),
              let regex = try? Regex(translated)
        else { return nil }
        // I-Regexp characters are Unicode scalars, not grapheme clusters.
        self.regex = regex.matchingSemantics(.unicodeScalar)
    }

    func matchesWhole(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }

    func matchesSomewhere(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}
