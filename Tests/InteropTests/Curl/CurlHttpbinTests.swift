import Foundation
import HTTPExchange
import Interop
import JSON
import TestSupport
import Testing
import Transport

/// The exported command, run by curl, sends what apish sends: httpbin's /anything echoes both.
@Suite("curl export against httpbin", .serialized)
struct CurlHttpbinTests {
    static func requests(_ base: String) -> [HTTPRequest] {
        [
            HTTPRequest(method: "GET", url: base + "/anything/a?b=1&c=d%20e", headers: ["Accept": "application/json", "User-Agent": "apish/0.1"]),
            HTTPRequest(method: "POST", url: base + "/anything/json", headers: ["Content-Type": "application/json", "X-Quote": "it's \"quoted\""],
                        body: .bytes(Array(#"{"name": "Ada", "note": "line\nbreak, ü"}"#.utf8))),
            HTTPRequest(method: "PUT", url: base + "/anything/form", body: .form([FormField(name: "first name", value: "Ada & Co"), FormField(name: "x", value: "1+1=2")])),
            HTTPRequest(method: "DELETE", url: base + "/anything/contacts/1", headers: ["Authorization": "Basic YWRhOnNlY3JldA=="]),
            HTTPRequest(method: "PATCH", url: base + "/anything/raw", body: .bytes(Array("no content type".utf8))),
        ]
    }

    /// httpbin's echo, without what differs by transport (connection handling, Host port order).
    static func echo(_ body: [UInt8]) throws -> JSONValue {
        let document = try JSONValue.parse(body)
        var object = JSONObject()
        for key in ["method", "url", "args", "data", "form", "json"] {
            object.append(key: key, value: document[key] ?? .null)
        }
        var headers = JSONObject()
        for member in document["headers"]?.objectValue?.members ?? [] where !["Connection", "Host"].contains(member.key) {
            headers.append(key: member.key, value: member.value)
        }
        object.append(key: "headers", value: .object(JSONObject(headers.members.sorted { $0.key < $1.key })))
        return .object(object)
    }

    @Test("apish and the exported curl command send the same request")
    func sameEcho() async throws {
        let server = try PeerServer.httpbin()
        defer { server.stop() }
        let transport = HTTPTransport(environment: [:])
        for request in Self.requests(server.baseURL) {
            let response = try await transport.send(request, options: SendOptions(followRedirects: false, timeout: .seconds(20)))
            let command = CurlExporter.command(for: request)
            let result = try Command.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command + " --silent --show-error --max-time 20"])
            try #require(result.status == 0, "curl failed: \(result.stderr) for \(command)")
            let viaCurl = try Self.echo(Array(result.stdout.utf8)), viaApish = try Self.echo(response.body)
            #expect(viaCurl == viaApish, "\(command)\ncurl:  \(viaCurl)\napish: \(viaApish)")
        }
        await transport.shutdown()
    }
}
