import Foundation
import HTTPExchange
import LineEditor
import OpenAPI
import Pipeline

/// What Tab offers, from the context of the word at the cursor.
struct ShellCompleter {
    let session: ShellSession

    static let commonHeaders = [
        "Accept:", "Accept-Language:", "Authorization:", "Cache-Control:", "Content-Type:", "Cookie:",
        "If-None-Match:", "Origin:", "User-Agent:", "X-Requested-With:",
    ]
    static let subcommands: [String: [String]] = [
        "env": ["list", "new", "use", "show", "set", "unset", "secret", "rm"],
        "show": ["status", "headers", "body", "request", "raw", "curl", "json"],
        "auth": [
            "show", "new", "set", "secret", "unset", "use", "login", "refresh", "logout", "token", "explain", "diagram", "keys", "rm",
            "basic", "oauth1",
            "oauth2", "bearer",
        ],
        "trace": ["on", "off", "reveal"],
        "jwt": ["decode"],
    ]
    /// The `auth` sub-commands whose next word is a profile name.
    static let profileSubcommands: Set<String> = [
        "show", "set", "secret", "unset", "use", "login", "refresh", "logout", "token", "explain", "diagram", "rm",
    ]
    /// `auth oauth2 login` and the like.
    static let methodActions = ["login", "logout", "explain", "show"]
    /// The flags `RequestOptions` reads from a request line.
    static let requestFlags = [
        "--auth", "--body", "--cacert", "--connect-timeout", "--follow", "--form", "--headers", "--insecure", "--json",
        "--max-redirects", "--multipart", "--no-follow", "--output", "--quiet", "--raw", "--timeout", "--verbose",
    ]

    func candidates(for context: CompletionContext) -> [String] {
        let word = String(context.word)
        let before = context.precedingWords.map(String.init)
        if let open = word.range(of: "{{", options: .backwards), !word[open.upperBound...].contains("}}") {
            let prefix = word[..<open.lowerBound]
            let partial = word[open.upperBound...]
            let names = ((try? session.variables().names) ?? []) + ["baseUrl"]
            return Set(names).filter { $0.hasPrefix(partial) }.sorted().map { prefix + "{{\($0)}}" }
        }
        guard let first = before.first else {
            let names = ShellSession.commands.filter { $0.name != "request" }.flatMap { [$0.name] + $0.aliases }
            return (names + RequestCommand.methods.sorted()).filter { $0.hasPrefix(word) || $0.lowercased().hasPrefix(word.lowercased()) && word.first?.isUppercase == true }
        }
        if RequestCommand.isMethod(first) {
            if before.count == 1 { return describedPaths(completing: word, method: first) + seenPaths().filter { $0.hasPrefix(word) } }
            if let last = before.last, ["--auth", "-A"].contains(last) { return (profileNames() + ["none"]).filter { $0.hasPrefix(word) } }
            if word.hasPrefix("-") { return Self.requestFlags.filter { $0.hasPrefix(word) } }
            if let at = word.firstIndex(of: "@") { return files(prefix: String(word[..<word.index(after: at)]), partial: String(word[word.index(after: at)...])) }
            let described = describedItems(completing: word, method: first, target: before[1])
            return described + Self.commonHeaders.filter { $0.lowercased().hasPrefix(word.lowercased()) && !word.isEmpty }
        }
        if first == "describe" {
            if before.count == 1 {
                let methods = RequestCommand.methods.sorted().filter { $0.hasPrefix(word.uppercased()) && !word.isEmpty && !word.hasPrefix("/") }
                return methods + describedPaths(completing: word, method: nil)
            }
            if before.count == 2, RequestCommand.isMethod(before[1]) { return describedPaths(completing: word, method: before[1]) }
            return []
        }
        if first == "openapi" {
            if before.count == 1 { return ["load", "unload"].filter { $0.hasPrefix(word) } }
            if before.count == 2, before[1] == "load" { return files(prefix: "", partial: word) }
            return []
        }
        if before.count == 1, let options = Self.subcommands[first] { return options.filter { $0.hasPrefix(word) } }
        if first == "auth", before.count == 2 {
            if Self.profileSubcommands.contains(before[1]) {
                return (profileNames() + (before[1] == "use" ? ["none"] : [])).filter { $0.hasPrefix(word) }
            }
            if ["oauth1", "oauth2", "bearer"].contains(before[1]) { return Self.methodActions.filter { $0.hasPrefix(word) } }
        }
        if first == "env", before.count == 2, ["use", "show", "rm"].contains(before[1]) {
            return session.workspace.environmentNames().filter { $0.hasPrefix(word) }
        }
        if first == "run" { return files(prefix: "", partial: word) }
        if first == "save", before.count == 1 { return savedCollections().filter { $0.hasPrefix(word) } }
        if first == "help", before.count == 1 {
            return ShellSession.commands.map(\.name).filter { $0.hasPrefix(word) }
        }
        return []
    }

