import Foundation
import CarnotRegistry
import Hummingbird

/// `GET /api/audit`: the chain verified and the published snapshots checked. Public like every read: the
/// point of a hash chain is that anyone can check it (a server with `--require-token` asks for a token).
struct AuditRoute: Sendable {
    let store: RegistryStore
    let access: Access
    let snapshotsFolder: String?

    func register(on table: RouteTable) {
        table.on(.get, "/api/audit") { request, _ in
            try access.checkRead(request)
            let folder = snapshotsFolder
            let check = try await store.read { try AuditCheck.run(on: $0, snapshotsFolder: folder) }
            return Reply.json(check.document, request: request)
        }
    }
}
