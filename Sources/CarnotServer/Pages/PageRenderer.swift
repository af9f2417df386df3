import Foundation
import CarnotRegistry
import Mustache

/// Renders a page: its own template into the layout.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        let templates = ["layout": Templates.layout, "network": Templates.network, "institute": Templates.institute,
                         "entity": Templates.entity, "event": Templates.event, "log": Templates.log,
                         "audit": Templates.audit, "search": Templates.search, "problem": Templates.problem]
        for (name, text) in templates {
            // The templates are literals of this file's module: a parse error is a programmer error.
            do { try library.register(text, named: name) } catch { preconditionFailure("template \(name): \(error)") }
        }
        self.library = library
    }

    func render(_ template: String, title: String, head: LogHead, query: String = "", _ context: [String: Any]) -> String {
        let body = library.render(Self.pruned(context), withTemplate: template) ?? ""
        let page: [String: Any] = ["title": title, "body": body, "headSeq": String(head.seq),
                                   "headHash": String(head.hash.prefix(12)), "query": query]
        return library.render(page, withTemplate: "layout") ?? body
    }

    /// The context without its empty strings: Mustache renders a section for any string, even an empty one,
    /// so "no note" is an absent key.
    static func pruned(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            dictionary.reduce(into: [String: Any]()) { result, entry in
                if let text = entry.value as? String, text.isEmpty { return }
                result[entry.key] = pruned(entry.value)
            }
        case let list as [[String: Any]]:
            list.map { pruned($0) }
        default:
            value
        }
    }
}
