import HTTPExchange
import Testing
import TestSupport

/// What apish does with typed items and with a response's header fields, on hostile shapes: twice the
/// input must take about twice the time.
@Suite("HTTPExchange in linear time", .serialized)
struct HTTPExchangeLinearTimeTests {
    static func buildRequest(_ tokens: [String]) {
        let items = tokens.compactMap { try? RequestItem.parse($0) }
        let spec = RequestSpec(method: "POST", target: "http://127.0.0.1/{{id}}", items: items)
        guard let request = try? spec.build(variables: Variables(layers: [["id": "7"]]), baseURL: nil, readFile: { _ in [] })
        else { return }
        _ = Redactor(secrets: ["s3cr3t"]).request(request)
    }

    static let items: [(name: String, build: @Sendable (Int) -> [String])] = [
        ("an item of N \\ escapes", { [String(repeating: "a\\=", count: $0) + "=b"] }),
        ("an item of N separators", { [String(repeating: ":=@", count: $0)] }),
        ("N query items", { (0..<$0).map { "p\($0)==\($0)" } }),
        ("N fields", { (0..<$0).map { "f\($0)=\($0)" } }),
        ("N nested JSON fields", { (0..<$0).map { "a[b][\($0)]=x" } }),
        ("N headers", { (0..<$0).map { "X-H\($0):\($0)" } }),
        ("a field value of N {{", { ["f=" + String(repeating: "{{", count: $0)] }),
        ("a field value of N placeholders", { ["f=" + String(repeating: "{{id}}", count: $0)] }),
    ]

    @Test("items parsed, built and masked", arguments: 0..<items.count)
    func request(shape: Int) {
        let (name, build) = Self.items[shape]
        let growth = GrowthRate.ofDoubling(from: 200, input: build, work: Self.buildRequest)
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }

    static func readResponse(_ fields: [String]) {
        var headers = HTTPHeaders()
        for field in fields { headers.add("Set-Cookie", field) }
        let url = RequestURL("https://api.example.test/a/b")!
        CookieJar().store(setCookieHeaders: headers.values("Set-Cookie"), from: url, now: 0)
        _ = Redactor(secrets: ["s3cr3t"]).headers(headers)
    }

    static let responses: [(name: String, build: @Sendable (Int) -> [String])] = [
        ("a cookie of N characters", { ["a=" + String(repeating: "v", count: $0)] }),
        ("a cookie of N attributes", { ["a=b" + String(repeating: "; Path=/x", count: $0)] }),
        ("N cookies of one name", { Array(repeating: "a=b; Path=/", count: $0) }),
    ]

    @Test("response header fields", arguments: 0..<responses.count)
    func response(shape: Int) {
        let (name, build) = Self.responses[shape]
        let growth = GrowthRate.ofDoubling(from: 200, input: build, work: Self.readResponse)
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }

    static let urls: [(name: String, build: @Sendable (Int) -> String)] = [
        ("a URL of N query parameters", { "http://127.0.0.1/x?" + (0..<$0).map { "access_token\($0)=s3cr3t" }.joined(separator: "&") }),
        ("a URL of N path segments", { "http://u:s3cr3t@127.0.0.1" + String(repeating: "/s3cr3t", count: $0) }),
        ("a URL of N percent escapes", { "http://127.0.0.1/?q=" + String(repeating: "%2", count: $0) }),
    ]

    @Test("URLs read and masked", arguments: 0..<urls.count)
    func url(shape: Int) {
        let (name, build) = Self.urls[shape]
        let growth = GrowthRate.ofDoubling(from: 200, input: build, work: { text in
            _ = RequestURL(text)
            _ = Redactor(secrets: ["s3cr3t"]).url(text)
        })
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }
}
