import HTTPExchange
import Hurl

/// Reads the curl commands that documentation and browsers' "Copy as cURL" produce.
public enum CurlImporter {
    /// Options that change nothing in the request (output, progress, verbosity, protocol choice).
    static let ignoredFlags: Set<String> = [
        "-s", "--silent", "-S", "--show-error", "-v", "--verbose", "-i", "--include", "-f", "--fail",
        "--fail-with-body", "-#", "--progress-bar", "--no-progress-meter", "-N", "--no-buffer", "--http1.1",
        "--http2", "--http2-prior-knowledge", "-O", "--remote-name", "-g", "--globoff", "--path-as-is",
    ]
    /// Options that take a value apish does not use.
    static let ignoredWithValue: Set<String> = [
        "-o", "--output", "-w", "--write-out", "-m", "--max-time", "--connect-timeout", "--retry", "-c", "--cookie-jar",
        "--max-redirs",
    ]

    /// - Throws: ``CurlImportError`` naming the unknown option, the missing value or the unclosed quote.
    public static func parse(_ commandLine: String) throws(CurlImportError) -> CurlImport {
        var words = try CurlTokenizer.words(commandLine)
        guard let first = words.first else { throw .notCurl("") }
        guard first == "curl" || first.hasSuffix("/curl") || first == "curl.exe" else { throw .notCurl(first) }
        words.removeFirst()

        var explicitMethod: String?
        var url: String?
        var headers = HTTPHeaders()
        var data: [CurlImport.DataPiece] = []
        var json: [CurlImport.DataPiece] = []
        var parts: [CurlImport.FormPart] = []
        var result = CurlImport(method: "GET", url: "")
        var asQuery = false
        var head = false
        var removed: Set<String> = []

        var index = 0
        func value(_ option: String) throws(CurlImportError) -> String {
            index += 1
            guard index < words.count else { throw .missingArgument(option) }
            return words[index]
        }
        while index < words.count {
            var word = words[index]
            var attached: String?
            // Short options may carry their value (-XPOST, -H'A: b') or be bundled (-sSL).
            if word.hasPrefix("-"), !word.hasPrefix("--"), word.count > 2 {
                let letter = String(word.prefix(2))
                let rest = String(word.dropFirst(2))
                if Self.shortTakesValue(letter) {
                    word = letter
                    attached = rest
                } else if rest.allSatisfy({ Self.shortFlags.contains("-\($0)") }) {
                    for flag in word.dropFirst() { apply(flag: "-\(flag)", to: &result, asQuery: &asQuery, head: &head) }
                    index += 1
                    continue
                } else {
                    throw .unknownOption(word)
                }
            }
            func argument() throws(CurlImportError) -> String {
                if let attached { return attached }
                return try value(word)
            }
            switch word {
            case "-X", "--request": explicitMethod = try argument()
            case "--url": url = try argument()
            case "-H", "--header":
                let header = try argument()
                let (name, rest) = header.splitOnce(":")
                if let rest {
                    // `Name:` with nothing after it only stops curl sending its own default.
                    let value = rest.trimmingCharacters()
                    if value.isEmpty { removed.insert(name.trimmingCharacters().lowercased()) } else { headers.add(name.trimmingCharacters(), value) }
                } else if header.hasSuffix(";") {
                    headers.add(String(header.dropLast()).trimmingCharacters(), "")
                } else {
                    throw .invalidHeader(header)
                }
            // Blanks around a field value are not part of it (RFC 9110 §5.5), as for -H.
            case "-A", "--user-agent": headers.add("User-Agent", try argument().trimmingCharacters())
            case "-e", "--referer": headers.add("Referer", try argument().trimmingCharacters())
            case "-b", "--cookie": headers.add("Cookie", try argument().trimmingCharacters())
            case "-u", "--user": result.user = try argument()
            case "-d", "--data", "--data-ascii":
                let text = try argument()
                data.append(try fileOr(.text(text.replacing("\r", with: "").replacing("\n", with: "")), text, option: word))
            case "--data-binary":
                let text = try argument()
                data.append(try fileOr(.text(text), text, option: word))
            case "--data-raw": data.append(.text(try argument()))
            case "--data-urlencode": data.append(try urlencoded(try argument(), option: word))
            case "--json":
                let text = try argument()
                json.append(try fileOr(.text(text), text, option: word))
            case "-F", "--form": parts.append(try formPart(try argument(), literal: false))
            case "--form-string": parts.append(try formPart(try argument(), literal: true))
            case "-G", "--get": asQuery = true
            case "-I", "--head": head = true
            case "-k", "--insecure", "-L", "--location", "--compressed":
                apply(flag: word, to: &result, asQuery: &asQuery, head: &head)
            default:
                if Self.ignoredFlags.contains(word) { break }
                if Self.ignoredWithValue.contains(word) { _ = try argument(); break }
                if word.hasPrefix("-"), word.count > 1 { throw .unknownOption(word) }
                guard url == nil else { throw .unknownOption(word) }
                url = word
            }
            index += 1
        }
        guard var target = url, !target.isEmpty else { throw .missingURL }
        // curl assumes http:// for a bare host; a template may hold the scheme itself. The search is by
        // bytes: as Characters, a combining mark after the `/` would hide the `://`.
        if target.utf8.firstRange(of: "://".utf8) == nil, !target.hasPrefix("{{") { target = "http://" + target }

        if asQuery, !data.isEmpty {
            let query = data.compactMap { piece -> String? in if case .text(let text) = piece { return text }; return nil }.joined(separator: "&")
            target += (target.contains("?") ? "&" : "?") + query
            data = data.filter { if case .file = $0 { return true }; return false }
        }
        if !json.isEmpty {
            result.body = .data(json, joiner: "")
            if !headers.contains("Content-Type") { headers.add("Content-Type", "application/json") }
            if !headers.contains("Accept") { headers.add("Accept", "application/json") }
        } else if !data.isEmpty {
            result.body = .data(data, joiner: "&")
            if !headers.contains("Content-Type"), !removed.contains("content-type") {
                headers.add("Content-Type", "application/x-www-form-urlencoded")
            }
        } else if !parts.isEmpty {
            result.body = .multipart(parts)
        }
        let implied = head ? "HEAD" : (result.body == .none || asQuery ? "GET" : "POST")
        result.method = (explicitMethod ?? implied).uppercased()
        guard HurlRequest.isValidMethod(result.method) else { throw .invalidMethod(explicitMethod ?? implied) }
        result.url = target
        for field in headers {
            do { try HTTPFieldSyntax.check(name: field.name, value: field.value) } catch { throw .invalidHeaderField(error) }
        }
        result.headers = headers
        return result
    }

