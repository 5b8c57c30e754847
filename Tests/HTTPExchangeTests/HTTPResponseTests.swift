import HTTPExchange
import Testing

@Suite struct HTTPResponseTests {
    static func response(contentType: String?) -> HTTPResponse {
        var headers = HTTPHeaders()
        if let contentType { headers.add("Content-Type", contentType) }
        return HTTPResponse(version: "HTTP/1.1", status: 200, reason: "OK", headers: headers, body: Array("{}".utf8),
                            url: "http://127.0.0.1/", elapsed: .zero)
    }

    @Test func mediaTypeDropsParametersAndCase() {
        #expect(Self.response(contentType: "Application/JSON; charset=utf-8").mediaType == "application/json")
        #expect(Self.response(contentType: "application/problem+json").isJSON)
        #expect(Self.response(contentType: nil).mediaType == nil)
    }

    /// Found by the http-response fuzz target: a server sending an empty `Content-Type` (or one that
    /// starts with `;`) stopped the process.
    @Test func anEmptyContentTypeIsAnEmptyMediaType() {
        for contentType in ["", ";", "; charset=utf-8", " ;x"] {
            let response = Self.response(contentType: contentType)
            #expect(response.mediaType == "")
            #expect(!response.isJSON)
        }
    }
}
