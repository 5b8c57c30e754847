import Foundation
import Testing
@testable import Hurl

/// The entry reader must give what parsing the whole text gives, however the bytes are cut.
@Suite struct HurlEntryReaderTests {
    /// Entries and warnings, or the error, read from `text` in chunks of `chunkSize` bytes.
    private func read(_ text: String, chunkSize: Int) -> Result<([HurlEntry], [HurlParseWarning]), HurlEntryReader.Failure> {
        read(Array(text.utf8), chunkSize: chunkSize)
    }

    private func read(_ bytes: [UInt8], chunkSize: Int) -> Result<([HurlEntry], [HurlParseWarning]), HurlEntryReader.Failure> {
        var offset = 0
        var reader = HurlEntryReader(fileName: "api.hurl", chunkSize: chunkSize) {
            guard offset < bytes.count else { return nil }
            defer { offset += chunkSize }
            return Array(bytes[offset..<min(offset + chunkSize, bytes.count)])
        }
        var entries: [HurlEntry] = []
        do throws(HurlEntryReader.Failure) {
            while let entry = try reader.next() { entries.append(entry) }
            return .success((entries, reader.warnings))
        } catch {
            return .failure(error)
        }
    }

    private static let texts = [
        "",
        "# only a comment\n\n",
        "GET http://x\n",
        "GET http://x",
        "GET http://x\r\nHTTP 200\r\n\r\n# about b\r\nPOST http://y\r\n{\"a\": 1}\r\n",
        // A request line inside a multiline body is body text, not the next entry.
        "POST http://x\n```\nGET http://not-an-entry\n\nPUT http://neither\n```\nHTTP 201\n\nGET http://y\nHTTP 200\n# trailing\n",
        "GET http://x\n[Options]\nfrobnicate: yes\nHTTP 200\n\n# @auth bin\nGET http://y/é/ü\nX-A: 1\nHTTP *\n[Asserts]\njsonpath \"$.a\" == \"ü\"\n",
        // Errors: in the first entry, the last one, and a body left open to the end.
        "GET http://x\nHTTP 2000\nGET http://y\n",
        "GET http://x\nHTTP 200\n\nGET http://y\nHTTP 200\n[Asserts]\nstatus equalz 200\n",
        "GET http://x\nHTTP 200\n\nPOST http://y\n```\nGET http://z\nnever closed\n",
    ]

    @Test(arguments: texts)
    func readsWhatTheParserParses(text: String) throws {
        for chunkSize in [1, 3, 16, 64 * 1024] {
            switch (Result { () throws(HurlParseError) in try HurlParser.parse(text, fileName: "api.hurl") }, read(text, chunkSize: chunkSize)) {
            case (.success(let file), .success(let (entries, warnings))):
                #expect(entries == file.entries, "chunks of \(chunkSize)")
                #expect(warnings == file.warnings, "chunks of \(chunkSize)")
            case (.failure(let expected), .failure(.parse(let error))):
                #expect(error == expected, "chunks of \(chunkSize)")
            case (let parsed, let read):
                Issue.record("chunks of \(chunkSize): parsed \(parsed), read \(read)")
            }
        }
    }

    @Test func readsTheFixturesAsTheParserDoes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: HurlFixtures.folder.path).filter { $0.hasSuffix(".hurl") }
        try #require(!names.isEmpty)
        for name in names {
            let text = try HurlFixtures.text(name)
            let file = try HurlParser.parse(text, fileName: "api.hurl")
            guard case .success(let (entries, warnings)) = read(text, chunkSize: 5) else {
                Issue.record("\(name) did not read")
                continue
            }
            #expect(entries == file.entries, "\(name)")
            #expect(warnings == file.warnings, "\(name)")
        }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        guard case .failure(.notUTF8) = read(Array("GET http://x/".utf8) + [0xFF, 0x0A], chunkSize: 4) else {
            Issue.record("invalid UTF-8 was read")
            return
        }
    }
}
