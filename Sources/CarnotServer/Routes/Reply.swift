import Foundation
import CarnotRegistry
import HTTPTypes
import Hummingbird

/// Builds the API's responses: canonical JSON (or NDJSON) with an entity tag and cache headers.
enum Reply {
    /// How long a client or proxy may keep an answer.
    enum Caching {
        /// Computed at an explicit log position: never changes (one year, immutable).
        case fixed(tag: String)
        /// Depends on the head: may be kept but must be revalidated with its tag.
        case revalidate(tag: String)
        case none
    }

    static func json(_ document: JSONValue, caching: Caching = .none, request: Request, status: HTTPResponse.Status = .ok,
                     headers extra: HTTPFields = [:]) -> Response {
        bytes(CanonicalJSON.bytes(document) + [0x0A], type: "application/json", caching: caching, request: request,
              status: status, headers: extra)
    }

    static func ndjson(_ lines: [[UInt8]], caching: Caching, request: Request, headers extra: HTTPFields = [:]) -> Response {
        var body: [UInt8] = []
        for line in lines { body += line; body.append(0x0A) }
        return bytes(body, type: "application/x-ndjson", caching: caching, request: request, status: .ok, headers: extra)
    }

    static func bytes(_ body: [UInt8], type: String, caching: Caching, request: Request, status: HTTPResponse.Status,
                      headers extra: HTTPFields) -> Response {
        var headers = extra
        headers[.contentType] = type
        switch caching {
        case .fixed(let tag):
            headers[.eTag] = tag
            headers[.cacheControl] = "public, max-age=31536000, immutable"
        case .revalidate(let tag):
            headers[.eTag] = tag
            headers[.cacheControl] = "no-cache"
        case .none:
            headers[.cacheControl] = "no-store"
        }
        if let tag = headers[.eTag], let wanted = request.headers[.ifNoneMatch],
           wanted.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag || $0 == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }
}
