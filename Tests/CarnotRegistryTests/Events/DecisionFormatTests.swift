import Testing
@testable import CarnotRegistry

/// A decision file is read strictly: every problem is refused with the path of the field at fault, so the
/// person who wrote it knows what to fix.
struct DecisionFormatTests {
    /// A malformed decision and the field path its refusal must name.
    struct Malformed: Sendable, CustomTestStringConvertible {
        let rule: String
        let json: String
        let field: String
        var testDescription: String { rule }
    }

    /// `{"events":[...]}` around `events`, each a complete event object.
    static func decision(_ events: String...) -> String { #"{"events":["# + events.joined(separator: ",") + "]}" }

    /// One event of `type` on 2011-04-28 from source "JORF", with `payload` and any `extra` envelope members.
    static func event(_ type: String, _ payload: String, extra: String = "") -> String {
        #"{"type":"\#(type)","effective":"2011-04-28","source":"JORF",\#(extra)"payload":\#(payload)}"#
    }

    static let grantPayload = #""institute":"tsn","kind":"carnot","call":"carnot-2","from":"2011-04-28""#

    static let malformed: [Malformed] = [
        .init(rule: "unknown event type", json: decision(event("label.revoked", "{}")), field: "events[0].type"),
        .init(rule: "unknown envelope field", json: decision(event("institute.renamed", #"{"institute":"tsn","name":"X"}"#,
                                                                   extra: #""sourse":"JO","#)), field: "events[0].sourse"),
        .init(rule: "unknown payload field", json: decision(event("institute.renamed", #"{"institute":"tsn","name":"X","nmae":"Y"}"#)),
              field: "events[0].payload.nmae"),
        .init(rule: "unknown payload field called type",
              json: decision(event("institute.renamed", #"{"institute":"tsn","name":"X","type":"Y"}"#)),
              field: "events[0].payload.type"),
        .init(rule: "missing payload field", json: decision(event("label.granted", "{\(grantPayload)}")),
              field: "events[0].payload.until"),
        .init(rule: "missing envelope field", json: decision(#"{"type":"call.opened","effective":"2010","payload":{}}"#),
              field: "events[0].source"),
        .init(rule: "missing payload", json: decision(#"{"type":"call.opened","effective":"2010","source":"JORF"}"#),
              field: "events[0].payload"),
        .init(rule: "missing events", json: #"{"event":[]}"#, field: "events"),
        .init(rule: "no events", json: #"{"events":[]}"#, field: "events"),
        .init(rule: "events not an array", json: #"{"events":{}}"#, field: "events"),
        .init(rule: "payload not an object", json: decision(event("call.opened", "[]")), field: "events[0].payload"),
        .init(rule: "date as a number", json: decision(event("label.granted", "{\(grantPayload),\"until\":2016}")),
              field: "events[0].payload.until"),
        .init(rule: "date that is not a day", json: decision(event("label.granted", "{\(grantPayload),\"until\":\"2019-02-30\"}")),
              field: "events[0].payload.until"),
        .init(rule: "flag as a string",
              json: decision(event("label.granted", "{\(grantPayload),\"until\":\"2016-04-28\",\"probation\":\"yes\"}")),
              field: "events[0].payload.probation"),
        .init(rule: "count as a string", json: decision(event("call.resultsAnnounced", #"{"call":"carnot-2","labelled":"34"}"#)),
              field: "events[0].payload.labelled"),
        .init(rule: "choice outside the list", json: decision(event("school.affiliated",
                                                                    #"{"school":"s","institute":"tsn","role":"owner"}"#)),
              field: "events[0].payload.role"),
        .init(rule: "id breaking the id rule", json: decision(event("institute.renamed", #"{"institute":"TSN","name":"X"}"#)),
              field: "events[0].payload.institute"),
        .init(rule: "id in a list breaking the id rule",
              json: decision(event("schools.merged", #"{"schools":["a","B b"],"into":"c","name":"C"}"#)),
              field: "events[0].payload.schools[1]"),
        .init(rule: "control character in a name",
              json: decision(event("institute.renamed", #"{"institute":"tsn","name":"Carnot\u0007TSN"}"#)),
              field: "events[0].payload.name"),
        .init(rule: "fault in the second event",
              json: decision(event("call.opened", #"{"call":"carnot-2","name":"Carnot 2"}"#),
                             event("institute.renamed", #"{"institute":"tsn","name":""}"#)),
              field: "events[1].payload.name"),
        .init(rule: "correction of position 0", json: decision(event("event.retracted", #"{"target":0,"reason":"r"}"#)),
              field: "events[0].payload.target"),
        .init(rule: "replacement missing a field",
              json: decision(event("event.corrected", #"{"target":3,"reason":"r","replacement":{"type":"label.granted","#
                                   + #""effective":"2011-04-28","payload":{"# + grantPayload + "}}}")),
              field: "events[0].payload.replacement.payload.until"),
        .init(rule: "replacement of an unknown type",
              json: decision(event("event.corrected", #"{"target":3,"reason":"r","replacement":{"type":"label.revoked","#
                                   + #""effective":"2011-04-28","payload":{}}}"#)),
              field: "events[0].payload.replacement.type"),
    ]

    @Test(arguments: malformed)
    func aMalformedDecisionIsRefusedNamingTheFieldPath(_ malformed: Malformed) throws {
        let json = try JSONParser.parse(malformed.json)

        let error = #expect(throws: EventFormatError.self) { try EventSchema.decodeDecision(json, defaultRecordedBy: "cli") }

        #expect(error?.field == malformed.field)
    }

    @Test func aWellFormedDecisionDecodesToItsDraftsWithDefaultsFilledIn() throws {
        let json = try JSONParser.parse(Self.decision(
            Self.event("label.granted", "{\(Self.grantPayload),\"until\":\"2016-04-28\"}"),
            #"{"type":"person.registered","effective":"2016","source":"document 004","recordedBy":"alice","#
                + #""confidence":"probable","note":"spelling varies","id":"e-1","#
                + #""payload":{"person":"christian","name":"Christian Picory-Donné","alsoKnownAs":["Christian Picory"]}}"#))

        let drafts = try EventSchema.decodeDecision(json, defaultRecordedBy: "cli")

        #expect(drafts == [
            EventDraft(.labelGranted(institute: entity("tsn"), kind: .carnot, call: entity("carnot-2"), from: day("2011-04-28"),
                                     until: day("2016-04-28"), probation: false),
                       effective: date("2011-04-28"), source: "JORF", recordedBy: "cli"),
            EventDraft(.personRegistered(person: entity("christian"), name: "Christian Picory-Donné",
                                         alsoKnownAs: ["Christian Picory"]),
                       effective: date("2016"), source: "document 004", recordedBy: "alice", confidence: .probable,
                       note: "spelling varies", id: "e-1"),
        ])
        #expect(drafts[1].precision == .year)
    }
}
