import Foundation
import HTTPExchange
import TestSupport
import Testing
import Transport

/// The transport against a server that misbehaves on purpose (peers/hostile_server.py on 127.0.0.1):
/// memory stays bounded, silence ends, and redirects go nowhere but http and https.
@Suite(.serialized) final class HostileServerTests {
    let server: PeerServer
    let transport = HTTPTransport(environment: [:])

    init() throws {
        let script = PackagePaths.root.appendingPathComponent("Tests/TransportTests/peers/hostile_server.py").path
        server = try PeerServer(python: [script, "--port", "{port}"])
    }

    deinit {
        let transport = transport
        Task { await transport.shutdown() }
    }

    var host: String { "127.0.0.1:\(server.port)" }

    func failure(_ path: String, options: SendOptions) async throws -> TransportError {
        do {
            let response = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + path), options: options)
            throw PeerServerError(message: "GET \(path) answered \(response.status) with \(response.bodySize) bytes instead of failing")
        } catch let error as TransportError {
            return error
        }
    }

    @Test func anEndlessBodyStopsAtTheSizeLimit() async throws {
        let error = try await failure("/chunked", options: SendOptions(maxBodySize: 4 << 20))
        #expect(error.cause == .bodyTooLarge(BodyLimit(bytes: 4 << 20, decompressed: false)))
        #expect(error.description == "the response from \(host) is larger than 4 MiB: "
            + "--max-size SIZE raises the limit, --output FILE saves a body of any size")
    }

    @Test func aGzipBombStopsAtTheLimitCountingDecompressedBytes() async throws {
        // 64 MiB of zeros arrive as about 64 KiB: the wire size alone would pass the 1 MiB limit.
        let error = try await failure("/gzip-bomb?mb=64", options: SendOptions(maxBodySize: 1 << 20))
        #expect(error.cause == .bodyTooLarge(BodyLimit(bytes: 1 << 20, decompressed: true)))
        #expect(error.description.contains("larger than 1 MiB once decompressed"))
    }

    @Test func theDefaultLimitIsAHundredMebibytes() {
        #expect(SendOptions().maxBodySize == 100 << 20)
        #expect(SendOptions().idleTimeout == .seconds(30))
    }

    @Test func aServerThatFallsSilentHitsTheIdleTimeout() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let error = try await failure("/drip?every=3", options: SendOptions(idleTimeout: .seconds(1)))
        #expect(error.cause == .idleTimeout(.seconds(1)))
        #expect(error.description == "\(host) sent nothing for 1 s (idle timeout: --idle-timeout S waits longer)")
        #expect(clock.now - start < .seconds(10))
    }

    @Test func theWholeExchangesTimeBoundsATLSHandshakeThatNeverEnds() async throws {
        // Accepts connections and never says a word: the TLS handshake waits for a ServerHello.
        let silent = try PeerServer(python: ["-c", """
            import socket
            listener = socket.create_server(("127.0.0.1", {port}))
            held = []
            while True:
                held.append(listener.accept()[0])
            """])
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try await transport.send(
                HTTPRequest(method: "GET", url: "https://127.0.0.1:\(silent.port)/"),
                options: SendOptions(connectTimeout: .seconds(30), timeout: .seconds(1)))
            Issue.record("a server that never answers the handshake must time out")
        } catch let error as TransportError {
            #expect(error.cause == .connectTimeout)
        }
        #expect(clock.now - start < .seconds(10))
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "FILE:/etc/passwd"])
    func aRedirectToAnotherSchemeIsShownNotFollowed(location: String) async throws {
        let query = location.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? location
        let error = try await failure("/redirect?to=\(query)", options: SendOptions())
        #expect(error.cause == .unfollowedRedirect(location: location))
        #expect(error.description == "\(host) redirects to '\(location)': only http and https redirects are followed")
    }

    @Test func eachRedirectFollowedIsRecorded() async throws {
        let target = "\(server.baseURL)/chunked?mb=1"
        let query = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? target
        let response = try await transport.send(
            HTTPRequest(method: "GET", url: "\(server.baseURL)/redirect?to=\(query)"), options: SendOptions())
        #expect(response.status == 200)
        #expect(response.body.count == 1 << 20)
        #expect(response.redirects == [HTTPResponse.RedirectHop(version: "HTTP/1.1", status: 302, reason: "Found", location: target)])
    }

    /// NIO's decoder reports only the code; the phrase shown must be the one the server sent, on every
    /// response of a kept-alive connection, past an interim 100 head, and never one found in a body.
    @Test func aKeptAliveConnectionDroppedByTheServerIsReplacedAndTheRequestSentAgain() async throws {
        var connections: [String] = []
        for _ in 0..<3 {
            let response = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/first-only"), options: SendOptions())
            #expect(response.status == 200)
            connections.append(response.headers["X-Connection"] ?? "none")
        }
        #expect(Set(connections).count == 3, "each request after the first went again on a new connection: \(connections)")
    }

    @Test func theReasonPhraseIsTheOneTheServerSent() async throws {
        func answer(_ path: String) async throws -> HTTPResponse {
            try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + path), options: SendOptions())
        }
        let fine = try await answer("/status?code=200&reason=Fine%2C%20thanks")
        #expect(fine.reason == "Fine, thanks")
        #expect(fine.body == Array("HTTP/1.1 599 Not A Status Line\r\n".utf8))
        #expect(try await answer("/status?code=404&reason=Gone%20Fishing").reason == "Gone Fishing")
        #expect(try await answer("/status?code=200&reason=OK").reason == "OK")
        let bare = try await answer("/status?code=202")
        #expect(bare.status == 202)
        #expect(bare.reason == "")
        #expect(bare.statusText == "202")
        let interim = try await answer("/continue")
        #expect(interim.status == 201)
        #expect(interim.statusText == "201 Made It")
        #expect(try await answer("/status?code=418&reason=Short%20And%20Stout").statusText == "418 Short And Stout")
    }

    @Test func aBodyFileGetsTheWholeBodyAndMemoryNone() async throws {
        let folder = try PackagePaths.temporaryFolder("apish-body-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("body.bin").path
        // Larger than the in-memory limit: a file is not held to it.
        let response = try await transport.send(
            HTTPRequest(method: "GET", url: "\(server.baseURL)/chunked?mb=8"),
            options: SendOptions(maxBodySize: 1 << 20, bodyFile: path))
        #expect(response.body.isEmpty)
        #expect(response.savedBody == HTTPResponse.SavedBody(path: path, size: 8 << 20))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.size] as? NSNumber)?.intValue == 8 << 20)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["body.bin"])
    }

    @Test func aFailedDownloadLeavesNoFileBehind() async throws {
        let folder = try PackagePaths.temporaryFolder("apish-body-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("body.bin").path
        let error = try await failure("/drip?every=3", options: SendOptions(idleTimeout: .seconds(1), bodyFile: path))
        #expect(error.cause == .idleTimeout(.seconds(1)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// The same limits as a person meets them: the `apish` binary's flags, messages and memory.
@Suite(.serialized) final class HostileServerCommandTests {
    let server: PeerServer
    let fixture: ShellFixture

    init() throws {
        let script = PackagePaths.root.appendingPathComponent("Tests/TransportTests/peers/hostile_server.py").path
        server = try PeerServer(python: [script, "--port", "{port}"])
        fixture = try ShellFixture()
    }

    @Test func outputStreamsAThreeHundredMebibyteBodyToDiskInBoundedMemory() throws {
        let peakRSS = PackagePaths.root.appendingPathComponent("Tests/TransportTests/peers/peak_rss.py").path
        let result = try Command.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", peakRSS, PackagePaths.apishBinary.path, "-c", "GET \(server.baseURL)/chunked?mb=300 --output big.bin"],
            environment: fixture.environment, currentDirectory: fixture.workspace, timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("HTTP/1.1 200 OK   "))
        #expect(result.stdout.hasSuffix("   300.0 MB   application/octet-stream\nsaved 300.0 MB to big.bin\n"))
        let size = try FileManager.default.attributesOfItem(atPath: fixture.workspace.appendingPathComponent("big.bin").path)[.size]
        #expect((size as? NSNumber)?.intValue == 300 << 20)
        let peak = try #require(result.stderr.split(separator: "\n").last.flatMap { Int($0.dropFirst("peak-rss-kib ".count)) })
        #expect(peak < 100 << 10, "peak RSS \(peak) KiB")
    }

    @Test func maxSizeAndIdleTimeoutAreFlags() throws {
        let bomb = try fixture.apish(["-c", "GET \(server.baseURL)/gzip-bomb?mb=16 --max-size 1M"])
        #expect(bomb.status == 3)
        #expect(bomb.stderr.contains("is larger than 1 MiB once decompressed: --max-size SIZE raises the limit, --output FILE saves a body of any size"))
        let drip = try fixture.apish(["-c", "GET \(server.baseURL)/drip?every=3 --idle-timeout 1"], timeout: 20)
        #expect(drip.status == 3)
        #expect(drip.stderr.contains("127.0.0.1:\(server.port) sent nothing for 1 s (idle timeout: --idle-timeout S waits longer)"))
        let wrong = try fixture.apish(["-c", "GET \(server.baseURL)/chunked?mb=1 --max-size lots"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("--max-size takes a size such as 500K, 200M or 2G, not 'lots'"))
    }

    @Test func verboseShowsEachRedirectAndARefusedOneShowsItsLocation() throws {
        let target = "\(server.baseURL)/chunked?mb=0"
        let query = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? target
        let followed = try fixture.apish(["-c", "GET \(server.baseURL)/redirect?to=\(query) -v"])
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(followed.stdout.contains("HTTP/1.1 302 Found\nLocation: \(target)\n\nHTTP/1.1 200 OK"))
        let phrase = try fixture.apish(["-c", "GET \(server.baseURL)/status?code=200&reason=Fine%20Thanks -h"])
        #expect(phrase.stdout.hasPrefix("HTTP/1.1 200 Fine Thanks   "), "\(phrase.stdout)")
        let refused = try fixture.apish(["-c", "GET \(server.baseURL)/redirect?to=file%3A%2F%2F%2Fetc%2Fpasswd"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("127.0.0.1:\(server.port) redirects to 'file:///etc/passwd': only http and https redirects are followed"))
    }
}
