// swift-tools-version:6.0
import PackageDescription

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
    ],
    targets: [
        .systemLibrary(
            name: "CCarnotSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "CarnotRegistry",
            dependencies: [
                "CCarnotSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "CarnotCLI",
            dependencies: [
                "CarnotRegistry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "carnot",
            dependencies: ["CarnotCLI"]
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
            dependencies: ["CarnotRegistry"],
            // Read by path from the tests (a log written by the schema-1 build), not bundled as resources.
            exclude: ["Support/Fixtures"]
        ),
        .testTarget(
            name: "carnotTests",
            dependencies: ["CarnotCLI", "CarnotRegistry"]
        ),
    ]
)
