import Foundation
import Testing
import TestSupport

/// `apish tutorial`, taken by a scripted learner who types each step's suggested command.
@Suite(.serialized) struct TutorialTests {
    static let lessons = ["basic", "mautic-traps", "client-credentials", "oauth2-pkce", "refresh", "device", "oauth1"]
    static let browser = "python3 " + PackagePaths.root.appendingPathComponent("Tests/ShellTests/peers/sandbox_browser.py").path
    /// The person approving a device code on the sandbox's device page.
    static let deviceBrowser = "sh " + PackagePaths.root.appendingPathComponent("Tests/ShellTests/peers/device_browser.sh").path

    static func commands(of lesson: String) throws -> [String] {
        let file = PackagePaths.root.appendingPathComponent("Sources/Shell/Tutorial/Lessons/\(lesson).lesson")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("type: ") }.map { String($0.dropFirst("type: ".count)) }
    }

    func tutorial(_ arguments: [String], typing lines: [String], in fixture: ShellFixture) throws -> CommandResult {
        let browser = arguments.first == "device" ? Self.deviceBrowser : Self.browser
        return try fixture.apish(["tutorial"] + arguments + ["--port", "0"], stdin: lines.joined(separator: "\n") + "\n",
                                 environment: ["BROWSER": browser], timeout: 120)
    }

    @Test("a learner who types each step's command completes the lesson", arguments: lessons)
    func completedByTypingEachStep(lesson: String) throws {
        let fixture = try ShellFixture()
        let commands = try Self.commands(of: lesson)
        #expect(commands.count >= 3)
        let result = try tutorial([lesson], typing: commands, in: fixture)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Lesson complete"))
        #expect(!result.stdout.contains("✗ Not yet"))
        #expect(result.stdout.contains("── Step \(commands.count) of \(commands.count):"))
        let listed = try fixture.apish(["tutorial", "--list"])
        #expect(listed.stdout.split(separator: "\n").contains { $0.hasPrefix(lesson + " ") && $0.hasSuffix("— done") })
    }

    @Test func theRefreshLessonRefreshesTheTokenAndDrawsTheRefresh() throws {
        let fixture = try ShellFixture()
        let result = try tutorial(["refresh"], typing: try Self.commands(of: "refresh"), in: fixture)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("refresh token: present (••••••)"))
        #expect(result.stdout.contains("refreshed: access token valid until "))
        #expect(result.stdout.contains("── 1. refresh (RFC 6749 §6) ──"))
        #expect(result.stdout.contains("  refresh_token=••••••"))
        #expect(result.stdout.contains("── then: every API request (RFC 6750 §2.1) ──"))
    }

    @Test func aWrongCommandGetsTheHintAndTheStepWaits() throws {
        let fixture = try ShellFixture()
        let result = try tutorial(["basic"], typing: ["GET /api/contacts", "GET /api/users/self"], in: fixture)
        #expect(result.status == 4, "the lesson was left unfinished")
        #expect(result.stdout.contains("✗ Not yet: this step looks for a GET request to /api/users/self.\n"
            + "  hint: type `GET /api/users/self`; the environment adds the Basic header for you.\n"))
        #expect(result.stdout.contains("✓ 200 — the API knows you as admin"))
        #expect(result.stdout.contains("── Step 2 of 4: Look at the request that went out"))
        // Progress is kept: the next start resumes at step 2, and --reset forgets it.
        let resumed = try tutorial(["basic"], typing: ["show request"], in: fixture)
        #expect(resumed.stdout.contains("(resuming at step 2;"))
        #expect(try fixture.apish(["tutorial", "--reset"]).stdout == "progress of every lesson forgotten\n")
        #expect(try fixture.apish(["tutorial", "--list"]).stdout.hasPrefix("basic                HTTP Basic — not started\n"))
    }

    @Test func aTeachersLessonFileRunsAndABrokenOneSaysWhere() throws {
        let fixture = try ShellFixture()
        try fixture.write("""
            title: Counting contacts
            step: Ask for one contact
            Paging starts with limit.
            type: GET /api/contacts limit==1
            check: request GET /api/contacts
            check: assert jsonpath "$.total" isString
            """, to: "count.lesson")
        let result = try tutorial([fixture.workspace.appendingPathComponent("count.lesson").path], typing: ["GET /api/contacts limit==1"], in: fixture)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Lesson complete: Counting contacts."))
        try fixture.write("title: Broken\nstep: One\ncheck: status teapot\n", to: "broken.lesson")
        let broken = try fixture.apish(["tutorial", fixture.workspace.appendingPathComponent("broken.lesson").path])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasSuffix("broken.lesson:line 3: `check: status` takes a status code\n"))
    }
}
