import NIOCore
import Testing
@testable import Transport

/// The reason-phrase sniffer's scan of raw response bytes, however the reads split them.
@Suite struct StatusLineLogTests {
    private func log(reading reads: [String]) -> ReasonPhraseRecorder.StatusLineLog {
        let log = ReasonPhraseRecorder.StatusLineLog()
        for read in reads { log.read(ByteBuffer(string: read).readableBytesView) }
        return log
    }

    @Test(arguments: [
        ["HTTP/1.1 200 Fine thanks\r\nContent-Length: 0\r\n\r\n"],
        ["HTTP/1.1 2", "00 Fine", " thanks\r", "\nContent-Length: 0\r\n\r\n"],
        ["HTTP/1.1 200 Fine thanks", "\n"],
    ])
    func theStatusLineIsReadAcrossReads(reads: [String]) {
        #expect(log(reading: reads).phrase(for: 200) == "Fine thanks")
    }

    @Test func anInterimHeadIsSkippedToTheFinalStatusLine() {
        let log = log(reading: ["HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\nHTTP/1.1 201 Made It\r\n\r\n"])
        #expect(log.phrase(for: 201) == "Made It")
    }

    @Test func aBodyIsNeverSearchedAndTheNextResponseIsReadAfterTheEnd() {
        let log = log(reading: ["HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 299 Not a status line\r\n"])
        #expect(log.phrase(for: 299) == nil)
        log.responseEnded()
        log.read(ByteBuffer(string: "HTTP/1.1 404 Gone Fishing\r\n").readableBytesView)
        #expect(log.phrase(for: 404) == "Gone Fishing")
    }

    @Test(arguments: [1, 100, 5000]) func aStatusLineLongerThanTheLimitKeepsTheStandardPhrase(split: Int) {
        let line = "HTTP/1.1 200 " + String(repeating: "x", count: ReasonPhraseRecorder.StatusLineLog.longestStatusLine) + "\r\n"
        let reads = stride(from: 0, to: line.utf8.count, by: split).map { start in
            String(decoding: Array(line.utf8)[start..<min(start + split, line.utf8.count)], as: UTF8.self)
        }
        #expect(log(reading: reads).phrase(for: 200) == nil)
        let fits = "HTTP/1.1 200 " + String(repeating: "x", count: ReasonPhraseRecorder.StatusLineLog.longestStatusLine - 13) + "\n"
        #expect(log(reading: [fits]).phrase(for: 200)?.count == ReasonPhraseRecorder.StatusLineLog.longestStatusLine - 13)
    }
}
