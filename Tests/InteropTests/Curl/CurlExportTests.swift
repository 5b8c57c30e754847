import HTTPExchange
import Interop
import Testing

@Suite("curl export")
struct CurlExportTests {
    static let requests: [HTTPRequest] = [
        HTTPRequest(method: "GET", url: "https://x.test/a?b=1", headers: ["Accept": "application/json", "User-Agent": "apish/0.1"]),
        HTTPRequest(method: "POST", url: "https://x.test/j", headers: ["Content-Type": "application/json"], body: .bytes(Array(#"{"it's": "a\nb"}"#.utf8))),
        HTTPRequest(method: "DELETE", url: "https://x.test/d/1"),
        HTTPRequest(method: "GET", url: "https://x.test/with-body", body: .bytes(Array("x".utf8))),
        HTTPRequest(method: "PATCH", url: "https://x.test/p", headers: ["X-Empty": ""], body: .bytes(Array("raw text".utf8))),
        // Found by the curl-import fuzz target: a body starting with `@` was exported as a file to read.
        HTTPRequest(method: "POST", url: "https://x.test/at", body: .bytes(Array("@@@sec=a+b".utf8))),
    ]

    @Test("import(export(request)) is the request", arguments: requests)
    func roundTrip(request: HTTPRequest) throws {
        let command = CurlExporter.command(for: request)
        let back = try CurlImporter.parse(command).httpRequest { _ in [] }
        #expect(back.method == request.method, "\(command)")
        #expect(back.url == request.url)
        #expect(back.body == request.body)
        // Empty `Name:` headers only switch off curl's defaults; the rest are the request's.
        // What the transport adds is written out too, so that curl sends it.
        #expect(back.headers.fields == request.headers.fields + CurlExporter.transportDefaults.fields, "\(command)")
        #expect(try CurlImporter.parse(command).compressed)
    }

    @Test("curl's defaults are switched off when the request lacks them; odd URLs are kept literal")
    func defaults() {
        let command = CurlExporter.command(for: HTTPRequest(method: "GET", url: "https://x.test/a/../b?q[0]={x}"))
        #expect(command == "curl --globoff --path-as-is 'https://x.test/a/../b?q[0]={x}' --compressed -H 'Accept-Encoding: gzip, deflate' -H User-Agent: -H Accept:")
    }

    @Test("credentials are masked unless revealed")
    func masking() {
        let request = HTTPRequest(method: "POST", url: "https://x.test/t?key=s3cret",
                                  headers: ["Authorization": "Bearer abc.def", "Cookie": "sid=42"],
                                  body: .form([FormField(name: "password", value: "s3cret")]))
        let masked = CurlExporter.command(for: Redactor(secrets: ["s3cret"]).request(request))
        #expect(!masked.contains("s3cret") && !masked.contains("abc.def") && !masked.contains("sid=42"))
        #expect(masked.contains("'Authorization: Bearer ••••••'"))
        let revealed = CurlExporter.command(for: request)
        #expect(revealed.contains("'Authorization: Bearer abc.def'") && revealed.contains("password=s3cret"))
    }

    @Test("binary bodies go through printf so every byte arrives")
    func binary() {
        let command = CurlExporter.command(for: HTTPRequest(method: "PUT", url: "https://x.test/b", headers: ["Content-Type": "application/octet-stream"],
                                                            body: .bytes([0, 255, 10])))
        #expect(command.hasPrefix("printf '%b' '\\x00\\xff\\x0a' | curl -X PUT https://x.test/b --compressed"))
        #expect(command.hasSuffix("--data-binary @-"))
    }
}
