// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "apish",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "apish", targets: ["apish"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-http2", from: "1.46.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Pure cores: no I/O.
        .target(name: "JSON"),
        .target(name: "JSONPath", dependencies: ["JSON"]),
        .target(name: "JSONSchema", dependencies: ["JSON"]),
        .target(name: "HTTPExchange", dependencies: ["JSON", "Hurl"]),
        .target(name: "Hurl"),
        // OpenAPI descriptions (JSON or YAML) read onto the JSON engine: operations, parameters, schemas.
        .target(name: "OpenAPI", dependencies: ["JSON", "JSONSchema", "HTTPExchange", .product(name: "Yams", package: "Yams")]),

        // Edges: files, sockets, terminals.
        .target(name: "Transport", dependencies: [
            "HTTPExchange", "Workspace",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOTLS", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOHTTP2", package: "swift-nio-http2"),
            .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            .product(name: "NIOExtras", package: "swift-nio-extras"),
        ]),
        .target(name: "Workspace", dependencies: ["HTTPExchange", "Hurl"]),
        .target(name: "Auth", dependencies: [
            "HTTPExchange", "JSON",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .target(name: "Runner", dependencies: ["Hurl", "JSON", "JSONPath", "HTTPExchange", "OpenAPI", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Interop", dependencies: ["Hurl", "JSON", "HTTPExchange", "OpenAPI"]),
        .target(name: "Sandbox", dependencies: [
            "JSON", "HTTPExchange", "Auth",
            .product(name: "Hummingbird", package: "hummingbird"),
        ], resources: [.embedInCode("Description/openapi.json")]),
        // One request pipeline for the shell, `apish run` and export: auth profiles of an environment,
        // which one signs a request, what a run gets from an environment.
        .target(name: "Pipeline", dependencies: [
            "HTTPExchange", "Workspace", "Auth", "Runner", "OpenAPI", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .target(name: "LineEditor", dependencies: ["CLibEdit"]),
        .target(name: "Shell", dependencies: [
            "JSON", "JSONPath", "HTTPExchange", "Transport", "Workspace", "Auth", "Pipeline", "Hurl", "Runner", "Interop", "LineEditor", "OpenAPI",
            "JSONSchema",
        ], resources: [.embedInCode("Tutorial/Lessons")]),
        .executableTarget(name: "apish", dependencies: [
            "Shell", "Sandbox", "JSON", "JSONPath", "HTTPExchange", "Transport", "Workspace", "Pipeline", "Runner", "Hurl", "Interop", "OpenAPI",
            "JSONSchema", "Auth",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // The binary's 130,000 relative relocations packed as RELR (lld; gold has no such option): the
            // loader reads a 26 KB bitmap instead of 3 MB of entries at every start, and the binary stays
            // position-independent. The static standard library's link arguments export every symbol of
            // the package's own modules (41,000); nothing looks them up, and the runtime's start-up
            // `dladdr` walks them all, so they stay out of the dynamic symbol table.
            .unsafeFlags([
                "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
            ], .when(platforms: [.linux])),
        ]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "TestSupport"]),
        .testTarget(name: "JSONPathTests", dependencies: ["JSONPath", "JSON", "TestSupport"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "JSON", "TestSupport"]),
        .testTarget(name: "HTTPExchangeTests", dependencies: ["HTTPExchange", "JSON", "TestSupport"]),
        .testTarget(name: "TransportTests", dependencies: [
            "Transport", "HTTPExchange", "TestSupport", .product(name: "NIOCore", package: "swift-nio"),
        ], exclude: ["peers"]),
        .testTarget(name: "AuthTests", dependencies: ["Auth", "HTTPExchange", "Transport", "TestSupport"], exclude: ["providers", "diagrams"]),
        .testTarget(name: "HurlTests", dependencies: ["Hurl", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Hurl", "HTTPExchange", "JSON", "Transport", "TestSupport"]),
        .testTarget(name: "InteropTests", dependencies: ["Interop", "Hurl", "JSON", "HTTPExchange", "Transport", "TestSupport"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "JSON", "HTTPExchange", "Auth", "OpenAPI", "Transport", "TestSupport"], exclude: ["peers"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "LineEditor", "Workspace", "HTTPExchange", "Sandbox", "TestSupport"], exclude: ["peers"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "TestSupport"]),
        // The executable's commands (run, query, fmt, sandbox, import, export, argument parsing), run as a person runs them.
        .testTarget(name: "apishTests", dependencies: ["TestSupport"]),
        .testTarget(name: "OpenAPITests", dependencies: ["OpenAPI", "JSON", "TestSupport"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "HTTPExchange", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
