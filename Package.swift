// swift-tools-version:6.0
import PackageDescription

/// The `carnot` executable links the Swift runtime statically in release builds (see its target).
let staticRuntimeInRelease: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "carnot",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "carnot", targets: ["carnot"]),
        .library(name: "CarnotRegistry", targets: ["CarnotRegistry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCarnotSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Running out of memory as a clear error: what must run inside a signal handler, hence C.
        .target(name: "CCarnotMemory"),
        .target(
            name: "CarnotRegistry",
            dependencies: [
                "CCarnotSQLite",
                "CCarnotMemory",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The HTTP API and web pages (`carnot serve`), over the same store; the library stays free of HTTP.
        .target(
            name: "CarnotServer",
            dependencies: [
                "CarnotRegistry",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/openapi.json")]
        ),
        .target(
            name: "CarnotCLI",
            dependencies: [
                "CarnotRegistry",
                "CarnotServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Its objects name the static runtime's libraries (Foundation's C parts) for the `carnot` link.
            swiftSettings: staticRuntimeInRelease
        ),
        .executableTarget(
            name: "carnot",
            dependencies: ["CarnotCLI"],
            // The Swift runtime and Foundation linked in: a new process skips resolving their symbols,
            // about a third of `carnot head` (README, Performance). Release only: debug links stay quick.
            swiftSettings: staticRuntimeInRelease,
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        // The performance figures of the README, beside raw SQLite: `swift build -c release && .build/release/carnot-bench`.
        .executableTarget(
            name: "carnot-bench",
            dependencies: [
                "CarnotRegistry",
                "CCarnotSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CarnotRegistryTests",
            // Crypto: the RFC 9162 reference of the proof tests hashes on its own, sharing no code with the library's tree.
            dependencies: ["CarnotRegistry", .product(name: "Crypto", package: "swift-crypto")],
            // Read by path from the tests (a log written by the schema-1 build), not bundled as resources.
            exclude: ["Support/Fixtures"]
        ),
        .testTarget(
            name: "CarnotServerTests",
            dependencies: [
                "CarnotServer", "CarnotRegistry",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "carnotTests",
            dependencies: ["CarnotCLI", "CarnotRegistry"]
        ),
    ]
)
