import HTTPExchange

/// What apish does with a response once the transport has read it: the input is a status line, header
/// lines and, after a blank line, the body. The harness only splits the text (the HTTP stack parses the
/// wire format); apish then reads the content type, decides JSON or text or binary, parses JSON bodies,
/// stores `Set-Cookie` fields and sends them back, follows `Location` and masks what it shows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPResponse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let blankLine = Array("\r\n\r\n".utf8)
    let bodyStart = input.bytes.indices.first { input.bytes[$0...].starts(with: blankLine) }
    let head = String(decoding: input.bytes[..<(bodyStart ?? input.bytes.count)], as: UTF8.self)
    let body = bodyStart.map { Array(input.bytes[($0 + blankLine.count)...]) } ?? []

    var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).makeIterator()
    let statusLine = lines.next().map { $0.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false) } ?? []
    var headers = HTTPHeaders()
    while let line = lines.next() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
    }
    let url = "https://api.example.test/v1/contacts/7"
    let response = HTTPResponse(
        version: statusLine.first.map(String.init) ?? "HTTP/1.1",
        status: statusLine.count > 1 ? Int(statusLine[1]) ?? 200 : 200,
        reason: statusLine.count > 2 ? String(statusLine[2]) : "",
        headers: headers, body: body, url: url, elapsed: .milliseconds(3))

    _ = response.mediaType
    if response.isJSON || body.first == UInt8(ascii: "{") || body.first == UInt8(ascii: "[") { _ = try? response.json() }
    _ = response.text

    let jar = CookieJar()
    let origin = RequestURL(url)!
    jar.store(setCookieHeaders: headers.values("Set-Cookie"), from: origin, now: 1_700_000_000)
    _ = jar.header(for: origin, now: 1_700_000_001)
    if let location = headers["Location"] { _ = try? RequestURL.resolve(location, baseURL: url) }

    let redactor = Redactor(secrets: ["s3cr3t"])
    _ = redactor.headers(headers)
    _ = redactor.body(body, contentType: response.contentType)
    if let authorization = headers["Authorization"] { _ = BasicCredentials(authorization: authorization) }
    return 0
}
