import Foundation
import CarnotRegistry
import HTTPTypes
import Hummingbird

/// An error answered as an RFC 9457 problem document (`application/problem+json`).
///
/// Besides the standard members (`type`, `title`, `status`, `detail`), it carries the registry's own
/// `field`, `value` and `rule` (and `index`, the event of a decision), the same words the command line
/// prints, so that a client can point at the offending input.
public struct Problem: Error, HTTPResponseError, CustomStringConvertible {
    public let status: HTTPResponse.Status
    /// A short slug naming the kind of problem; `type` is `/problems/<kind>`.
    public let kind: String
    public let detail: String
    public var field: String?
    public var value: String?
    public var rule: String?
    public var index: Int?
    /// Extra response headers (`WWW-Authenticate` on a 401).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ kind: String, _ detail: String,
                field: String? = nil, value: String? = nil, rule: String? = nil) {
        self.status = status
        self.kind = kind
        self.detail = detail
        self.field = field
        self.value = value
        self.rule = rule
    }

    public var description: String { "\(status.code) \(kind): \(detail)" }

    /// The problem document.
    public var document: JSONValue {
        var fields: [String: JSONValue] = [
            "type": .string("/problems/\(kind)"), "title": .string(status.reasonPhrase),
            "status": .integer(Int64(status.code)), "detail": .string(detail),
        ]
        if let field { fields["field"] = .string(field) }
        if let value { fields["value"] = .string(value) }
        if let rule { fields["rule"] = .string(rule) }
        if let index { fields["index"] = .integer(Int64(index)) }
        return .object(fields)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: CanonicalJSON.bytes(document) + [0x0A])))
    }

    /// The problem as an HTML page, for a browser.
    func page() -> Response {
        var text = detail
        if let field, let rule { text += " (\(field): \(rule))" }
        let html = PageRoutes.renderer.render("problem", title: status.reasonPhrase, head: .empty,
                                              ["title": "\(status.code) \(status.reasonPhrase)", "detail": text])
        var headers = self.headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
