@testable import CarnotRegistry

/// Random states built directly, not folded, so that they reach values no event sequence produces: keys
/// that are not their record's id, extreme days and counts, non-ASCII and empty strings.
enum RandomState {
    /// A state of up to `scale` institutes, schools, people and offices (and fewer consortia and calls),
    /// naming up to `3 * scale` identifiers; small scales include empty sections, large ones (100 and up)
    /// hold at least half of `scale` of each.
    static func make(using random: inout SeededGenerator, scale: Int = 12) -> RegistryState {
        let low = scale >= 100 ? scale / 2 : 0
        let pool = (0..<Int.random(in: max(1, low)...(3 * scale), using: &random)).map { _ in id(using: &random) }
        let pick = { (random: inout SeededGenerator) in pool.randomElement(using: &random)! }
        var state = RegistryState()
        for _ in 0..<Int.random(in: low...scale, using: &random) {
            let key = pick(&random)
            var institute = InstituteRecord(id: chance(0.9, &random) ? key : pick(&random), name: text(using: &random),
                                            homeInstitutions: list(using: &random), registered: day(using: &random))
            institute.director = chance(0.5, &random) ? pick(&random) : nil
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                institute.terms.append(LabelTerm(
                    kind: LabelKind.allCases.randomElement(using: &random)!, call: pick(&random),
                    from: day(using: &random), until: day(using: &random), probation: .random(using: &random),
                    renewal: .random(using: &random), withdrawal: chance(0.3, &random) ? text(using: &random) : nil))
            }
            institute.notRenewedIn = (0..<Int.random(in: 0...3, using: &random)).map { _ in pick(&random) }
            state.institutes[key] = institute
        }
        for _ in 0..<Int.random(in: low...scale, using: &random) {
            let key = pick(&random)
            var school = SchoolRecord(id: key, name: text(using: &random),
                                      parent: chance(0.5, &random) ? text(using: &random) : nil,
                                      registered: day(using: &random))
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                school.affiliations[pick(&random)] = AffiliationRole.allCases.randomElement(using: &random)!
            }
            school.mergedInto = chance(0.3, &random) ? pick(&random) : nil
            school.mergedFrom = (0..<Int.random(in: 0...3, using: &random)).map { _ in pick(&random) }
            state.schools[key] = school
        }
        for _ in 0..<Int.random(in: low...scale, using: &random) {
            let key = pick(&random)
            state.people[key] = PersonRecord(id: key, name: text(using: &random), alsoKnownAs: list(using: &random))
        }
        for _ in 0..<Int.random(in: low...scale, using: &random) {
            state.offices.append(OfficeHolding(
                office: Office.allCases.randomElement(using: &random)!, person: pick(&random),
                representing: chance(0.5, &random) ? pick(&random) : nil, since: day(using: &random),
                sincePrecision: DatePrecision.allCases.randomElement(using: &random)!))
        }
        // As every fold leaves them: grouped by office, in the order drawn within one.
        state.offices = Office.allCases.flatMap { office in state.offices.filter { $0.office == office } }
        for _ in 0..<Int.random(in: (low / 2)...(scale / 2), using: &random) {
            let key = pick(&random)
            var consortium = ConsortiumRecord(id: key, name: text(using: &random), formed: day(using: &random))
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                consortium.members[pick(&random)] = ConsortiumRole.allCases.randomElement(using: &random)!
            }
            state.consortia[key] = consortium
        }
        for _ in 0..<Int.random(in: (low / 2)...(scale / 2), using: &random) {
            let key = pick(&random)
            var call = CallRecord(id: key, name: text(using: &random), opened: day(using: &random),
                                  closes: chance(0.5, &random) ? day(using: &random) : nil)
            if chance(0.6, &random) {
                call.results = CallCounts(labelled: count(using: &random), renewed: optionalCount(using: &random),
                                          new: optionalCount(using: &random), notRenewed: optionalCount(using: &random),
                                          tremplins: optionalCount(using: &random),
                                          probation: optionalCount(using: &random))
            }
            if chance(0.6, &random) {
                call.announced = PartialDate(day: day(using: &random),
                                             precision: DatePrecision.allCases.randomElement(using: &random)!)
            }
            state.calls[key] = call
        }
        return state
    }

    /// `dictionary` rebuilt by inserting its entries in descending key order into a larger table, so that
    /// its iteration order differs while it stays equal.
    static func reinserted<Value>(_ dictionary: [EntityID: Value]) -> [EntityID: Value] {
        var result = [EntityID: Value](minimumCapacity: dictionary.count * 4 + 7)
        for key in dictionary.keys.sorted(by: >) { result[key] = dictionary[key] }
        return result
    }

    static func chance(_ probability: Double, _ random: inout SeededGenerator) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    static func id(using random: inout SeededGenerator) -> EntityID {
        let first = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        let rest = first + Array("-._".utf8)
        let length = chance(0.1, &random) ? EntityID.maximumLength : Int.random(in: 1...20, using: &random)
        let bytes = [first.randomElement(using: &random)!]
            + (1..<length).map { _ in rest.randomElement(using: &random)! }
        return EntityID(String(decoding: bytes, as: UTF8.self))!
    }

    static func text(using random: inout SeededGenerator) -> String {
        let pieces = ["", "Carnot", " ", "Télécom", "É", "ß", "中文", "🧪", "\u{0}", "\n", "e\u{301}", "Mines-Télécom",
                      String(repeating: "x", count: 200)]
        return (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func list(using random: inout SeededGenerator) -> [String] {
        (0..<Int.random(in: 0...3, using: &random)).map { _ in text(using: &random) }
    }

    static func day(using random: inout SeededGenerator) -> Day {
        let extremes: [Int32] = [.min, .max, 0, -1]
        if chance(0.1, &random) { return Day(ordinal: extremes.randomElement(using: &random)!) }
        return Day(ordinal: Int32.random(in: 10_000...25_000, using: &random))
    }

    static func count(using random: inout SeededGenerator) -> Int {
        chance(0.1, &random) ? [Int.min, Int.max, -1].randomElement(using: &random)! : Int.random(in: 0...200, using: &random)
    }

    static func optionalCount(using random: inout SeededGenerator) -> Int? {
        chance(0.5, &random) ? count(using: &random) : nil
    }
}
