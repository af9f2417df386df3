@testable import CarnotRegistry

/// Random decisions over a small fixed world, half of them moving the front of valid time forward and
/// half back-dated to any day from 2006 to the front, plus corrections and retractions of
/// random earlier events.
///
/// Candidates are not valid by construction: the store refuses those that break a rule and the log
/// keeps the others, so the logs hold every kind of event the store accepts, in orders no fixture would.
struct RandomDecisions {
    var random: SeededGenerator
    private var names = 0
    /// The front of valid time the in-order half advances.
    private var front = day("2006-01-02")

    static let institutes = ["i1", "i2", "i3", "i4"]
    static let schools = ["s1", "s2", "s3", "s4", "s5"]
    static let people = ["p1", "p2", "p3"]

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// The registrations every log starts with, on 2006-01-01.
    static var world: [EventDraft] {
        [Draft.openCall("c1", "Call 1", on: "2006-01-01"), Draft.formConsortium("k1", "Consortium", on: "2006-01-01")]
            + institutes.map { Draft.registerInstitute($0, "Carnot \($0)", on: "2006-01-01") }
            + schools.map { Draft.registerSchool($0, "School \($0)", on: "2006-01-01") }
            + people.map { Draft.registerPerson($0, "Person \($0)", on: "2006-01-01") }
    }

    /// A random day from 2006-01-02 to 2026-12-31.
    mutating func anyDay() -> String {
        Day(ordinal: Int32.random(in: day("2006-01-02").ordinal...day("2026-12-31").ordinal, using: &random)).description
    }

    /// Half the time a day a little after the front (which moves there), else any day up to the front.
    mutating func someDay() -> String {
        guard Bool.random(using: &random), front < day("2026-06-01") else {
            return Day(ordinal: Int32.random(in: day("2006-01-02").ordinal...front.ordinal, using: &random)).description
        }
        front = front.adding(days: Int.random(in: 0...40, using: &random))
        return front.description
    }

    private mutating func pick(_ values: [String]) -> String { values.randomElement(using: &random)! }

    private mutating func freshName() -> String {
        names += 1
        return "Name \(names)"
    }

    /// One random event, valid or not.
    mutating func candidate() -> EventDraft {
        let on = someDay()
        let until = Day(ordinal: day(on).ordinal + Int32.random(in: 200...2_000, using: &random)).description
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return Draft.renameInstitute(pick(Self.institutes), to: freshName(), on: on)
        case 1: return Draft.renameSchool(pick(Self.schools), to: freshName(), on: on)
        case 2: return Draft.grant(pick(Self.institutes), in: "c1", from: on, until: until, on: on)
        case 3: return Draft.renew(pick(Self.institutes), in: "c1", from: on, until: until, on: on)
        case 4: return Draft.extend(pick(Self.institutes), until: until, on: on)
        case 5: return Draft.withdraw(pick(Self.institutes), on: on)
        case 6: return Draft.affiliate(pick(Self.schools), to: pick(Self.institutes), on: on)
        case 7: return Draft.disaffiliate(pick(Self.schools), from: pick(Self.institutes), on: on)
        case 8: return Draft.appoint(pick(Self.people), as: [.president, .treasurer, .bureauMember].randomElement(using: &random)!, on: on)
        case 9: return Draft.leave(pick(Self.people), [.president, .treasurer, .bureauMember].randomElement(using: &random)!, on: on)
        case 10: return Draft.join("k1", pick(Self.institutes), on: on)
        default: return Draft.appointDirector(pick(Self.people), of: pick(Self.institutes), on: on)
        }
    }

    /// Appends about `count` decisions to `store`: mostly random events, some corrections and retractions
    /// of random earlier events. Refused candidates are dropped.
    mutating func record(_ count: Int, into store: EventStore) throws {
        for _ in 0..<count {
            let head = try store.head().seq
            let draft: EventDraft
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                draft = Draft.correct(Int64.random(in: 1...head, using: &random), with: candidate(), on: anyDay())
            case 1:
                draft = Draft.retract(Int64.random(in: 1...head, using: &random), on: anyDay())
            default:
                draft = candidate()
            }
            do { try store.append([draft]) } catch StoreError.invalid { continue }
        }
    }
}
