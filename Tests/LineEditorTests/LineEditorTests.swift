import Foundation
import Testing
import TestSupport
@testable import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct LineAssemblerTests {
    @Test func plainLineIsCompleteAtOnce() {
        var assembler = LineAssembler()
        #expect(assembler.feed("GET /api/contacts limit==5") == .complete(
            AssembledLine(text: "GET /api/contacts limit==5", lines: 1...1, unfinished: nil)))
        #expect(!assembler.isPending)
    }

    @Test func backslashJoinsWithOneSpace() {
        var assembler = LineAssembler()
        #expect(assembler.feed("GET /api/contacts   \\") == .needsMore(.backslash))
        #expect(assembler.feed("    limit==5 \\") == .needsMore(.backslash))
        #expect(assembler.feed("\torderBy==id") == .complete(
            AssembledLine(text: "GET /api/contacts limit==5 orderBy==id", lines: 1...3, unfinished: nil)))
    }

    @Test func doubledBackslashIsLiteral() {
        var assembler = LineAssembler()
        #expect(assembler.feed(#"echo C:\\"#) == .complete(AssembledLine(text: #"echo C:\\"#, lines: 1...1, unfinished: nil)))
    }

    @Test func hereDocumentKeepsItsLinesRawUntilTheTerminator() {
        var assembler = LineAssembler()
        #expect(assembler.feed("POST /api/contacts/new <<EOF") == .needsMore(.hereDocument(terminator: "EOF")))
        #expect(assembler.feed("{\"firstname\": \"Ada\", \\") == .needsMore(.hereDocument(terminator: "EOF")))
        #expect(assembler.feed("  EOF") == .needsMore(.hereDocument(terminator: "EOF")))
        let step = assembler.feed("EOF")
        #expect(step == .complete(AssembledLine(
            text: "POST /api/contacts/new <<EOF\n{\"firstname\": \"Ada\", \\\n  EOF\nEOF", lines: 1...4, unfinished: nil)))
    }

    @Test(arguments: [("POST /x <<'END'", "END"), ("POST /x <<\"BODY\"", "BODY"), ("cat <<json", "json")])
    func hereDocumentTerminatorMayBeQuoted(line: String, terminator: String) {
        var assembler = LineAssembler()
        #expect(assembler.feed(line) == .needsMore(.hereDocument(terminator: terminator)))
        #expect(assembler.feed("x") == .needsMore(.hereDocument(terminator: terminator)))
        guard case .complete(let assembled) = assembler.feed(terminator) else {
            Issue.record("the terminator \(terminator) did not end the here-document")
            return
        }
        #expect(assembled.text == "\(line)\nx\n\(terminator)")
    }

    @Test func doubleLessThanInsideAWordIsNotAHereDocument() {
        var assembler = LineAssembler()
        #expect(assembler.feed("q $.a << 3") == .complete(AssembledLine(text: "q $.a << 3", lines: 1...1, unfinished: nil)))
        #expect(assembler.feed("echo a<<b") == .complete(AssembledLine(text: "echo a<<b", lines: 2...2, unfinished: nil)))
    }

    @Test func openBracketsKeepReadingUntilBalanced() {
        var assembler = LineAssembler()
        #expect(assembler.feed("POST /api/contacts/new {") == .needsMore(.brackets(open: "{")))
        #expect(assembler.feed("  \"tags\": [\"a\",") == .needsMore(.brackets(open: "{[")))
        #expect(assembler.feed("    \"b\"],") == .needsMore(.brackets(open: "{")))
        #expect(assembler.feed("}") == .complete(AssembledLine(
            text: "POST /api/contacts/new {\n  \"tags\": [\"a\",\n    \"b\"],\n}", lines: 1...4, unfinished: nil)))
    }

    @Test func bracketsInsideStringsDoNotCount() {
        var assembler = LineAssembler()
        #expect(assembler.feed(#"POST /x {"note": "a { and a [ and \" quote"}"#) == .complete(
            AssembledLine(text: #"POST /x {"note": "a { and a [ and \" quote"}"#, lines: 1...1, unfinished: nil)))
    }

    @Test func unclosedQuoteEndsWithItsLine() {
        var assembler = LineAssembler()
        #expect(assembler.feed(#"set name = "Ada"#) == .complete(AssembledLine(text: #"set name = "Ada"#, lines: 1...1, unfinished: nil)))
        #expect(assembler.feed("POST /x {") == .needsMore(.brackets(open: "{")))
    }

    @Test func strayClosersDoNotHideALaterOpener() {
        var assembler = LineAssembler()
        #expect(assembler.feed("PUT /x [1]] {") == .needsMore(.brackets(open: "{")))
    }

    @Test(arguments: [
        "q $.a[", "q $..contacts[?@.firstname=='Ada'", "set n = $..[?@.x", "expect jsonpath \"$.a[\" exists", "echo {",
        "GET /api/contacts where[0][col]==email", "GET /api/contacts?where[0", "GET /x {{open",
    ])
    func bracketsOutsideARequestBodyNeverContinueTheLine(line: String) {
        var assembler = LineAssembler()
        #expect(assembler.feed(line) == .complete(AssembledLine(text: line, lines: 1...1, unfinished: nil)))
    }

    @Test func theContinuationPromptSaysWhatIsOpen() {
        #expect(LineAssembler.Pending.brackets(open: "{[").prompt == "…{[ ")
        #expect(LineAssembler.Pending.brackets(open: String(repeating: "[", count: 20)).prompt == "……[[[[[[[[ ")
        #expect(LineAssembler.Pending.hereDocument(terminator: "EOF").prompt == "…<<EOF ")
        #expect(LineAssembler.Pending.backslash.prompt == "…\\ ")
    }

    @Test func aBodyOnTheLineAfterARequestLineBelongsToIt() {
        var assembler = LineAssembler()
        #expect(assembler.feed("POST /api/contacts/new", nextLine: { "{\"firstname\":" }) == .needsMore(.body))
        #expect(assembler.feed("{\"firstname\":") == .needsMore(.brackets(open: "{")))
        #expect(assembler.feed("\"Ada\"}") == .complete(AssembledLine(
            text: "POST /api/contacts/new\n{\"firstname\":\n\"Ada\"}", lines: 1...3, unfinished: nil)))
        #expect(assembler.feed("GET /x", nextLine: { "q .a" }) == .complete(AssembledLine(text: "GET /x", lines: 4...4, unfinished: nil)))
        #expect(assembler.feed("q .a", nextLine: { "[1]" }) == .complete(AssembledLine(text: "q .a", lines: 5...5, unfinished: nil)))
        #expect(assembler.feed("POST /x {}", nextLine: { "[1]" }) == .complete(AssembledLine(text: "POST /x {}", lines: 6...6, unfinished: nil)))
        #expect(assembler.feed("GET /x", nextLine: { "{{template}}" }) == .complete(AssembledLine(text: "GET /x", lines: 7...7, unfinished: nil)))
    }

    @Test func aScriptTakesTheBodyFromTheNextLine() {
        let lines = LineAssembler.lines(of: "POST /api/contacts/new\n  [1,\n2]\nPATCH /x\n{\"a\": 1}\nGET /y\n")
        #expect(lines.map(\.text) == ["POST /api/contacts/new\n  [1,\n2]", "PATCH /x\n{\"a\": 1}", "GET /y"])
        #expect(lines.map(\.lines) == [1...3, 4...5, 6...6])
    }

    @Test func templatesAreBalanced() {
        var assembler = LineAssembler()
        #expect(assembler.feed("GET /api/contacts/{{id}}") == .complete(
            AssembledLine(text: "GET /api/contacts/{{id}}", lines: 1...1, unfinished: nil)))
    }

    @Test func finishReturnsWhatIsPendingAndSaysWhy() {
        var assembler = LineAssembler()
        _ = assembler.feed("POST /x <<EOF")
        _ = assembler.feed("body")
        #expect(assembler.finish() == AssembledLine(text: "POST /x <<EOF\nbody", lines: 1...2, unfinished: .hereDocument(terminator: "EOF")))
        #expect(assembler.finish() == nil)
        _ = assembler.feed("GET /x \\")
        #expect(assembler.finish() == AssembledLine(text: "GET /x", lines: 3...3, unfinished: .backslash))
    }

    @Test func carriageReturnsAreDropped() {
        var assembler = LineAssembler()
        #expect(assembler.feed("POST /x <<EOF\r") == .needsMore(.hereDocument(terminator: "EOF")))
        #expect(assembler.feed("EOF\r") == .complete(AssembledLine(text: "POST /x <<EOF\nEOF", lines: 1...2, unfinished: nil)))
    }

    @Test func scriptSplitsIntoNumberedLogicalLines() {
        let script = """
            env use sandbox
            GET /api/contacts \\
              limit==5
            POST /api/contacts/new <<EOF
            {"firstname": "Ada"}
            EOF

            PATCH /api/contacts/1/edit {
              "lastname": "Byron"
            }
            POST /x {

            """
        let lines = LineAssembler.lines(of: script)
        #expect(lines.map(\.text) == [
            "env use sandbox",
            "GET /api/contacts limit==5",
            "POST /api/contacts/new <<EOF\n{\"firstname\": \"Ada\"}\nEOF",
            "",
            "PATCH /api/contacts/1/edit {\n  \"lastname\": \"Byron\"\n}",
            "POST /x {",
        ])
        #expect(lines.map(\.lines) == [1...1, 2...3, 4...6, 7...7, 8...10, 11...11])
        #expect(lines.last?.unfinished == .brackets(open: "{"))
        #expect(lines.dropLast().allSatisfy { $0.unfinished == nil })
    }

    @Test func veryLongAndOddLinesAreHandled() {
        var assembler = LineAssembler()
        let long = "POST /x " + String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        guard case .complete(let line) = assembler.feed(long) else {
            Issue.record("a long balanced line should be complete")
            return
        }
        #expect(line.text.count == long.count)
        let odd = String(decoding: [0x47, 0xFF, 0xFE, 0x5C], as: UTF8.self)
        #expect(assembler.feed(odd) == .needsMore(.backslash))
    }
}

