import Crypto
import Foundation

/// The OpenAPI 3.1 document of the API, kept in the repository (Resources/openapi.json) and served as is.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return Array("{}".utf8) }
        return [UInt8](data)
    }()

    static let tag: String = "\"openapi-" + SHA256.hash(data: bytes).prefix(8).map { String(format: "%02x", $0) }.joined() + "\""
}
