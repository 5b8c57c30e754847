import Hummingbird

/// Adapts Hummingbird's requests to the sandbox's own request type and back.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// `HTTPField`, reached through the collection Hummingbird exports.
    private typealias Field = HTTPFields.Element

    static let maxBodySize = 8 * 1024 * 1024

    let state: SandboxState

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var bodyBuffer = ByteBuffer()
        var received = 0
        for try await part in request.body {
            received += part.readableBytes
            if received <= Self.maxBodySize { bodyBuffer.writeImmutableBuffer(part) }
        }
        guard received <= Self.maxBodySize else {
            // The rest of a body over the limit is read and dropped rather than left unread: a client that
            // sends its whole body before reading the answer (Python's urllib does, with `Connection: close`,
            // after which Hummingbird reads no more) would wait forever on a connection nobody reads.
            // The client is told to close the connection rather than send more on it.
            let tooLarge = MauticError(code: 413, message: "The request body is larger than \(Self.maxBodySize) bytes.")
            var response = Self.response(SandboxResponse.error(tooLarge))
            response.headers[.connection] = "close"
            return response
        }
        var headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        if let authority = request.head.authority { headers.append((name: "host", value: authority)) }
        let sandboxRequest = SandboxRequest(
            method: request.method.rawValue,
            path: request.uri.path,
            query: request.uri.query ?? "",
            headers: headers,
            body: Array(buffer: bodyBuffer))
        return Self.response(await state.respond(to: sandboxRequest))
    }

    private static func response(_ response: SandboxResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = Field.Name(name) { fields.append(Field(name: fieldName, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: response.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }
}
