import NIOCore
import NIOHTTP1

/// Keeps the reason phrase an HTTP/1 server sent. NIO's response decoder reports only the status code
/// (and the standard phrase for it), so the phrase is read from the raw
/// bytes before the decoder and put back into the decoded head after it.
///
/// Only the status line of each response is scanned: after it, bytes pass through untouched until the
/// response ends, so a body is never searched. An interim `1xx` head is skipped to the blank line that
/// ends it, since the final status line follows it in the same stream.
enum ReasonPhraseRecorder {
    /// Adds the two handlers around the HTTP/1 connection's response decoder; on the channel's event loop.
    static func install(in pipeline: ChannelPipeline.SynchronousOperations) throws {
        let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPResponseDecoder>.self)
        let log = StatusLineLog()
        try pipeline.addHandler(StatusLineSniffer(log: log), position: .before(decoder))
        try pipeline.addHandler(ReasonPhraseRestorer(log: log), position: .after(decoder))
    }

    /// What the sniffer found, read by the restorer; both run on the channel's event loop.
    final class StatusLineLog {
        enum Scan {
            /// Reading a status line into `line`.
            case statusLine
            /// Inside an interim head, looking for the blank line that ends it.
            case interimHead(lastBytes: (UInt8, UInt8))
            /// Past the final status line: nothing is scanned until the response ends.
            case passing
        }

        var scan = Scan.statusLine
        var line: [UInt8] = []
        var found: [(code: UInt, phrase: String)] = []

        /// A status line longer than this is not a phrase worth keeping: the standard one stays.
        static let longestStatusLine = 1024

        func read(_ bytes: ByteBufferView) {
            var rest = bytes[...]
            while let byte = rest.first {
                switch scan {
                case .passing:
                    return
                case .statusLine:
                    // The line up to its `\n` is taken at once, not byte by byte.
                    guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")) else {
                        line.append(contentsOf: rest.prefix(Self.longestStatusLine + 1 - min(line.count, Self.longestStatusLine)))
                        if line.count > Self.longestStatusLine { scan = .passing }
                        return
                    }
                    line.append(contentsOf: rest[..<newline].prefix(Self.longestStatusLine + 1 - min(line.count, Self.longestStatusLine)))
                    rest = rest[rest.index(after: newline)...]
                    guard line.count <= Self.longestStatusLine else {
                        scan = .passing
                        return
                    }
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    let code = record(line)
                    line.removeAll(keepingCapacity: true)
                    scan = code.map { (100..<200).contains($0) && $0 != 101 } == true
                        ? .interimHead(lastBytes: (UInt8(ascii: "\r"), UInt8(ascii: "\n"))) : .passing
                case .interimHead(let lastBytes):
                    let endsHead = byte == UInt8(ascii: "\n")
                        && (lastBytes.1 == UInt8(ascii: "\n") || (lastBytes.1 == UInt8(ascii: "\r") && lastBytes.0 == UInt8(ascii: "\n")))
                    scan = endsHead ? .statusLine : .interimHead(lastBytes: (lastBytes.1, byte))
                    rest = rest.dropFirst()
                }
            }
        }

        /// `HTTP/1.1 200 Fine thanks` → (200, "Fine thanks"); the code, when the line is a status line.
        private func record(_ line: [UInt8]) -> UInt? {
            guard line.starts(with: "HTTP/".utf8), let space = line.firstIndex(of: UInt8(ascii: " ")) else { return nil }
            let digits = line[(space + 1)...].prefix(3)
            guard digits.count == 3, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            let afterCode = space + 4
            guard afterCode == line.count || line[afterCode] == UInt8(ascii: " ") else { return nil }
            let code = digits.reduce(0) { $0 * 10 + UInt($1 - UInt8(ascii: "0")) }
            found.append((code, afterCode < line.count ? String(decoding: line[(afterCode + 1)...], as: UTF8.self) : ""))
            return code
        }

        /// The phrase sent with this code, dropping any recorded for heads the decoder did not pass on.
        func phrase(for code: UInt) -> String? {
            while !found.isEmpty {
                let next = found.removeFirst()
                if next.code == code { return next.phrase }
            }
            return nil
        }

        func responseEnded() {
            scan = .statusLine
            line.removeAll(keepingCapacity: true)
            found.removeAll()
        }
    }

    final class StatusLineSniffer: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer
        let log: StatusLineLog

        init(log: StatusLineLog) { self.log = log }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            log.read(unwrapInboundIn(data).readableBytesView)
            context.fireChannelRead(data)
        }
    }

    final class ReasonPhraseRestorer: ChannelInboundHandler {
        typealias InboundIn = HTTPClientResponsePart
        typealias InboundOut = HTTPClientResponsePart
        let log: StatusLineLog

        init(log: StatusLineLog) { self.log = log }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(var head):
                // 101 stays the standard case: the client compares the status with `.switchingProtocols`.
                if head.status != .switchingProtocols, let phrase = log.phrase(for: head.status.code), phrase != head.status.reasonPhrase {
                    head.status = .custom(code: head.status.code, reasonPhrase: phrase)
                }
                context.fireChannelRead(wrapInboundOut(.head(head)))
            case .body:
                context.fireChannelRead(data)
            case .end:
                log.responseEnded()
                context.fireChannelRead(data)
            }
        }
    }
}
