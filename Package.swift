// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "careerpath",
    products: [
        .executable(name: "careerpath", targets: ["careerpath"]),
        .library(name: "CareerKit", targets: ["CareerKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // GNU Readline behind setter functions, so Swift 6 never touches its globals.
        .target(
            name: "CReadline",
            linkerSettings: [.linkedLibrary("readline")]
        ),
        // libpq, PostgreSQL's client library, for the shared history: it reads postgres:// URLs,
        // PGHOST/PGUSER/PGSERVICE, ~/.pgpass and sslmode, and fails a connection on time.
        .target(
            name: "CLibPQ",
            linkerSettings: [.linkedLibrary("pq")]
        ),
        // The library: never prints, exits or reads the terminal.
        .target(
            name: "CareerKit",
            dependencies: [
                "CLibPQ",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The commands, the REPL loop and everything that talks to a terminal.
        .target(
            name: "CareerCLI",
            dependencies: [
                "CareerKit",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "careerpath", dependencies: ["CareerCLI"],
            // The toolchain's lld: release builds link the Swift libraries in statically
            // (`--static-swift-stdlib`, a faster start), and lld, unlike gold, does not pass on
            // Foundation's own link-time note about `mktemp` (careerpath never calls that code).
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
        .testTarget(
            name: "CareerKitTests",
            dependencies: [
                "CareerKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(
            name: "CareerCLITests",
            dependencies: ["CareerCLI", "careerpath"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
