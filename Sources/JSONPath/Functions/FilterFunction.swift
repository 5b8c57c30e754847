import JSON

/// A function extension usable in filters. Adding one is a file with its definition and a line in `all`.
struct FilterFunction: Sendable {
    let name: String
    let parameters: [FunctionType]
    let result: FunctionType
    let evaluate: @Sendable ([FunctionValue], RegexCache) -> FunctionValue

    static let all: [String: FilterFunction] = Dictionary(
        uniqueKeysWithValues: [length, count, match, search, value].map { ($0.name, $0) }
    )
}
