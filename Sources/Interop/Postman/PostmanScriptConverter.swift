import Hurl

/// Turns the common checks of Postman test scripts into Hurl asserts: status code, a JSON field equal
/// to a literal, a header present (or equal), response time below a bound, body containing text —
/// in both the `pm.test(…)` style and the older `tests["…"] = …` style. Whatever else a script does is
/// returned as text to keep as a comment.
enum PostmanScriptConverter {
    struct Result: Equatable {
        var asserts: [HurlAssert] = []
        /// `pm.environment.set("id", pm.response.json().id)` and its kin, as captures.
        var captures: [HurlCapture] = []
        /// Source lines that were not converted, in order.
        var unconverted: [String] = []
    }

    static func convert(_ script: String) -> Result {
        var result = Result()
        var aliases: Set<String> = []
        for statement in JavaScriptStatements.split(script) {
            if let block = pmTestBody(statement) {
                var blockAliases = aliases
                var asserts: [HurlAssert] = []
                var complete = true
                for inner in JavaScriptStatements.split(block) {
                    if let alias = jsonAlias(inner) {
                        blockAliases.insert(alias)
                    } else if let converted = assertion(inner, aliases: blockAliases) {
                        asserts += converted
                    } else {
                        complete = false
                        break
                    }
                }
                if complete, !asserts.isEmpty {
                    result.asserts += asserts
                } else {
                    result.unconverted += statement.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                }
            } else if let alias = jsonAlias(statement) {
                aliases.insert(alias)
            } else if let converted = capture(statement, aliases: aliases) {
                result.captures.append(converted)
            } else if let converted = assertion(statement, aliases: aliases) {
                result.asserts += converted
            } else {
                result.unconverted += statement.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return result
    }

    /// The body of `pm.test("name", function () { … })` or `pm.test("name", () => { … })`.
    private static func pmTestBody(_ statement: String) -> String? {
        guard statement.hasPrefix("pm.test(") else { return nil }
        // Skip the title, which may hold braces, before looking for the function's body.
        var index = statement.index(statement.startIndex, offsetBy: "pm.test(".count)
        while index < statement.endIndex, statement[index].isWhitespace { index = statement.index(after: index) }
        if index < statement.endIndex, let quote = statement[index].isQuote ? statement[index] : nil {
            index = statement.index(after: index)
            while index < statement.endIndex, statement[index] != quote {
                if statement[index] == "\\" { index = statement.index(after: index) }
                if index < statement.endIndex { index = statement.index(after: index) }
            }
        }
        guard index < statement.endIndex, let open = statement[index...].firstIndex(of: "{"),
              let close = statement.lastIndex(of: "}"), open < close else { return nil }
        return String(statement[statement.index(after: open)..<close])
    }

    /// `var data = pm.response.json()` / `JSON.parse(responseBody)`: the name now stands for the body.
    private static func jsonAlias(_ statement: String) -> String? {
        let pattern = #/^(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:pm\.response\.json\(\)|JSON\.parse\(\s*(?:responseBody|pm\.response\.text\(\))\s*\))$/#
        return statement.wholeMatch(of: pattern).map { String($0.1) }
    }

    /// `pm.(environment|collectionVariables|variables|globals).set("name", <a JSON body path>)`.
    private static func capture(_ statement: String, aliases: Set<String>) -> HurlCapture? {
        let pattern = #/pm\.(?:environment|collectionVariables|variables|globals)\.set\(\s*(["'])([A-Za-z_][\w-]*)\1\s*,\s*(.+)\)/#
        guard let match = statement.trimmingJS().wholeMatch(of: pattern), case .jsonpath(let path)? = query(String(match.3), aliases: aliases)
        else { return nil }
        return HurlCapture(name: HurlTemplate(text: String(match.2)), query: .jsonpath(path))
    }

    private static func assertion(_ statement: String, aliases: Set<String>) -> [HurlAssert]? {
        let text = statement.trimmingJS()
        if let match = text.wholeMatch(of: #/pm\.response\.to\.have\.status\((\d{3})\)/#) {
            return [HurlAssert(query: .status, predicate: HurlPredicate(function: .equal, value: .number(String(match.1))))]
        }
        if text == "pm.response.to.be.ok" || text == "pm.response.to.be.success" {
            return [HurlAssert(query: .status, predicate: HurlPredicate(function: .greaterOrEqual, value: .number("200"))),
                    HurlAssert(query: .status, predicate: HurlPredicate(function: .less, value: .number("300")))]
        }
        if let match = text.wholeMatch(of: #/pm\.response\.to\.have\.header\(\s*(["'])([^"']+)\1\s*\)/#) {
            return [HurlAssert(query: .header(HurlTemplate(text: String(match.2))), predicate: HurlPredicate(function: .exists))]
        }
        if let match = text.wholeMatch(of: #/pm\.response\.to\.have\.header\(\s*(["'])([^"']+)\1\s*,\s*(["'])(.*)\3\s*\)/#) {
            return [HurlAssert(query: .header(HurlTemplate(text: String(match.2))),
                               predicate: HurlPredicate(function: .equal, value: .string(HurlTemplate(text: String(match.4)))))]
        }
        if let match = text.wholeMatch(of: #/pm\.expect\((.+)\)\.to\.(?:be\.|deep\.)?(?:equal|eql|eq|equals)\((.+)\)/#),
           let check = equality(subject: String(match.1), literal: String(match.2), aliases: aliases) {
            return [check]
        }
        if let match = text.wholeMatch(of: #/pm\.expect\((.+)\)\.to\.be\.(below|lessThan|lt|above|greaterThan|gt|at\.least|at\.most)\((-?[\d.]+)\)/#),
           let check = comparison(subject: String(match.1), String(match.2), bound: String(match.3), aliases: aliases) {
            return [check]
        }
        if let match = text.wholeMatch(of: #/pm\.expect\(\s*pm\.response\.headers\.has\(\s*(["'])([^"']+)\1\s*\)\s*\)\.to\.be\.true/#) {
            return [HurlAssert(query: .header(HurlTemplate(text: String(match.2))), predicate: HurlPredicate(function: .exists))]
        }
        if let match = text.wholeMatch(of: #/pm\.expect\(\s*pm\.response\.text\(\)\s*\)\.to\.(?:include|contain|have\.string)\(\s*(["'])(.*)\1\s*\)/#) {
            return [bodyContains(String(match.2))]
        }
        if let match = text.wholeMatch(of: #/pm\.response\.to\.have\.body\(\s*(["'])(.*)\1\s*\)/#) {
            return [HurlAssert(query: .body, predicate: HurlPredicate(function: .equal, value: .string(HurlTemplate(text: String(match.2)))))]
        }
        if let match = text.wholeMatch(of: #/tests\[.+?\]\s*=\s*(.+)/#) {
            return legacy(String(match.1).trimmingJS(), aliases: aliases)
        }
        return nil
    }

    /// The right side of `tests["…"] = …`.
    private static func legacy(_ expression: String, aliases: Set<String>) -> [HurlAssert]? {
        var text = expression
        while text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()).trimmingJS() }
        if let match = text.wholeMatch(of: #/responseCode\.code\s*===?\s*(\d{3})/#) {
            return [HurlAssert(query: .status, predicate: HurlPredicate(function: .equal, value: .number(String(match.1))))]
        }
        if let match = text.wholeMatch(of: #/responseTime\s*<\s*(\d+)/#) {
            return [HurlAssert(query: .duration, predicate: HurlPredicate(function: .less, value: .number(String(match.1))))]
        }
        if let match = text.wholeMatch(of: #/responseBody\.(?:has|includes|indexOf)\(\s*(["'])(.*)\1\s*\)/#) {
            return [bodyContains(String(match.2))]
        }
        if let match = text.wholeMatch(of: #/postman\.getResponseHeader\(\s*(["'])([^"']+)\1\s*\)/#) {
            return [HurlAssert(query: .header(HurlTemplate(text: String(match.2))), predicate: HurlPredicate(function: .exists))]
        }
        if let match = text.wholeMatch(of: #/(.+?)\s*===?\s*(.+)/#),
           let check = equality(subject: String(match.1), literal: String(match.2), aliases: aliases) {
            return [check]
        }
        return nil
    }

    private static func bodyContains(_ text: String) -> HurlAssert {
        HurlAssert(query: .body, predicate: HurlPredicate(function: .contains, value: .string(HurlTemplate(text: unescapeJS(text)))))
    }

    /// `data.a.b[0]` (an alias of the JSON body) or `pm.response.code` compared with a literal.
    private static func equality(subject: String, literal: String, aliases: Set<String>) -> HurlAssert? {
        guard let value = javaScriptLiteral(literal.trimmingJS()), let query = query(subject, aliases: aliases) else { return nil }
        if query == .status, !value.isNumber { return nil }
        return HurlAssert(query: query, predicate: HurlPredicate(function: .equal, value: value))
    }

    /// `pm.expect(SUBJECT).to.be.below(N)` and its siblings.
    private static func comparison(subject: String, _ word: String, bound: String, aliases: Set<String>) -> HurlAssert? {
        let functions: [String: HurlPredicateFunction] = [
            "below": .less, "lessThan": .less, "lt": .less, "above": .greater, "greaterThan": .greater, "gt": .greater,
            "at.least": .greaterOrEqual, "at.most": .lessOrEqual,
        ]
        guard let function = functions[word], let query = query(subject, aliases: aliases),
              case .number? = javaScriptLiteral(bound) else { return nil }
        return HurlAssert(query: query, predicate: HurlPredicate(function: function, value: .number(bound)))
    }

    /// What a script expression reads from the response.
    private static func query(_ subject: String, aliases: Set<String>) -> HurlQuery? {
        let subject = subject.trimmingJS()
        if subject == "pm.response.code" || subject == "responseCode.code" { return .status }
        if subject == "pm.response.responseTime" || subject == "responseTime" { return .duration }
        for prefix in aliases.sorted(by: { $0.count > $1.count }) + ["pm.response.json()", "JSON.parse(responseBody)"] where subject.hasPrefix(prefix) {
            guard let path = jsonPath(subject.dropFirst(prefix.count)) else { return nil }
            return .jsonpath(HurlTemplate(text: path))
        }
        return nil
    }

    /// `.a.b[0]["c d"]` → `$.a.b[0]['c d']`.
    static func jsonPath(_ accessors: Substring) -> String? {
        guard !accessors.isEmpty else { return nil }
        var path = "$"
        var rest = accessors
        while !rest.isEmpty {
            if let match = rest.prefixMatch(of: #/\.([A-Za-z_$][\w$]*)/#) {
                path += "." + match.1
                rest = rest[match.range.upperBound...]
            } else if let match = rest.prefixMatch(of: #/\[(\d+)\]/#) {
                path += "[\(match.1)]"
                rest = rest[match.range.upperBound...]
            } else if let match = rest.prefixMatch(of: #/\[(["'])([^"'\\]*)\1\]/#) {
                path += "['\(match.2)']"
                rest = rest[match.range.upperBound...]
            } else {
                return nil
            }
        }
        return path
    }

    static func javaScriptLiteral(_ text: String) -> HurlValue? {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if text == "null" { return .null }
        if text.wholeMatch(of: #/-?\d+(\.\d+)?([eE][+-]?\d+)?/#) != nil { return .number(text) }
        if let match = text.wholeMatch(of: #/(["'])(.*)\1/#), !match.2.contains(match.1) || match.2.contains("\\") {
            return .string(HurlTemplate(text: unescapeJS(String(match.2))))
        }
        return nil
    }

    private static func unescapeJS(_ text: String) -> String {
        var output = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n": output += "\n"
                case "t": output += "\t"
                case "r": output += "\r"
                default: output.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                output.append(character)
            }
        }
        return output
    }
}

extension Character {
    var isQuote: Bool { self == "\"" || self == "'" || self == "`" }
}

extension HurlValue {
    var isNumber: Bool {
        if case .number = self { true } else { false }
    }
}

extension String {
    /// Without surrounding whitespace and a trailing `;`.
    func trimmingJS() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace || last == ";" { text.removeLast() }
        return String(text)
    }
}