    /// Paths from the OpenAPI description in use, after whatever origin or `{{baseUrl}}` the word starts with.
    private func describedPaths(completing word: String, method: String?) -> [String] {
        guard let description = session.offlineOpenAPIDescription else { return [] }
        let (head, path) = Self.splitOrigin(word)
        guard path.isEmpty || path.hasPrefix("/") else { return [] }
        return OpenAPICompleter(description).paths(completing: path.isEmpty ? "/" : path, method: method).map { head + $0 }
    }

    /// Query parameters, body fields, headers and enum values of the operation the request line names.
    private func describedItems(completing word: String, method: String, target: String) -> [String] {
        guard let description = session.offlineOpenAPIDescription, let url = try? session.expandedTarget(target) else { return [] }
        return OpenAPICompleter(description).items(completing: word, method: method, url: url)
    }

    /// `{{baseUrl}}/pets` → (`{{baseUrl}}`, `/pets`); `http://host:8080/pets` → (`http://host:8080`, `/pets`).
    static func splitOrigin(_ word: String) -> (head: String, path: String) {
        if word.hasPrefix("{{"), let close = word.firstRange(of: "}}") {
            return (String(word[..<close.upperBound]), String(word[close.upperBound...]))
        }
        if let parts = URLText(word) {
            return (String(word[..<parts.rest.startIndex]), String(parts.rest))
        }
        return ("", word)
    }

    /// The auth profiles of the environment in use.
    private func profileNames() -> [String] {
        guard let environment = try? session.resolvedEnvironment() else { return [] }
        return AuthRegistry.profileNames(in: environment)
    }

    /// Paths already requested or saved for the environment in use, relative to its baseUrl.
    private func seenPaths() -> [String] {
        let base = (try? session.resolvedEnvironment()?.baseURL) ?? nil
        var paths = session.exchanges.filter { $0.environment == session.environmentName }.map(\.spec.target)
        if let base {
            paths += session.exchanges.compactMap { record -> String? in
                guard record.response.url.hasPrefix(base) else { return nil }
                return String(record.response.url.dropFirst(base.count)).split(separator: "?").first.map(String.init)
            }
        }
        return Array(Set(paths)).sorted()
    }

    /// `contacts/create` for collections/contacts/create.hurl: names `save` appends to.
    private func savedCollections() -> [String] {
        let folder = session.workspace.collectionsFolder + "/"
        let paths = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.hasSuffix(".hurl") }.map { String($0.dropLast(5)) }.sorted()
    }

    private func files(prefix: String, partial: String) -> [String] {
        let folder = partial.contains("/") ? String(partial[...partial.lastIndex(of: "/")!]) : ""
        let directory = session.resolveLocalPath(folder.isEmpty ? "." : folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { !$0.hasPrefix(".") }.map { folder + $0 }.filter { $0.hasPrefix(partial) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: session.resolveLocalPath(name), isDirectory: &isDirectory)
            return prefix + name + (isDirectory.boolValue ? "/" : "")
        }
    }
}
