import Auth
import Foundation
import Synchronization

/// The person at the keyboard, scripted: the browser is `providers/browser.py MODE`, questions are
/// answered by `answer`, and everything shown is kept for assertions.
final class ScriptedInteraction: AuthInteraction {
    let browserMode: String?
    let answer: @Sendable (String, String?) async -> String?
    private let state = Mutex<(shown: [String], opened: [String])>(([], []))

    /// - Parameters:
    ///   - browserMode: `approve`, `deny`, `tamper-state`, `tamper-token`, or nil for no browser at all.
    ///   - answer: receives the prompt and the last URL opened.
    init(browserMode: String?, answer: @escaping @Sendable (String, String?) async -> String? = { _, _ in nil }) {
        self.browserMode = browserMode
        self.answer = answer
    }

    var shown: [String] { state.withLock { $0.shown } }
    var opened: [String] { state.withLock { $0.opened } }

    func show(_ line: String) {
        state.withLock { $0.shown.append(line) }
    }

    func openBrowser(_ url: String) {
        state.withLock { $0.opened.append(url) }
        guard let browserMode else { return }
        BrowserLauncher.open(url, browser: "python3 \(ProviderScripts.path("browser.py")) \(browserMode)")
    }

    func ask(_ prompt: String, secret: Bool) async -> String? {
        await answer(prompt, opened.last)
    }
}

enum ProviderScripts {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("providers").appendingPathComponent(name).path
    }
}

/// Collects trace lines.
final class TraceLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    var text: String { all.joined(separator: "\n") }

    func trace(reveal: Bool = false) -> AuthTrace {
        AuthTrace(reveal: reveal) { [self] line in lines.withLock { $0.append(line) } }
    }
}
