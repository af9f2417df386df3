import CarnotRegistry
import CarnotServer
import Foundation
import HummingbirdTesting
import Testing

/// The pages as a person sees them: loaded by headless Chromium from the running server.
@Suite struct BrowserTests {
    @Test func thePagesShowTheNetworkAndTheTSNTimeline() async throws {
        guard Chromium.path != nil else {
            print("BrowserTests: skipped, no chromium (apt-get install chromium)")
            return
        }
        let server = try TestServer.make()
        let folder = Chromium.screenshots
        try await server.run { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let network = try await Chromium.dom("\(base)/?at=2020-02-07")
            #expect(network.contains("<h1>The Carnot network on 2020-02-07</h1>"))
            #expect(network.contains("href=\"/institutes/tsn?at=2020-02-07\""))
            #expect(network.contains("Completeness:"))
            // The CLI's completeness line and label words: an unknown status never reads as "not labelled".
            #expect(network.contains("Carnot 4 (results 2020-02-07): 37 labelled + 2 on probation published"))
            #expect(network.contains("held: carnot, carnot-4"))
            #expect(network.contains("not known"))
            #expect(!network.contains(">none<"))
            #expect(network.contains("<label for=\"at\">"))
            let institute = try await Chromium.dom("\(base)/institutes/tsn")
            #expect(institute.contains("<svg"))
            #expect(institute.contains("href=\"/events/"))
            #expect(institute.contains("carnot label, carnot-1"))
            let entity = try await Chromium.dom("\(base)/entities/tsn?at=2020-02-07")
            #expect(entity.contains("<h2>History</h2>"))
            let log = try await Chromium.dom("\(base)/log?type=label.granted")
            #expect(log.contains("label.granted"))
            #expect(!log.contains("<td>school.registered</td>"))
            let audit = try await Chromium.dom("\(base)/audit")
            #expect(audit.contains("verifies"))
            #expect(!audit.contains("differs"))
            let search = try await Chromium.dom("\(base)/search?q=telecom")
            #expect(search.contains("href=\"/institutes/tsn\""))
            let missing = try await Chromium.dom("\(base)/institutes/nobody")
            #expect(missing.contains("404"))
            try await Chromium.screenshot("\(base)/?at=2020-02-07", to: folder + "/network-2020-02-07.png", width: 1280, height: 1600)
            try await Chromium.screenshot("\(base)/?at=2020-02-07", to: folder + "/network-phone.png", width: 390, height: 1200)
            try await Chromium.screenshot("\(base)/institutes/tsn", to: folder + "/institute-tsn.png", width: 1280, height: 1000)
        }
        for file in ["network-2020-02-07.png", "network-phone.png", "institute-tsn.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(file)")
        }
        print("BrowserTests: screenshots in \(folder)")
    }
}
