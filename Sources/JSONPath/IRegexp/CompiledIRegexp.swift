/// A valid I-Regexp compiled for Swift's regex engine.
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
