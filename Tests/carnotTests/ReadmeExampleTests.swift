import Foundation
import Testing

/// The README's worked example of a back-dated correction, run as a user would.
@Suite struct ReadmeExampleTests {
    @Test func theBackDatedCorrectionExampleAnswersAsTheReadmeSays() throws {
        let cli = try CLI()
        let source = ["--source", "MESRI press release, 7 Feb 2020"]
        #expect(try cli.run(["open-call", "carnot-4", "--name", "Carnot 4", "--effective", "2019-06"] + source).status == 0)
        #expect(try cli.run(["register-institute", "mers", "--name", "MERS", "--effective", "2020-02-07"] + source).status == 0)
        #expect(try cli.run(["grant", "mers", "--kind", "carnot", "--call", "carnot-4", "--from", "2020-02-07",
                             "--until", "2024-02-07", "--effective", "2020-02-07"] + source).status == 0)
        #expect(try cli.run(["extend", "mers", "--until", "2025-02-07", "--effective", "2024"] + source).status == 0)
        let correction = try cli.write("correction.json", """
        {"events": [{"type": "event.corrected", "effective": "2024", "source": "ministry erratum",
          "payload": {"target": 4, "reason": "the extension runs to 30 June 2025",
                      "replacement": {"type": "label.extended", "effective": "2024",
                                      "payload": {"institute": "mers", "until": "2025-06-30"}}}}]}
        """)
        #expect(try cli.run(["record", "--file", correction]).status == 0)

        func label(at day: String, upto: Int? = nil) throws -> String {
            let json = try cli.run(["show", "mers", "--at", day, "--format", "json"] + (upto.map { ["--upto", String($0)] } ?? [])).stdout
            guard let range = json.range(of: #""label":"#) else { return "?" }
            let rest = json[range.upperBound...]
            return rest.hasPrefix("null") ? "none" : String(rest.prefix { $0 != "}" }.split(separator: ",").first { $0.contains("until") } ?? "")
        }
        #expect(try label(at: "2024-06-01", upto: 3) == "none")
        #expect(try label(at: "2024-06-01", upto: 4) == #""until":"2025-02-07""#)
        #expect(try label(at: "2025-03-01", upto: 4) == "none")
        #expect(try label(at: "2025-03-01") == #""until":"2025-06-30""#)
        #expect(try cli.run(["history", "mers"]).stdout.contains("corrected by 5"))
    }
}