    static let shortFlags: Set<String> = ["-s", "-S", "-v", "-i", "-f", "-k", "-L", "-G", "-I", "-N", "-O", "-g", "-#"]

    static func shortTakesValue(_ option: String) -> Bool {
        ["-X", "-H", "-d", "-u", "-F", "-A", "-e", "-b", "-o", "-w", "-m", "-c"].contains(option)
    }

    private static func apply(flag: String, to result: inout CurlImport, asQuery: inout Bool, head: inout Bool) {
        switch flag {
        case "-k", "--insecure": result.insecure = true
        case "-L", "--location": result.followRedirects = true
        case "--compressed": result.compressed = true
        case "-G": asQuery = true
        case "-I": head = true
        default: break
        }
    }

    /// `@path` names a file to read; anything else is `literal`. A bare `@` names none (Hurl has no
    /// `file,;`).
    private static func fileOr(_ literal: CurlImport.DataPiece, _ text: String, option: String) throws(CurlImportError) -> CurlImport.DataPiece {
        guard text.hasPrefix("@") else { return literal }
        guard text.count > 1 else { throw .dataWithoutFile(option: option) }
        return .file(String(text.dropFirst()))
    }

    /// `--data-urlencode`: `content`, `=content`, `name=content`, `@file`, `name@file`.
    private static func urlencoded(_ argument: String, option: String) throws(CurlImportError) -> CurlImport.DataPiece {
        let encode = { (text: String) in PercentEncoding.encode(text, allowed: PercentEncoding.unreserved, spaceAsPlus: true) }
        if let equals = argument.firstIndex(of: "=") {
            let name = String(argument[..<equals])
            let content = encode(String(argument[argument.index(after: equals)...]))
            return .text(name.isEmpty ? content : name + "=" + content)
        }
        if let at = argument.firstIndex(of: "@") {
            let name = String(argument[..<at])
            let path = String(argument[argument.index(after: at)...])
            guard !path.isEmpty else { throw .dataWithoutFile(option: option) }
            return .encodedFile(name: name.isEmpty ? nil : name, path: path)
        }
        return .text(encode(argument))
    }

    /// `-F name=value`, `name=@path;type=…;filename=…`, `name=<path` (a file's content as text).
    /// curl refuses a field without `=`; an empty name it sends, but a Hurl multipart field cannot hold one.
    private static func formPart(_ argument: String, literal: Bool) throws(CurlImportError) -> CurlImport.FormPart {
        let (name, rest) = argument.splitOnce("=")
        guard let value = rest, !name.isEmpty else { throw .unnamedFormField(argument) }
        guard !literal, value.hasPrefix("@") || value.hasPrefix("<") else {
            return .part(MultipartPart(name: name, content: .text(value)))
        }
        let attributes = value.dropFirst().split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard let path = attributes.first, !path.trimmingCharacters().isEmpty else { throw .formFieldWithoutFile(argument) }
        var contentType: String?
        var fileName = path.split(separator: "/").last.map(String.init) ?? path
        for attribute in attributes.dropFirst() {
            let (key, setting) = attribute.splitOnce("=")
            if key == "type" { contentType = setting }
            if key == "filename", let setting { fileName = setting }
        }
        if value.hasPrefix("<") { return .textFromFile(name: name, path: path) }
        return .part(MultipartPart(name: name, content: .file(path: path, fileName: fileName, contentType: contentType)))
    }
}

extension String {
    func trimmingCharacters() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
