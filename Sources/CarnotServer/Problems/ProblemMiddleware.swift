import Foundation
import CarnotRegistry
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error a route throws into a problem document: the router's own (unknown route, body too
/// large) keep their status; anything unforeseen is a logged 500 whose detail names no internals.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let problem: Problem
        do {
            return try await next(request, context)
        } catch let error as Problem {
            problem = error
        } catch let error as StoreError {
            problem = Problem(error)
        } catch let error as HTTPResponseError {
            problem = Self.problem(for: error.status, path: request.uri.path)
        } catch {
            context.logger.error("unexpected error: \(error)")
            problem = Problem(.internalServerError, "internal", "the server failed to answer; the error is logged")
        }
        if problem.status == .internalServerError { context.logger.error("\(request.uri.path): \(problem.detail)") }
        return Self.isPage(request.uri.path) ? problem.page() : try problem.response(from: request, context: context)
    }

    /// Pages answer errors in HTML; the API and the OpenAPI document in problem JSON.
    static func isPage(_ path: String) -> Bool {
        !path.hasPrefix("/api/") && path != "/api" && path != "/openapi.json"
    }

    static func problem(for status: HTTPResponse.Status, path: String) -> Problem {
        switch status {
        case .notFound:
            Problem(.notFound, "no-such-route", "no page or API route at \(path); the API is described at /openapi.json")
        case .contentTooLarge:
            Problem(.contentTooLarge, "body-too-large", "the body is larger than the server accepts (\(ServerSettings.maximumBodyBytes) bytes)",
                    field: "body", rule: "at most \(ServerSettings.maximumBodyBytes) bytes")
        case .methodNotAllowed:
            Problem(.methodNotAllowed, "method-not-allowed", "\(path) does not take this method; see /openapi.json")
        default:
            Problem(status, "http", status.reasonPhrase)
        }
    }
}
