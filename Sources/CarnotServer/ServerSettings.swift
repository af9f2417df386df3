import Foundation
/// How `carnot serve` runs: where it listens, which store and token file it uses, who may read.
public struct ServerSettings: Sendable {
    /// Request bodies larger than this are refused with 413 before parsing (a decision is a few KiB).
    public static let maximumBodyBytes = 1 << 20

    public var host: String
    public var port: Int
    /// The token file (`carnot token add`); a missing file means no tokens, so no one may write.
    public var tokensPath: String
    /// When true, every route but `/openapi.json` needs a valid token (auditor or recorder).
    public var requireToken: Bool
    /// The published snapshots the audit page checks the store against (none when nil).
    public var snapshotsFolder: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, tokensPath: String = ".carnot/tokens.json",
                requireToken: Bool = false, snapshotsFolder: String? = nil) {
        self.host = host
        self.port = port
        self.tokensPath = tokensPath
        self.requireToken = requireToken
        self.snapshotsFolder = snapshotsFolder
    }
}
