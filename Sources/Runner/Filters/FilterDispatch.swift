import Hurl

/// The one place that maps a filter name to its implementation: adding a filter is adding a file
/// and a line here.
enum FilterDispatch {
    /// The implementation of a filter named in a file; nil for one apish does not support.
    static func implementation(named name: String) -> (any RunFilter.Type)? {
        switch name {
        case "count": CountFilter.self
        case "nth": NthFilter.self
        case "first": FirstFilter.self
        case "last": LastFilter.self
        case "split": SplitFilter.self
        case "regex": RegexFilter.self
        case "replace": ReplaceFilter.self
        case "replaceRegex": ReplaceRegexFilter.self
        case "toInt": ToIntFilter.self
        case "toFloat": ToFloatFilter.self
        case "toString": ToStringFilter.self
        case "toHex": ToHexFilter.self
        case "urlEncode": URLEncodeFilter.self
        case "urlDecode": URLDecodeFilter.self
        case "urlQueryParam": URLQueryParamFilter.self
        case "jsonpath": JSONPathFilter.self
        case "base64Encode": Base64EncodeFilter.self
        case "base64Decode": Base64DecodeFilter.self
        case "base64UrlSafeEncode": Base64URLSafeEncodeFilter.self
        case "base64UrlSafeDecode": Base64URLSafeDecodeFilter.self
        case "utf8Encode": UTF8EncodeFilter.self
        case "utf8Decode": UTF8DecodeFilter.self
        case "toDate": ToDateFilter.self
        case "format", "dateFormat": FormatFilter.self
        case "daysAfterNow": DaysAfterNowFilter.self
        case "daysBeforeNow": DaysBeforeNowFilter.self
        default: nil
        }
    }

    /// Applies the filters in order; a filter given no value fails, as in Hurl.
    static func apply(_ filters: [HurlFilter], to value: RunValue?, variables: VariableStore) throws(EvaluationError) -> RunValue? {
        var current = value
        for filter in filters {
            guard let implementation = implementation(named: filter.name) else {
                throw EvaluationError("the \(filter.name) filter is not supported by apish")
            }
            guard let input = current else {
                throw EvaluationError("\(HurlWriter.text(of: filter)): there is no value to filter")
            }
            let arguments = try FilterArguments(filter, variables: variables)
            current = try implementation.apply(to: input, arguments)
        }
        return current
    }
}

/// One filter: a pure function of its input and arguments.
protocol RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue?
}

/// A filter's arguments with templates expanded.
struct FilterArguments {
    let filterText: String
    private let values: [HurlFilter.Argument]
    private let variables: VariableStore

    init(_ filter: HurlFilter, variables: VariableStore) throws(EvaluationError) {
        filterText = HurlWriter.text(of: filter)
        values = filter.arguments
        self.variables = variables
    }

    func string(_ index: Int) throws(EvaluationError) -> String {
        switch values[index] {
        case .string(let template): return try QueryEvaluator.expand(template, variables)
        case .regex(let pattern): return pattern
        case .integer(let integer): return String(integer)
        }
    }

    func integer(_ index: Int) -> Int {
        if case .integer(let value) = values[index] { return value }
        return 0
    }

    /// The argument as a regex: a `/literal/` as it is, a quoted string as a pattern.
    func regex(_ index: Int) throws(EvaluationError) -> Regex<AnyRegexOutput> {
        try RegexSupport.compile(try string(index))
    }

    func isRegexLiteral(_ index: Int) -> Bool {
        if case .regex = values[index] { return true }
        return false
    }

    func mismatch(_ input: RunValue, expected: String) -> EvaluationError {
        EvaluationError("\(filterText) expects \(expected), got \(input.kindName) \(input.display)")
    }
}
