import Foundation
import Testing

/// The main job on the bundled history, as a user runs it: every answer says how complete it is, and a label
/// the registry knows nothing about reads "not known", never as "not labelled".
@Suite struct BundledHistoryCLITests {
    static let events = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Events").path

    static func imported() throws -> CLI {
        let cli = try CLI()
        let result = try cli.run(["import", events])
        #expect(result.status == 0, "\(result.stderr)")
        return cli
    }

    @Test func stateOn7February2020SaysInItsFirstLinesHowManyOfThe39ItNames() throws {
        let cli = try Self.imported()
        let table = try cli.run(["state", "--at", "2020-02-07"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count > 4)
        #expect(lines[1] == "Carnot 4 (results 2020-02-07): 37 labelled + 2 on probation published; 24 + 1 named (25 of 39)")
        #expect(lines.prefix(5).contains { $0.hasPrefix("Institutes: ") && $0.contains("25 held") && $0.contains("not known") })
        let onera = try #require(lines.first { $0.hasPrefix("onera ") })
        #expect(onera.contains("not known"))
        let cirimat = try #require(lines.first { $0.hasPrefix("cirimat ") })
        #expect(cirimat.contains("ended 2011-04-28"))

        let json = try cli.run(["state", "--at", "2020-02-07", "--format", "json"])
        #expect(json.stdout.contains(#""labelStatus":"not-known""#))
        #expect(json.stdout.contains(#""summary":"Carnot 4 (results 2020-02-07): 37 labelled + 2 on probation published; 24 + 1 named (25 of 39)""#))
    }

    @Test func showDiffAndCompletenessUseTheSameWords() throws {
        let cli = try Self.imported()
        let show = try cli.run(["show", "cea-list", "--at", "2006-06-01"])
        #expect(show.stdout.hasPrefix("Label on 2006-06-01: held: carnot"))
        #expect(try cli.run(["show", "onera", "--at", "2020-02-07"]).stdout.hasPrefix("Label on 2020-02-07: not known"))

        let diff = try cli.run(["diff", "--from", "2017-06-01", "--to", "2020-02-07"])
        let mecd = try #require(diff.stdout.split(separator: "\n").first { $0.contains("mecd") && $0.contains("label") })
        #expect(mecd.contains("label changed") && mecd.contains("held: tremplin") && mecd.contains("held: carnot"))
        #expect(diff.stdout.contains("label ended"))

        let completeness = try cli.run(["completeness"])
        #expect(completeness.stdout.contains("Carnot 4, 2020: 37 labelled, 24 named, 13 not known"))
    }

    @Test func theFirstPublishedHeadStillVerifies() throws {
        let cli = try Self.imported()
        let verify = try cli.run(["verify", "--head", "217:b283309e822ae248bc7d09fe6006d1abf5a17251668b56171eb0034a5281b1fc"])
        #expect(verify.status == 0, "\(verify.stderr)")
    }
}
