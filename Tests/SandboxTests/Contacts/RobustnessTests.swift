import JSON
import Testing
@testable import Sandbox

@Suite("Hostile input gets an error envelope, never a crash")
struct RobustnessTests {
    let sandbox = SandboxHarness()

    @Test func hugeNumbersAreRejectedNotTrapped() async throws {
        for body in [#"{"points":1e400}"#, #"{"points":"99999999999999999999999"}"#, #"{"points":1.5}"#] {
            let response = await sandbox.send("POST", "/api/contacts/new", json: body)
            #expect(response.status == 400, "\(body): \(response.bodyText)")
        }
        #expect(await sandbox.send("POST", "/api/contacts/new", json: #"{"points":12.0,"firstname":"P"}"#).status == 201)
    }

    @Test func deeplyNestedBracketsAreDropped() async throws {
        let deep = "x" + String(repeating: "[a]", count: 20_000) + "=1"
        let response = await sandbox.send("GET", "/api/contacts?\(deep)")
        #expect(response.status == 200)
        let form = await sandbox.send("POST", "/api/contacts/new", form: "firstname=Deep&\(deep)")
        #expect(form.status == 201)
    }

    @Test func wrongBodyShapesAndBytes() async throws {
        #expect(await sandbox.send("POST", "/api/contacts/new", json: "[1,2]").status == 400)
        #expect(await sandbox.send("POST", "/api/contacts/batch/new", json: #"{"a":1}"#).status == 201)
        #expect(await sandbox.send("PATCH", "/api/contacts/1/edit", json: #"{"email":["a","b"]}"#).status == 400)
        let invalidUTF8 = await sandbox.state.respond(to: SandboxRequest(
            method: "POST", path: "/api/contacts/new",
            headers: [(name: "Content-Type", value: "application/json"), (name: "Authorization", value: "Basic YWRtaW46bWF1dGlj")],
            body: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]))
        #expect(invalidUTF8.status == 400)
        #expect(try invalidUTF8.mauticError().code == 400)
    }

    /// A bounded, seeded storm of odd requests: every answer is a complete response with a known status.
    @Test func seededGarbageNeverBreaksTheServer() async throws {
        var generator = SeededGenerator(seed: 20_261_127)
        let pieces = ["/api", "/contacts", "/1", "/edit", "/delete", "/batch", "/new", "/oauth/v2/token", "/oauth/v1/authorize",
                      "/%00", "/..", "/999999999999999999999", "/-1", "/users/self", "?where[0][expr]=andX&where[0][val][0][col]=id",
                      "?limit=abc", "?orderBy=", "?search=%22", "?ids[]=1&ids[]=x"]
        let bodies = ["", "{", "{}", "[]", "null", #"{"tags":{"a":{"b":1}}}"#, #"{"email":null,"points":null}"#, "a=b&c[=d",
                      #"[{"id":"x"}]"#, String(repeating: "[", count: 600)]
        for _ in 0..<300 {
            let method = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].randomElement(using: &generator)!
            let path = (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let body = bodies.randomElement(using: &generator)!
            let response = await sandbox.send(method, path, json: body.isEmpty ? nil : body)
            #expect([200, 201, 302, 400, 401, 403, 404, 405, 500].contains(response.status), "\(method) \(path) \(body)")
            #expect(response.header("Mautic-Version") != nil)
        }
    }
}

/// SplitMix64: the same sequence on every run, so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
