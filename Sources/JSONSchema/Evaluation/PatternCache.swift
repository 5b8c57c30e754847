/// The `pattern` and `patternProperties` regexes of a schema, compiled once when the validator is built.
///
/// Patterns are ECMA-262 regexes; Swift's regex syntax reads the common subset the same way. They match by
/// Unicode scalar (as ECMA-262 matches by code point with the `u` flag), `\d` and `\w` stay ASCII, and a
/// pattern is unanchored: it matches when it is found anywhere in the string.
struct PatternCache: @unchecked Sendable {
    // Safety: the dictionary is filled while the index is built and only read afterwards; `Regex` values
    // are immutable, but `Regex<AnyRegexOutput>` is not declared Sendable.
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    mutating func compile(_ pattern: String) throws(SchemaError) {
        if compiled[pattern] != nil { return }
        compiled[pattern] = try Self.regex(pattern)
    }

    /// Whether `pattern` is found in `text`; a pattern not compiled in advance is compiled now.
    func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = compiled[pattern] ?? (try? Self.regex(pattern)) else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }

    /// ECMA-262's control escapes (`\cJ`) written as the code points they stand for, which Swift's syntax spells `\x{A}`.
    private static func swiftSyntax(_ pattern: String) -> String {
        guard pattern.contains("\\c") else { return pattern }
        var result = ""
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            guard character == "\\", let escaped = characters.next() else {
                result.append(character)
                continue
            }
            if escaped == "c" {
                var lookahead = characters
                if let letter = lookahead.next(), letter.isASCII, letter.isLetter, let value = letter.asciiValue {
                    characters = lookahead
                    result += "\\x{" + String(value % 32, radix: 16) + "}"
                    continue
                }
            }
            result.append(character)
            result.append(escaped)
        }
        return result
    }

    private static func regex(_ pattern: String) throws(SchemaError) -> Regex<AnyRegexOutput> {
        do {
            return try Regex(swiftSyntax(pattern))
                .matchingSemantics(.unicodeScalar)
                .asciiOnlyDigits()
                .asciiOnlyWordCharacters()
        } catch {
            throw SchemaError("pattern \"\(pattern)\" is not a valid regular expression: \(error)")
        }
    }
}