@Suite struct CompletionTests {
    @Test func wordIsTheTokenBeforeTheCursor() {
        let context = CompletionContext(line: "env use sand")
        #expect(context.word == "sand")
        #expect(context.precedingWords == ["env", "use"])
        #expect(context.textBeforeCursor == "env use sand")
    }

    @Test func wordEndsAtTheCursor() {
        let line = "GET /api/contacts limit==5"
        let cursor = line.index(line.startIndex, offsetBy: 9)
        let context = CompletionContext(line: line, cursor: cursor)
        #expect(context.word == "/api/")
        #expect(context.precedingWords == ["GET"])
    }

    @Test func emptyWordAfterASpace() {
        let context = CompletionContext(line: "auth ")
        #expect(context.word == "")
        #expect(context.precedingWords == ["auth"])
    }

    @Test func openVariableStartsTheWord() {
        #expect(CompletionContext(line: "GET /api/contacts/{{i").word == "{{i")
        #expect(CompletionContext(line: "GET {{baseUrl}}/api/{{").word == "{{")
        #expect(CompletionContext(line: "GET {{baseUrl}}/api").word == "{{baseUrl}}/api")
    }

    @Test func singleCandidateGetsASpaceUnlessItContinues() {
        #expect(CompletionPlan(word: "he", candidates: ["help"]).replacement == "help ")
        #expect(CompletionPlan(word: "{{to", candidates: ["{{token}}"]).replacement == "{{token}}")
        #expect(CompletionPlan(word: "con", candidates: ["contacts/"]).replacement == "contacts/")
        #expect(CompletionPlan(word: "con", candidates: ["contacts/"]).listing.isEmpty)
    }

