import Testing
@testable import Shell

@Suite struct LessonTests {
    @Test func builtInLessonsParseAndEveryStepSuggestsACommand() throws {
        for name in BuiltInLessons.names {
            let lesson = try #require(try BuiltInLessons.lesson(named: name))
            #expect(!lesson.summary.isEmpty)
            #expect(lesson.steps.allSatisfy { $0.command != nil && !$0.checks.isEmpty && !$0.text.isEmpty }, "\(name)")
        }
    }

    @Test func aLessonReadsItsStepsTextAndChecks() throws {
        let lesson = try Lesson(name: "t", text: """
            # a comment
            title: T
            summary: S
            step: One
            First line.

            Note: a second paragraph.
            type: GET /x
            check: request GET /api/contacts/*/edit
            check: auth none
            hint: H
            after: A
            """)
        #expect(lesson.steps == [Lesson.Step(
            title: "One", text: ["First line.", "", "Note: a second paragraph."], command: "GET /x",
            checks: [.request(method: "GET", path: "/api/contacts/*/edit"), .auth("none")], hint: "H", after: "A")])
    }

    @Test("mistakes in a lesson file name their line", arguments: [
        ("title: T\nstep: S\ncheck: status 999\n", "line 3: `check: status` takes a status code"),
        ("title: T\nstep: S\ncheck: smell good\n", "line 3: unknown check `smell` (request, status, auth, assert, typed, variable)"),
        ("title: T\nstep: S\ncheck: assert jsonpath\n", "line 3: `check: assert` takes a Hurl assert"),
        ("title: T\ncheck: status 200\n", "line 2: `check:` before the first `step:`"),
        ("step: S\ncheck: status 200\n", "line 1: a lesson needs a `title:` line"),
        ("title: T\nstep: S\ntype: GET /\n", "line 1: step 'S' has no `check:` line"),
        ("intro text\ntitle: T\n", "line 1: text before the first `step:`"),
    ])
    func mistakes(text: String, message: String) {
        #expect {
            try Lesson(name: "t", text: text)
        } throws: { error in
            (error as? Lesson.ParseError).map { "\($0)".hasPrefix(message) } ?? false
        }
    }

    @Test func pathPatternsMatchOneSegmentPerStar() {
        #expect(StepCheck.path("/api/contacts/5/edit", matches: "/api/contacts/*/edit"))
        #expect(!StepCheck.path("/api/contacts//edit", matches: "/api/contacts/*/edit"))
        #expect(!StepCheck.path("/api/contacts/5/6/edit", matches: "/api/contacts/*/edit"))
        #expect(StepCheck.path("/api/users/self", matches: "/api/users/self"))
    }
}
