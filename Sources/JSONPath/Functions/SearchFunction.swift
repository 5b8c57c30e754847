import JSON

extension FilterFunction {
    /// search(string, iregexp): some substring matches the I-Regexp; false for anything else.
    static let search = FilterFunction(name: "search", parameters: [.value, .value], result: .logical) { arguments, regexes in
        guard case .value(.string(let text)?) = arguments[0],
              case .value(.string(let pattern)?) = arguments[1],
              let regex = regexes.regex(for: pattern)
        else { return .logical(false) }
        return .logical(regex.matchesSomewhere(text))
    }
}
