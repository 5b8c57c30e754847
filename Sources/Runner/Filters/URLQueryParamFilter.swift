/// `urlQueryParam "NAME"`: the decoded value of a query parameter of a URL.
enum URLQueryParamFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let url) = input else { throw arguments.mismatch(input, expected: "a string") }
        let name = try arguments.string(0)
        guard let question = url.firstIndex(of: "?") else { return nil }
        let query = url[url.index(after: question)...].prefix { $0 != "#" }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard PercentDecoding.decode(String(parts[0]), plusAsSpace: true) == name else { continue }
            return .string(parts.count > 1 ? PercentDecoding.decode(String(parts[1]), plusAsSpace: true) ?? String(parts[1]) : "")
        }
        return nil
    }
}
