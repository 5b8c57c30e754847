import JSON

extension FilterFunction {
    /// match(string, iregexp): the whole string matches the I-Regexp; false for anything else.
    static let match = FilterFunction(name: "match", parameters: [.value, .value], result: .logical) { arguments, regexes in
        guard case .value(.string(let text)?) = arguments[0],
              case .value(.string(let pattern)?) = arguments[1],
              let regex = regexes.regex(for: pattern)
        else { return .logical(false) }
        return .logical(regex.matchesWhole(text))
    }
}
