import Hurl

/// Regular expressions from Hurl patterns (quoted strings or `/regex/` literals).
enum RegexSupport {
    static func compile(_ pattern: String) throws(EvaluationError) -> Regex<AnyRegexOutput> {
        do {
            return try Regex(pattern)
        } catch {
            throw EvaluationError("invalid regex /\(pattern)/: \(error)")
        }
    }

    static func pattern(_ pattern: HurlPattern, _ variables: VariableStore) throws(EvaluationError) -> String {
        switch pattern {
        case .regex(let regex): return regex
        case .string(let template): return try EvaluationError.wrapping { () throws(RunFailure) in try variables.expand(template) }
        }
    }

    /// The first capture group of the first match (the whole match when there is no group).
    static func firstCapture(_ regex: Regex<AnyRegexOutput>, in text: String) -> String? {
        guard let match = text.firstMatch(of: regex) else { return nil }
        let output = match.output
        let group = output.count > 1 ? output[1] : output[0]
        return group.substring.map(String.init)
    }
}
