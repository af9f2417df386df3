/// What the generator knows of the world it is writing: every entity it registered, with just enough of each
/// to keep the next event valid (the labels held and when, the affiliations, the offices, the memberships).
///
/// It mirrors the store's fold for the facts the generator's own rules depend on. Those facts are only ever
/// changed by forward events, never back-dated nor corrected, so the mirror is exact; what back-dated events
/// and corrections touch (names, directors, published counts) is kept valid by construction instead. Bounded
/// by the number of entities: nothing here grows with the number of events.
struct SyntheticWorld {
    /// One label term, as `LabelTerm` holds it.
    struct Term {
        var kind: LabelKind
        /// The wave that granted or renewed it.
        var wave: Int
        var from: Day
        var until: Day
        var withdrawn = false
        /// Extended once already: a term is extended at most once outside the 2024 round.
        var extended = false

        func contains(_ day: Day) -> Bool { from <= day && day < until }
    }

    struct Institute {
        let id: EntityID
        let registered: Day
        /// The wave that first labels it, nil for one never labelled.
        let cohort: Int?
        let firstKind: LabelKind
        let topic: Int
        let place: Int
        var generation = 0
        var terms: [Term] = []

        var name: String { SyntheticNames.institute(topic: topic, place: place, generation: generation) }

        /// The term held on `day`, found as `InstituteRecord.label(on:)` finds it: the last one containing it.
        func held(on day: Day) -> Int? { terms.lastIndex { $0.contains(day) } }
    }

    struct Affiliation {
        let institute: Int
        let role: AffiliationRole
    }

    struct School {
        let id: EntityID
        let registered: Day
        let stem: Int
        let topic: Int
        let place: Int
        var generation = 0
        var parent: Int?
        /// The institutes it may be affiliated to (at most three): affiliations toggle among them.
        var candidates: [Int]
        var affiliations: [Affiliation] = []
        var isActive = true

        var name: String { SyntheticNames.school(stem: stem, topic: topic, place: place, generation: generation) }

        func affiliation(to institute: Int) -> Int? { affiliations.firstIndex { $0.institute == institute } }
    }

    struct Person {
        let id: EntityID
        let registered: Day
        /// The offices held, one bit per `SyntheticWorld.offices` index.
        var offices: UInt16 = 0
    }

    struct Consortium {
        let id: EntityID
        let formed: Day
        /// Member institutes, in the order they joined.
        var members: [Int] = []
    }

    /// The offices, in a fixed order.
    static let offices = Office.allCases
    /// How many hold each office at most (by `offices` index): one for a single seat, a small bureau else.
    static let seats = offices.map { office -> Int in
        switch office {
        case .president, .directorGeneral, .treasurer, .secretary, .viceTreasurer, .viceSecretary: 1
        case .vicePresident: 3
        case .bureauMember: 8
        case .boardMember: 24
        }
    }

    var institutes: [Institute] = []
    var schools: [School] = []
    var people: [Person] = []
    var consortia: [Consortium] = []
    /// The holders of each office, by `offices` index.
    var holders: [[Int]] = Array(repeating: [], count: SyntheticWorld.offices.count)
    var mergers = 0
    var withdrawals = 0

    /// How many institutes were registered on or before `day` (registration days grow with the index).
    func institutes(registeredBy day: Day) -> Int { Self.count(institutes, by: day) { $0.registered } }

    func schools(registeredBy day: Day) -> Int { Self.count(schools, by: day) { $0.registered } }

    func people(registeredBy day: Day) -> Int { Self.count(people, by: day) { $0.registered } }

    /// The number of leading `items` whose day is on or before `day`, for items in nondecreasing day order.
    private static func count<T>(_ items: [T], by day: Day, _ key: (T) -> Day) -> Int {
        var low = 0, high = items.count
        while low < high {
            let middle = (low + high) / 2
            if key(items[middle]) <= day { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
