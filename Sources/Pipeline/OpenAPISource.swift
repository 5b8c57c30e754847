import Crypto
import Foundation
import HTTPExchange
import JSON
import OpenAPI
import Synchronization
import Workspace

/// Where a description comes from — a file (relative to the workspace) or a URL — and the one way
/// the shell and `apish run` read it: files are re-read only when they change, URLs are fetched with
/// `If-None-Match` and kept in the state folder, so a later start (and Tab) reads them offline.
public struct OpenAPISource: Sendable, Equatable {
    public let location: String

    public init(_ location: String) {
        self.location = location
    }

    public var isURL: Bool { RequestURL.hasHTTPScheme(location) }

    /// The description, fetching a URL when `sender` is given and reading the state folder's copy otherwise.
    public func load(workspace: Workspace, sender: (any HTTPSending)?) async throws(OpenAPILoadError) -> OpenAPIDescription {
        guard isURL else { return try loadFile(workspace: workspace) }
        guard let sender else {
            guard let cached = try cachedCopy(workspace: workspace) else {
                throw OpenAPILoadError(message: "\(location) has not been fetched yet (`openapi load \(location)`)")
            }
            return cached
        }
        return try await fetch(workspace: workspace, sender: sender)
    }

    /// What can be read without the network: the file, or the state folder's copy of a URL (nil when never fetched).
    public func loadOffline(workspace: Workspace) throws(OpenAPILoadError) -> OpenAPIDescription? {
        isURL ? try cachedCopy(workspace: workspace) : try loadFile(workspace: workspace)
    }

    private func loadFile(workspace: Workspace) throws(OpenAPILoadError) -> OpenAPIDescription {
        let path = location.hasPrefix("/") ? location : workspace.root + "/" + location
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw OpenAPILoadError(message: "cannot read \(location): no such file")
        }
        let stamp = "\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0):\((attributes[.size] as? Int) ?? 0)"
        if let hit = Self.memory.withLock({ $0[path] }), hit.stamp == stamp { return hit.description }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OpenAPILoadError(message: "cannot read \(location): permission denied or not a file")
        }
        let bytes = Array(data)
        let description: OpenAPIDescription
        if OpenAPIDescription.isJSON(bytes) {
            description = try Self.parse(bytes, origin: location)
        } else {
            description = try yamlDescription(bytes, stamp: stamp, path: path, workspace: workspace)
        }
        Self.memory.withLock { $0[path] = (stamp, description) }
        return description
    }

    /// YAML is read an order of magnitude slower than JSON, so its JSON form is kept in the state folder
    /// for as long as the file keeps its size and modification time.
    private func yamlDescription(_ bytes: [UInt8], stamp: String, path: String, workspace: Workspace) throws(OpenAPILoadError) -> OpenAPIDescription {
        let key = "openapi/yaml-" + Self.digest(Array(path.utf8))
        if workspace.userState.loadText(key + ".stamp") == stamp, let json = (try? workspace.userState.load(key + ".json")) ?? nil,
            let description = try? Self.parse(json, origin: location)
        {
            return description
        }
        let description = try Self.parse(bytes, origin: location)
        try? workspace.userState.save(key + ".json", description.document.serializedBytes())
        try? workspace.userState.save(key + ".stamp", Array(stamp.utf8))
        return description
    }

    private func fetch(workspace: Workspace, sender: any HTTPSending) async throws(OpenAPILoadError) -> OpenAPIDescription {
        var headers = HTTPHeaders()
        headers.add("Accept", "application/json, application/yaml;q=0.9, */*;q=0.5")
        if let etag = workspace.userState.loadText(cacheKey + ".etag"), (try? workspace.userState.load(cacheKey)) != nil {
            headers.add("If-None-Match", etag)
        }
        let response: HTTPResponse
        do {
            response = try await sender.send(HTTPRequest(method: "GET", url: location, headers: headers), options: SendOptions(timeout: .seconds(30)))
        } catch {
            if let cached = try cachedCopy(workspace: workspace) { return cached }
            throw OpenAPILoadError(message: "cannot fetch \(location): \(error)")
        }
        if response.status == 304, let cached = try cachedCopy(workspace: workspace) { return cached }
        guard (200..<300).contains(response.status) else {
            throw OpenAPILoadError(message: "cannot fetch \(location): HTTP \(response.status)")
        }
        let description = try Self.parse(response.body, origin: location)
        try? workspace.userState.save(cacheKey, response.body)
        if let etag = response.headers["ETag"] {
            try? workspace.userState.save(cacheKey + ".etag", Array(etag.utf8))
        } else {
            try? workspace.userState.remove(cacheKey + ".etag")
        }
        Self.memory.withLock { $0[cacheKey] = (Self.digest(response.body), description) }
        return description
    }

    private func cachedCopy(workspace: Workspace) throws(OpenAPILoadError) -> OpenAPIDescription? {
        guard let bytes = (try? workspace.userState.load(cacheKey)) ?? nil else { return nil }
        let stamp = Self.digest(bytes)
        if let hit = Self.memory.withLock({ $0[cacheKey] }), hit.stamp == stamp { return hit.description }
        let description = try Self.parse(bytes, origin: location)
        Self.memory.withLock { $0[cacheKey] = (stamp, description) }
        return description
    }

    private var cacheKey: String { "openapi/" + Self.digest(Array(location.utf8)) }

    private static func digest(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes).prefix(12))
    }

    private static func parse(_ bytes: [UInt8], origin: String) throws(OpenAPILoadError) -> OpenAPIDescription {
        do {
            return try OpenAPIDescription.load(bytes)
        } catch {
            throw OpenAPILoadError(message: "\(origin): \(error.message)")
        }
    }

    /// Descriptions already read in this process, by file path or cache key, with what identifies their content.
    private static let memory = Mutex<[String: (stamp: String, description: OpenAPIDescription)]>([:])
}
