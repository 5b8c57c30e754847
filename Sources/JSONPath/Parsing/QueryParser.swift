import JSON

/// A recursive-descent parser for RFC 9535 queries, checking well-typedness of function use as it goes.
/// In shorthand mode the root `$` may be left out and dot names may also hold digits and dashes; a query
/// that does start with `$` is JSONPath as written, so the shorthand never accepts what RFC 9535 rejects.
struct QueryParser {
    private let text: String
    private let scalars: [Unicode.Scalar]
    private var shorthand: Bool
    private var position = 0
    /// Filters nest through brackets, parentheses and calls; 32 levels parse and run within a 512 KiB
    /// thread stack even in debug builds (tested), and no real query comes near.
    private var nesting = 0
    private static let maxNesting = 32

    init(_ text: String, shorthand: Bool) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
        self.shorthand = shorthand
    }

    mutating func parseQuery() throws(JSONPathError) -> [Segment] {
        var segments: [Segment] = []
        if current == "$" {
            shorthand = false
            position += 1
            segments = try parseSegments()
        } else if shorthand {
            if current == "*" {
                position += 1
                segments.append(Segment(isDescendant: false, selectors: [.wildcard]))
            } else if let scalar = current, scalar != ".", scalar != "[" {
                segments.append(Segment(isDescendant: false, selectors: [try parseShorthandName()]))
            }
            if scalars.count == 1 && current == "." {
                position += 1
            } else {
                segments += try parseSegments()
            }
        } else {
            throw error("a query starts with '$'")
        }
        if position < scalars.count {
            throw error("unexpected '\(scalars[position].escapedForMessage)'")
        }
        return segments
    }

    // MARK: Segments

    private mutating func parseSegments() throws(JSONPathError) -> [Segment] {
        var segments: [Segment] = []
        while true {
            let start = position
            skipBlanks()
            guard let scalar = current else {
                position = start
                return segments
            }
            if scalar == "." {
                if peek(1) == "." {
                    position += 2
                    segments.append(Segment(isDescendant: true, selectors: try parseAfterDot(descendant: true)))
                } else {
                    position += 1
                    segments.append(Segment(isDescendant: false, selectors: try parseAfterDot(descendant: false)))
                }
            } else if scalar == "[" {
                segments.append(Segment(isDescendant: false, selectors: try parseBracketedSelection()))
            } else {
                position = start
                return segments
            }
        }
    }

    /// What follows `.` or `..`: a member name, `*`, or (after `..` only) a bracketed selection.
    private mutating func parseAfterDot(descendant: Bool) throws(JSONPathError) -> [Selector] {
        guard let scalar = current else { throw error("expected a member name or '*' after '\(descendant ? ".." : ".")'") }
        if scalar == "*" {
            position += 1
            return [.wildcard]
        }
        if descendant && scalar == "[" {
            return try parseBracketedSelection()
        }
        if shorthand && nesting == 0 {
            return [try parseShorthandName()]
        }
        guard Self.isNameFirst(scalar) else {
            throw error("expected a member name or '*' after '\(descendant ? ".." : ".")'")
        }
        var name = ""
        while let next = current, Self.isNameCharacter(next) {
            name.unicodeScalars.append(next)
            position += 1
        }
        return [.name(name)]
    }

    /// A shorthand member name: letters, digits, `_` and `-`; all digits also indexes arrays.
    private mutating func parseShorthandName() throws(JSONPathError) -> Selector {
        var name = ""
        while let next = current, Self.isNameCharacter(next) || next == "-" {
            name.unicodeScalars.append(next)
            position += 1
        }
        guard !name.isEmpty else { throw error("expected a member name") }
        if name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let index = Int(name), name.count < 16 {
            return .nameOrIndex(name, index)
        }
        return .name(name)
    }

    private mutating func parseBracketedSelection() throws(JSONPathError) -> [Selector] {
        let open = position
        position += 1
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else { throw error("brackets nested too deeply", at: open) }
        var selectors: [Selector] = []
        skipBlanks()
        while true {
            selectors.append(try parseSelector())
            skipBlanks()
            guard let scalar = current else { throw error("expected ']' to close the '[' at column \(open + 1)") }
            if scalar == "]" {
                position += 1
                return selectors
            }
            guard scalar == "," else { throw error("expected ',' or ']'") }
            position += 1
            skipBlanks()
        }
    }

    private mutating func parseSelector() throws(JSONPathError) -> Selector {
        guard let scalar = current else { throw error("expected a selector") }
        switch scalar {
        case "'", "\"":
            return .name(try parseStringLiteral())
        case "*":
            position += 1
            return .wildcard
        case "?":
            position += 1
            skipBlanks()
            return .filter(try requireLogical(try parseOr()))
        case ":", "-", "0"..."9":
            return try parseIndexOrSlice()
        default:
            throw error("expected a selector: a quoted name, '*', an index, a slice or a '?' filter")
        }
    }

    private mutating func parseIndexOrSlice() throws(JSONPathError) -> Selector {
        let start: Int? = current == ":" ? nil : try parseInteger()
        skipBlanks()
        guard current == ":" else {
            guard let start else { throw error("expected an index") }
            return .index(start)
        }
        position += 1
        skipBlanks()
        var end: Int?
        if let scalar = current, scalar == "-" || ("0"..."9").contains(scalar) {
            end = try parseInteger()
            skipBlanks()
        }
        var step: Int?
        if current == ":" {
            position += 1
            skipBlanks()
            if let scalar = current, scalar == "-" || ("0"..."9").contains(scalar) {
                step = try parseInteger()
            }
        }
        return .slice(start: start, end: end, step: step)
    }

    /// An integer as RFC 9535 allows: no leading zeros, no `-0`, within ±(2^53 - 1).
    private mutating func parseInteger() throws(JSONPathError) -> Int {
        let start = position
        var negative = false
        if current == "-" {
            negative = true
            position += 1
        }
        var digits = ""
        while let scalar = current, ("0"..."9").contains(scalar) {
            digits.unicodeScalars.append(scalar)
            position += 1
        }
        guard !digits.isEmpty else { throw error("expected digits", at: position) }
        if digits.count > 1 && digits.hasPrefix("0") || negative && digits == "0" {
            throw error("integers are written without leading zeros or '-0'", at: start)
        }
        guard digits.count <= 16, let magnitude = Int(digits), magnitude <= Self.maxExactInteger else {
            throw error("integer out of range ±(2^53 - 1)", at: start)
        }
        return negative ? -magnitude : magnitude
    }

    private static let maxExactInteger = (1 << 53) - 1

    // MARK: String literals

    private mutating func parseStringLiteral() throws(JSONPathError) -> String {
        let open = position
        let quote = scalars[position]
        position += 1
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw error("unterminated string", at: open) }
            position += 1
            if scalar == quote { return String(result) }
            if scalar.value < 0x20 {
                throw error("control characters must be escaped in a string", at: position - 1)
            }
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            guard let letter = current else { throw error("unterminated string", at: open) }
            position += 1
            switch letter {
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "/": result.append("/")
            case "\\": result.append("\\")
            case quote: result.append(quote)
            case "u": result.append(try parseUnicodeEscape())
            default: throw error("invalid escape '\\\(letter.escapedForMessage)'", at: position - 2)
            }
        }
    }

    private mutating func parseUnicodeEscape() throws(JSONPathError) -> Unicode.Scalar {
        let escape = position - 2
        let high = try parseHexQuad(escape: escape)
        if (0xDC00..<0xE000).contains(high) { throw error("lone low surrogate", at: escape) }
        guard (0xD800..<0xDC00).contains(high) else { return Unicode.Scalar(high)! }
        guard current == "\\", peek(1) == "u" else { throw error("high surrogate without a low surrogate", at: escape) }
        position += 2
        let low = try parseHexQuad(escape: escape)
        guard (0xDC00..<0xE000).contains(low) else { throw error("high surrogate without a low surrogate", at: escape) }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
    }

    private mutating func parseHexQuad(escape: Int) throws(JSONPathError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = scalar.properties.isASCIIHexDigit ? UInt32(String(scalar), radix: 16) : nil else {
                throw error("expected 4 hex digits after '\\u'", at: escape)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    // MARK: Filter expressions

    /// What an expression parsed to before its use is known: a bare literal, query or function call
    /// may be an operand, a function argument or (queries, some functions) a test.
    private enum Expression {
        case logical(LogicalExpression)
        case literal(JSONValue)
        case query(FilterQuery)
        case function(FunctionCall, name: String)
    }

    private mutating func parseOr() throws(JSONPathError) -> (Expression, Int) {
        let start = position
        let first = try parseAnd()
        var operands: [LogicalExpression] = []
        while lookAheadOperator("||") {
            if operands.isEmpty { operands.append(try requireLogical(first)) }
            skipBlanks()
            position += 2
            skipBlanks()
            operands.append(try requireLogical(try parseAnd()))
        }
        return operands.isEmpty ? first : (.logical(.or(operands)), start)
    }

    private mutating func parseAnd() throws(JSONPathError) -> (Expression, Int) {
        let start = position
        let first = try parseBasic()
        var operands: [LogicalExpression] = []
        while lookAheadOperator("&&") {
            if operands.isEmpty { operands.append(try requireLogical(first)) }
            skipBlanks()
            position += 2
            skipBlanks()
            operands.append(try requireLogical(try parseBasic()))
        }
        return operands.isEmpty ? first : (.logical(.and(operands)), start)
    }

    private mutating func parseBasic() throws(JSONPathError) -> (Expression, Int) {
        let start = position
        guard let scalar = current else { throw error("expected a filter expression") }
        if scalar == "(" {
            return (.logical(try parseParenthesized()), start)
        }
        if scalar == "!" {
            position += 1
            skipBlanks()
            if current == "(" {
                return (.logical(.not(try parseParenthesized())), start)
            }
            let operandStart = position
            let operand = try parseOperand()
            switch operand {
            case .query, .function:
                return (.logical(.not(try requireLogical((operand, operandStart)))), start)
            default:
                throw error("'!' applies to a query, a function or a parenthesized expression", at: start)
            }
        }
        let left = try parseOperand()
        guard let comparison = lookAheadComparison() else { return (left, start) }
        let leftComparable = try comparable(left, at: start)
        skipBlanks()
        position += comparison.rawValue.count
        skipBlanks()
        let rightStart = position
        let right = try comparable(try parseOperand(), at: rightStart)
        return (.logical(.comparison(leftComparable, comparison, right)), start)
    }

    private mutating func parseParenthesized() throws(JSONPathError) -> LogicalExpression {
        let open = position
        position += 1
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else { throw error("parentheses nested too deeply", at: open) }
        skipBlanks()
        let inner = try requireLogical(try parseOr())
        skipBlanks()
        guard current == ")" else { throw error("expected ')' to close the '(' at column \(open + 1)") }
        position += 1
        return inner
    }

    /// A literal, a query (`@...`, `$...`) or a function call.
    private mutating func parseOperand() throws(JSONPathError) -> Expression {
        guard let scalar = current else { throw error("expected a literal, a query or a function") }
        switch scalar {
        case "@", "$":
            position += 1
            let segments = try parseSegments()
            return .query(FilterQuery(isRelative: scalar == "@", segments: segments))
        case "'", "\"":
            return .literal(.string(try parseStringLiteral()))
        case "-", "0"..."9":
            return .literal(.number(try parseNumberLiteral()))
        case "a"..."z":
            let start = position
            var name = ""
            while let next = current, ("a"..."z").contains(next) || ("0"..."9").contains(next) || next == "_" {
                name.unicodeScalars.append(next)
                position += 1
            }
            if current == "(" {
                return try parseFunctionCall(name: name, at: start)
            }
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: throw error("unknown name '\(name)'", at: start)
            }
        default:
            throw error("expected a literal, a query or a function")
        }
    }

    /// A number literal in filters: JSON's grammar, plus `-0`.
    private mutating func parseNumberLiteral() throws(JSONPathError) -> JSONNumber {
        let start = position
        var literal = ""
        while let scalar = current, "0123456789+-.eE".unicodeScalars.contains(scalar) {
            literal.unicodeScalars.append(scalar)
            position += 1
        }
        guard let number = JSONNumber(literal: literal) else { throw error("invalid number '\(literal)'", at: start) }
        return number
    }

    private mutating func parseFunctionCall(name: String, at start: Int) throws(JSONPathError) -> Expression {
        guard let function = FilterFunction.all[name] else { throw error("unknown function '\(name)'", at: start) }
        position += 1
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else { throw error("function calls nested too deeply", at: start) }
        skipBlanks()
        var arguments: [FunctionArgument] = []
        if current != ")" {
            while true {
                let argumentStart = position
                let (argument, _) = try parseOr()
                guard arguments.count < function.parameters.count else {
                    throw error("\(name)() takes \(function.parameters.count) argument(s)", at: argumentStart)
                }
                arguments.append(try convert(argument, to: function.parameters[arguments.count], function: name, at: argumentStart))
                skipBlanks()
                guard current == "," else { break }
                position += 1
                skipBlanks()
            }
        }
        guard current == ")" else { throw error("expected ',' or ')' in the arguments of \(name)()") }
        guard arguments.count == function.parameters.count else {
            throw error("\(name)() takes \(function.parameters.count) argument(s)", at: start)
        }
        position += 1
        return .function(FunctionCall(function: function, arguments: arguments), name: name)
    }

    /// Checks an argument against its declared parameter type (RFC 9535 §2.4.3).
    private func convert(_ argument: Expression, to type: FunctionType, function: String, at start: Int) throws(JSONPathError) -> FunctionArgument {
        switch (type, argument) {
        case (.value, .literal(let value)):
            return .literal(value)
        case (.value, .query(let query)) where query.isSingular:
            return .query(query)
        case (.value, .function(let call, _)) where call.function.result == .value:
            return .function(call)
        case (.logical, .logical(let logical)):
            return .logical(logical)
        case (.logical, .query(let query)):
            return .logical(.exists(query))
        case (.logical, .function(let call, _)) where call.function.result != .value:
            return .logical(.function(call))
        case (.nodes, .query(let query)):
            return .query(query)
        case (.nodes, .function(let call, _)) where call.function.result == .nodes:
            return .function(call)
        default:
            let expected = switch type {
            case .value: "a value (a literal, a singular query or a value function)"
            case .logical: "a logical expression"
            case .nodes: "a query"
            }
            throw error("argument of \(function)() must be \(expected)", at: start)
        }
    }

    private func requireLogical(_ parsed: (Expression, Int)) throws(JSONPathError) -> LogicalExpression {
        let (expression, start) = parsed
        switch expression {
        case .logical(let logical):
            return logical
        case .query(let query):
            return .exists(query)
        case .function(let call, let name):
            guard call.function.result != .value else {
                throw error("\(name)() gives a value, not a test; compare it with something", at: start)
            }
            return .function(call)
        case .literal:
            throw error("a literal is not a test; compare it with something", at: start)
        }
    }

    private func comparable(_ expression: Expression, at start: Int) throws(JSONPathError) -> ComparableExpression {
        switch expression {
        case .literal(let value):
            return .literal(value)
        case .query(let query):
            guard query.isSingular else {
                throw error("only singular queries (names and indices) can be compared", at: start)
            }
            return .query(query)
        case .function(let call, let name):
            guard call.function.result == .value else {
                throw error("\(name)() gives no value to compare", at: start)
            }
            return .function(call)
        case .logical:
            throw error("a logical expression cannot be compared", at: start)
        }
    }

    // MARK: Lexical helpers

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private func peek(_ distance: Int) -> Unicode.Scalar? {
        position + distance < scalars.count ? scalars[position + distance] : nil
    }

    private mutating func skipBlanks() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            position += 1
        }
    }

    private func lookAheadOperator(_ symbol: String) -> Bool {
        var probe = position
        while probe < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[probe]) { probe += 1 }
        let symbolScalars = Array(symbol.unicodeScalars)
        guard probe + symbolScalars.count <= scalars.count else { return false }
        return Array(scalars[probe..<(probe + symbolScalars.count)]) == symbolScalars
    }

    private func lookAheadComparison() -> ComparisonOperator? {
        for candidate in [ComparisonOperator.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater]
        where lookAheadOperator(candidate.rawValue) {
            return candidate
        }
        return nil
    }

    private static func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 0x80
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameFirst(scalar) || ("0"..."9").contains(scalar)
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONPathError {
        JSONPathError(message: message, column: (offset ?? position) + 1, query: text)
    }
}

extension Unicode.Scalar {
    var escapedForMessage: String {
        value < 0x20 ? "\\u{\(String(value, radix: 16))}" : String(self)
    }
}
