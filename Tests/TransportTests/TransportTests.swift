import Foundation
import HTTPExchange
import JSON
import TestSupport
import Testing
import Transport

/// The transport against httpbin (PyPI), an implementation we did not write, on 127.0.0.1.
@Suite(.serialized) final class TransportTests {
    let httpbin: PeerServer
    let transport = HTTPTransport(cookieJar: CookieJar(), environment: [:])

    init() throws {
        httpbin = try PeerServer.httpbin()
    }

    deinit {
        let transport = transport
        Task { await transport.shutdown() }
    }

    func send(_ method: String, _ path: String, _ items: [String] = [], mode: RequestSpec.BodyMode = .json,
              options: SendOptions = SendOptions()) async throws -> HTTPResponse {
        let spec = RequestSpec(method: method, target: path, items: try items.map { try RequestItem.parse($0) }, bodyMode: mode)
        let request = try spec.build(variables: [String: String](), baseURL: httpbin.baseURL) { path in
            Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return try await transport.send(request, options: options)
    }

    func echo(_ response: HTTPResponse) throws -> JSONValue {
        #expect(response.status == 200)
        return try response.json()
    }

    @Test func itemsArriveAsQueryHeadersAndJSONBody() async throws {
        let response = try await send("POST", "/post", ["limit==5", "where[0][col]==email", "X-Trace:abc", "name=Ada", "age:=36", "tags:=[\"a\"]"])
        let body = try echo(response)
        #expect(body["args"]?["limit"] == .string("5"))
        #expect(body["args"]?["where[0][col]"] == .string("email"))
        #expect(body["headers"]?["X-Trace"] == .string("abc"))
        #expect(body["data"] == .string(#"{"name":"Ada","age":36,"tags":["a"]}"#))
        #expect(body["headers"]?["Content-Type"] == .string("application/json"))
        #expect(response.version == "HTTP/1.1")
    }

    @Test(arguments: ["PUT", "PATCH", "DELETE"])
    func methodsReachTheirRoutes(method: String) async throws {
        let body = try echo(try await send(method, "/\(method.lowercased())", ["a=1"]))
        #expect(body["json"]?["a"] == .string("1"))
    }

    @Test func headAndCustomMethods() async throws {
        let head = try await send("HEAD", "/get")
        #expect(head.status == 200 && head.body.isEmpty)
        // httpbin's routes list their methods, so a custom one reaching the server is answered 405.
        let custom = try await send("PURGE", "/anything")
        #expect(custom.status == 405)
        #expect(custom.headers["Allow"]?.contains("GET") == true)
    }

    @Test func formAndMultipartBodies() async throws {
        let form = try echo(try await send("POST", "/post", ["firstname=Ada Lovelace", "email=a+b@x.test"], mode: .form))
        #expect(form["form"]?["firstname"] == .string("Ada Lovelace"))
        #expect(form["form"]?["email"] == .string("a+b@x.test"))
        let folder = try PackagePaths.temporaryFolder()
        let file = folder.appendingPathComponent("notes.txt")
        try "hello file".write(to: file, atomically: true, encoding: .utf8)
        let multipart = try echo(try await send("POST", "/post", ["title=x", "doc@\(file.path)"], mode: .form))
        #expect(multipart["files"]?["doc"] == .string("hello file"))
        #expect(multipart["form"]?["title"] == .string("x"))
    }

    @Test func followsRedirectsUnlessAskedNotTo() async throws {
        let followed = try await send("GET", "/redirect/2")
        #expect(followed.status == 200)
        #expect(followed.url.hasSuffix("/get"))
        let stopped = try await send("GET", "/redirect/2", options: SendOptions(followRedirects: false))
        #expect(stopped.status == 302)
        await #expect(throws: TransportError.self) {
            try await self.send("GET", "/redirect/4", options: SendOptions(maxRedirects: 2))
        }
    }

    @Test func decodesGzipAndKeepsCookiesAcrossRedirects() async throws {
        let gzip = try echo(try await send("GET", "/gzip"))
        #expect(gzip["gzipped"] == .bool(true))
        let cookies = try echo(try await send("GET", "/cookies/set", ["flavour==oat"]))
        #expect(cookies["cookies"]?["flavour"] == .string("oat"))
    }

    @Test func statusCodesAreReturnedNotThrown() async throws {
        let teapot = try await send("GET", "/status/418")
        #expect(teapot.status == 418)
        #expect(teapot.reason == "I'M A TEAPOT" || teapot.reason.lowercased().contains("teapot"))
    }

    @Test func timeoutIsOneClearLine() async throws {
        do {
            _ = try await send("GET", "/delay/3", options: SendOptions(timeout: .milliseconds(500)))
            Issue.record("expected a timeout")
        } catch let error as TransportError {
            #expect(error.cause == .timeout)
            #expect(error.description.contains("127.0.0.1:\(httpbin.port)"))
        }
    }

    @Test func refusedConnectionNamesTheHost() async throws {
        let port = FreePort.next()
        let request = HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/")
        do {
            _ = try await transport.send(request, options: SendOptions())
            Issue.record("expected connection refused")
        } catch let error as TransportError {
            #expect(error.cause == .connectionRefused)
            #expect(error.description == "cannot connect to 127.0.0.1:\(port): connection refused")
        }
    }

    @Test func tlsToAPlainHTTPServerSaysWhatWentWrongInWords() async throws {
        let request = HTTPRequest(method: "GET", url: "https://127.0.0.1:\(httpbin.port)/get")
        do {
            _ = try await transport.send(request, options: SendOptions())
            Issue.record("expected a TLS failure")
        } catch let error as TransportError {
            #expect(error.description == "TLS handshake with 127.0.0.1:\(httpbin.port) failed: wrong version number (the server may not speak TLS: try http://)")
        }
    }

    @Test func anInvalidHeaderNameIsRefusedBeforeSending() async throws {
        var request = HTTPRequest(method: "GET", url: "\(httpbin.baseURL)/get")
        request.headers.add("Ä", "1")
        do {
            _ = try await transport.send(request, options: SendOptions())
            Issue.record("expected the header to be refused")
        } catch let error as TransportError {
            #expect(error.description == "cannot send to 127.0.0.1: 'Ä' is not a valid header name: use ASCII letters, digits and !#$%&'*+-.^_`|~ only (RFC 9110)")
        }
    }

    /// The transport's own check is the only one: the HTTP/1 pipeline has no validator of its own.
    @Test(arguments: ["a\r\nX-Injected: 1", "a\nb", "a\0b"])
    func aHeaderValueThatWouldEndTheFieldIsRefusedBeforeSending(value: String) async throws {
        var request = HTTPRequest(method: "GET", url: "\(httpbin.baseURL)/get")
        request.headers.add("X-Note", value)
        do {
            _ = try await transport.send(request, options: SendOptions())
            Issue.record("expected the header to be refused")
        } catch let error as TransportError {
            #expect(error.description == "cannot send to 127.0.0.1: the value of header 'X-Note' holds a line break or NUL character, which HTTP does not allow")
        }
    }
}
