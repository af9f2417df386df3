import Foundation
import Testing

/// Tables fit the terminal, --wide prints them whole, and listings print as RFC 4180 CSV and TSV.
@Suite struct TableOutputTests {
    @Test func theStateTableFitsEightyColumnsAndWidePrintsItWhole() throws {
        let scratch = try Scratch()
        let fitted = try scratch.carnot(["state", "--at", "2020-02-07"], environment: ["COLUMNS": "80"])
        #expect(fitted.status == 0)
        let widest = fitted.stdout.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest <= 80, "widest line \(widest)")
        #expect(fitted.stdout.contains("…"))
        #expect(fitted.stdout.contains("mers "))

        let wide = try scratch.carnot(["state", "--at", "2020-02-07", "--wide"], environment: ["COLUMNS": "80"])
        #expect(wide.status == 0)
        #expect(!wide.stdout.contains("…"))
        #expect((wide.stdout.split(separator: "\n").map(\.count).max() ?? 0) > 200)
        #expect(wide.stdout.contains("Télécom & Société Numérique"))
        // Not a terminal and no COLUMNS: whole lines, as with --wide.
        let piped = try scratch.carnot(["state", "--at", "2020-02-07"])
        #expect(piped.stdout == wide.stdout)
    }

    @Test func everyLineOfTheListingsFitsANarrowTerminal() throws {
        let scratch = try Scratch()
        for arguments in [["log"], ["history", "tsn"], ["completeness"], ["explain", "tsn", "--at", "2020-02-07"],
                          ["list", "schools"], ["find", "telecom"]] {
            let result = try scratch.carnot(arguments, environment: ["COLUMNS": "100"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let widest = result.stdout.split(separator: "\n").filter { $0.hasPrefix("-") || $0.first?.isLetter == true || $0.first?.isNumber == true }
                .map(\.count).max() ?? 0
            // explain's "field: value" lines are prose (values capped at 100 characters), not table rows.
            #expect(widest <= 100 || arguments[0] == "explain", "\(arguments): widest line \(widest)")
        }
    }

    @Test func csvQuotesCommasQuotesAndLineEndsAsRFC4180Says() throws {
        let scratch = try Scratch()
        let source = #"Décret n° 2026-1, "Carnot", art. 2"#
        #expect(try scratch.carnot(["rename-institute", "mers", "--name", "MERS, \"Ocean\"", "--effective", "2024-06-01",
                                    "--source", source]).status == 0)
        let csv = try scratch.carnot(["history", "mers", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "SEQ,EFFECTIVE,RECORDED,EVENT,SOURCE,CONFIDENCE,BY,STATUS")
        #expect(lines.last == "")
        #expect(csv.stdout.contains(#","Décret n° 2026-1, ""Carnot"", art. 2","#))
        #expect(csv.stdout.contains(#""institute mers renamed ""MERS, \""Ocean\"""""#) || csv.stdout.contains(#"renamed ""MERS, ""Ocean"""""#))

        let tsv = try scratch.carnot(["history", "mers", "--format", "tsv"])
        let rows = tsv.stdout.split(separator: "\n")
        #expect(rows.first == "SEQ\tEFFECTIVE\tRECORDED\tEVENT\tSOURCE\tCONFIDENCE\tBY\tSTATUS")
        #expect(rows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 8 })
    }

    @Test func csvIsOfferedByListingsAndRefusedWhereThereIsNoListing() throws {
        let scratch = try Scratch()
        for arguments in [["log"], ["state", "--at", "2020-02-07"], ["list", "calls"], ["find", "mines"], ["completeness"],
                          ["diff", "--from", "2016-07-06", "--to", "2020-02-07"]] {
            let result = try scratch.carnot(arguments + ["--format", "csv"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains("\r\n"))
        }
        let head = try scratch.carnot(["head", "--format", "csv"])
        #expect(head.status == 64)
        #expect(head.stderr.contains("--format csv"))
    }
}
