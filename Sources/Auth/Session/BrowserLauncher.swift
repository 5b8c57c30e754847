import Foundation

/// Opens a URL the way terminal programs do: `$BROWSER` (a `:`-separated list of commands, `%s`
/// standing for the URL, else the URL is appended), otherwise `xdg-open` (or `open` on macOS).
/// The URL reaches the command as one argument, never through shell parsing.
public enum BrowserLauncher {
    /// Starts the browser without waiting for it; false when no command could be started.
    @discardableResult
    public static func open(_ url: String, browser: String? = ProcessInfo.processInfo.environment["BROWSER"]) -> Bool {
        for command in commands(browser: browser) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let script = command.contains("%s")
                ? command.replacingOccurrences(of: "%s", with: "\"$1\"")
                : command + " \"$1\""
            process.arguments = ["-c", script + " >/dev/null 2>&1", "browser", url]
            process.standardInput = FileHandle.nullDevice
            do {
                try process.run()
                return true
            } catch {
                continue
            }
        }
        return false
    }

    static func commands(browser: String?) -> [String] {
        if let browser, !browser.trimmingCharacters(in: .whitespaces).isEmpty {
            return browser.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        #if os(macOS)
        return ["open"]
        #else
        return ["xdg-open"]
        #endif
    }
}
