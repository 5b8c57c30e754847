import HTTPExchange
/// Merges JUnit XML reports (from the shards of a run, or any tool) into one: test suites with the same
/// name become one suite whose counts and time are the sums, other suites are kept beside it, and every
/// test case is kept as written.
public enum JUnitMerge {
    struct Suite {
        var name: String
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0
        var time = 0.0
        var body = ""
    }

    public static func merge(_ documents: [(name: String, text: String)]) throws(RunFailure) -> String {
        var suites: [Suite] = []
        for document in documents {
            let found = try self.suites(in: document.text, name: document.name)
            for suite in found {
                if let position = suites.firstIndex(where: { $0.name == suite.name }) {
                    suites[position].tests += suite.tests
                    suites[position].failures += suite.failures
                    suites[position].errors += suite.errors
                    suites[position].skipped += suite.skipped
                    suites[position].time += suite.time
                    suites[position].body += suite.body
                } else {
                    suites.append(suite)
                }
            }
        }
        let total = suites.reduce(into: Suite(name: "")) { total, suite in
            total.tests += suite.tests
            total.failures += suite.failures
            total.errors += suite.errors
            total.time += suite.time
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites tests=\"\(total.tests)\" errors=\"\(total.errors)\" failures=\"\(total.failures)\" time=\"\(seconds(total.time))\">\n"
        for suite in suites {
            xml += "<testsuite name=\"\(MarkupEscaping.escape(suite.name))\" tests=\"\(suite.tests)\" errors=\"\(suite.errors)\" failures=\"\(suite.failures)\""
            if suite.skipped > 0 { xml += " skipped=\"\(suite.skipped)\"" }
            xml += " time=\"\(seconds(suite.time))\">\n" + suite.body
            if !suite.body.isEmpty, !suite.body.hasSuffix("\n") { xml += "\n" }
            xml += "</testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// Every `<testsuite>` element of a document, its counts read from its attributes.
    static func suites(in text: String, name: String) throws(RunFailure) -> [Suite] {
        var suites: [Suite] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "<testsuite") {
            let afterName = rest[open.upperBound...]
            // `<testsuites` is the wrapper, not a suite.
            guard let next = afterName.first, next == " " || next == ">" || next == "/" || next == "\n" || next == "\t" || next == "\r" else {
                rest = afterName
                continue
            }
            guard let tagEnd = afterName.firstIndex(of: ">") else { throw RunFailure("\(name): a <testsuite> tag is not closed") }
            let selfClosing = afterName[..<tagEnd].hasSuffix("/")
            let attributes = Self.attributes(String(afterName[..<tagEnd]))
            var suite = Suite(name: attributes["name"] ?? "")
            suite.tests = Int(attributes["tests"] ?? "") ?? 0
            suite.failures = Int(attributes["failures"] ?? "") ?? 0
            suite.errors = Int(attributes["errors"] ?? "") ?? 0
            suite.skipped = Int(attributes["skipped"] ?? "") ?? 0
            suite.time = Double(attributes["time"] ?? "") ?? 0
            let contentStart = afterName.index(after: tagEnd)
            if selfClosing {
                rest = afterName[contentStart...]
            } else {
                guard let close = afterName[contentStart...].firstRange(of: "</testsuite>") else {
                    throw RunFailure("\(name): a <testsuite> element is not closed")
                }
                var body = afterName[contentStart..<close.lowerBound]
                while body.first == "\n" || body.first == "\r" { body = body.dropFirst() }
                suite.body = String(body)
                rest = afterName[close.upperBound...]
            }
            suites.append(suite)
        }
        guard !suites.isEmpty || text.contains("<testsuites") else { throw RunFailure("\(name) is not a JUnit XML report") }
        return suites
    }

    /// `name="value"` pairs of a start tag, entities decoded where they matter for numbers and names.
    static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = tag[...]
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
            var afterEquals = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = afterEquals.first, quote == "\"" || quote == "'" else { break }
            afterEquals = afterEquals.dropFirst()
            guard let end = afterEquals.firstIndex(of: quote) else { break }
            result[name] = unescape(String(afterEquals[..<end]))
            rest = afterEquals[afterEquals.index(after: end)...]
        }
        return result
    }

    private static func unescape(_ text: String) -> String {
        text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&apos;", with: "'").replacing("&amp;", with: "&")
    }

    private static func seconds(_ value: Double) -> String {
        Duration.milliseconds(Int((value * 1000).rounded())).secondsText
    }
}
