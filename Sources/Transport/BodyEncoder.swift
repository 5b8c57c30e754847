import Foundation
import HTTPExchange

/// Turns a request body into bytes and the content type they need.
enum BodyEncoder {
    struct Encoded {
        var bytes: [UInt8]?
        var contentType: String?
    }

    static func encode(_ body: RequestBody, host: String) throws -> Encoded {
        switch body {
        case .empty:
            return Encoded()
        case .bytes(let bytes):
            return Encoded(bytes: bytes)
        case .form(let fields):
            let text = fields.map {
                PercentEncoding.encodeFormComponent($0.name) + "=" + PercentEncoding.encodeFormComponent($0.value)
            }.joined(separator: "&")
            return Encoded(bytes: Array(text.utf8), contentType: "application/x-www-form-urlencoded; charset=utf-8")
        case .multipart(let parts):
            let boundary = "apish-" + String(UInt64.random(in: .min ... .max), radix: 16)
            var bytes: [UInt8] = []
            for part in parts {
                bytes += Array("--\(boundary)\r\n".utf8)
                switch part.content {
                case .text(let value):
                    bytes += Array("Content-Disposition: form-data; name=\"\(quoted(part.name))\"\r\n\r\n".utf8)
                    bytes += Array(value.utf8)
                case .file(let path, let fileName, let contentType):
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw TransportError(host: host, cause: .unreadableFile(path))
                    }
                    bytes += Array(
                        "Content-Disposition: form-data; name=\"\(quoted(part.name))\"; filename=\"\(quoted(fileName))\"\r\n".utf8)
                    bytes += Array("Content-Type: \(contentType ?? MediaTypes.guess(fileName))\r\n\r\n".utf8)
                    bytes += Array(data)
                }
                bytes += Array("\r\n".utf8)
            }
            bytes += Array("--\(boundary)--\r\n".utf8)
            return Encoded(bytes: bytes, contentType: "multipart/form-data; boundary=\(boundary)")
        }
    }

    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

enum MediaTypes {
    static func guess(_ fileName: String) -> String {
        let known = [
            "json": "application/json", "txt": "text/plain", "csv": "text/csv", "html": "text/html",
            "xml": "application/xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
            "gif": "image/gif", "pdf": "application/pdf", "svg": "image/svg+xml",
        ]
        let ext = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return known[ext] ?? "application/octet-stream"
    }
}