    @Test func severalCandidatesInsertTheirCommonPrefixAndAreListed() {
        let plan = CompletionPlan(word: "h", candidates: ["history", "histogram", "history"])
        #expect(plan.replacement == "histo")
        #expect(plan.listing == ["history", "histogram"])
        let noProgress = CompletionPlan(word: "h", candidates: ["help", "history"])
        #expect(noProgress.replacement == nil)
        #expect(noProgress.listing == ["help", "history"])
    }

    @Test func commonPrefixMayFixTheCase() {
        let plan = CompletionPlan(word: "cont", candidates: ["Content-Type", "Content-Length"])
        #expect(plan.replacement == "Content-")
    }

    @Test func noCandidatesChangeNothing() {
        let plan = CompletionPlan(word: "zz", candidates: [])
        #expect(plan.replacement == nil)
        #expect(plan.listing.isEmpty)
    }

    @Test func listingFillsColumnsTopToBottomWithinTheWidth() {
        let rows = CompletionListing.rows(of: ["alpha", "beta", "gamma", "delta", "epsilon"], width: 30)
        #expect(rows == ["alpha    gamma    epsilon", "beta     delta"])
        #expect(CompletionListing.rows(of: ["a", "b", "c"], width: 100) == ["a  b  c"])
        #expect(CompletionListing.rows(of: ["one-very-long-candidate"], width: 10) == ["one-very-long-candidate"])
    }
}

/// What Tab offers in the shell, from a session in a workspace with two auth profiles.
@Suite struct PromptMarkupTests {
    @Test func colorSequencesAreMarkedLiteral() {
        let marked = PromptMarkup.marked("\u{1B}[1;32mapish\u{1B}[0m [sandbox]> ")
        #expect(marked == "\u{1}\u{1B}[1;32m\u{1}apish\u{1}\u{1B}[0m\u{1} [sandbox]> ")
    }

    @Test func titleSequenceAndStrayMarkersAreHandled() {
        #expect(PromptMarkup.marked("\u{1B}]0;apish\u{7}> ") == "\u{1}\u{1B}]0;apish\u{7}\u{1}> ")
        #expect(PromptMarkup.marked("a\u{1}b") == "ab")
        #expect(PromptMarkup.marked("cut\u{1B}[") == "cut\u{1}\u{1B}[\u{1}")
        #expect(PromptMarkup.marked("apish • oauth2 ✓> ") == "apish • oauth2 ✓> ")
    }
}

@Suite struct LineEditorHistoryTests {
    @Test func historyFileIsWrittenPrivatelyWithOnlyAddedLines() throws {
        let folder = try PackagePaths.temporaryFolder("line-editor-history")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state/apish/history").path
        do {
            let editor = try LineEditor(historyFile: file)
            editor.addToHistory("GET /api/contacts")
            editor.addToHistory("   ")
            editor.addToHistory("POST /x <<EOF\n{}\nEOF")
            try editor.saveHistory()
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("GET"))
        #expect(saved.contains("/api/contacts"))
        #expect(saved.split(separator: "\n").count == 3)  // libedit's header and two entries, newlines encoded
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("state/apish").path)
        #expect(leftovers == ["history"])

        let reopened = try LineEditor(historyFile: file)
        reopened.addToHistory("env list")
        try reopened.saveHistory()
        let again = try String(contentsOfFile: file, encoding: .utf8)
        #expect(again.contains("/api/contacts") && again.contains("env"))
    }

    @Test func historyKeepsOnlyTheNewestEntriesUpToItsLimit() throws {
        let folder = try PackagePaths.temporaryFolder("line-editor-history")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history").path
        let editor = try LineEditor(historyFile: file, historyLimit: 2)
        for line in ["first", "second", "second", "third"] { editor.addToHistory(line) }
        try editor.saveHistory()
        let entries = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(Array(entries) == ["second", "third"])
    }

    @Test func foreignHistoryFileIsReportedNotOverwritten() throws {
        let folder = try PackagePaths.temporaryFolder("line-editor-history")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history").path
        try "plain text\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: LineEditorError.unreadableHistory(path: file)) { try LineEditor(historyFile: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "plain text\n")
    }

    @Test func noHistoryFileMeansNothingIsWritten() throws {
        let editor = try LineEditor(historyFile: nil)
        editor.addToHistory("GET /")
        try editor.saveHistory()
        #expect(editor.terminalWidth > 0)
    }
}

@Suite(.serialized) struct InterruptWatcherTests {
    @Test func sigintCancelsTheOperationAndIsThenRestored() async throws {
        let previous = signal(SIGINT, SIG_DFL)
        defer { signal(SIGINT, previous) }
        let started = ContinuationFlag()
        let watcher = InterruptWatcher()
        let sender = Task.detached {
            while !started.isSet { try await Task.sleep(for: .milliseconds(10)) }
            try await Task.sleep(for: .milliseconds(100))
            kill(getpid(), SIGINT)
        }
        let clock = ContinuousClock()
        let began = clock.now
        await #expect(throws: InterruptWatcher.Interrupted()) {
            try await watcher.run {
                started.set()
                try await Task.sleep(for: .seconds(20))
                return 1
            }
        }
        try await sender.value
        #expect(clock.now - began < .seconds(10))
        let during = signal(SIGINT, SIG_DFL)
        #expect(unsafeBitCast(during, to: Int.self) == 0, "SIGINT should be back to its default handling")
    }

    @Test func valueIsReturnedWhenNoSignalComes() async throws {
        #expect(try await InterruptWatcher().run { 42 } == 42)
        struct Failure: Error, Equatable {}
        await #expect(throws: Failure()) { try await InterruptWatcher().run { () async throws -> Int in throw Failure() } }
    }
}

/// A flag one task sets and another polls.
private final class ContinuationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
