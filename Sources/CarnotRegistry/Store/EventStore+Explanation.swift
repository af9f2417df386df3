extension EventStore {
    /// Why `id` is as it is on `day`, as known at position `upto` (the head when nil): the answer of
    /// `Explanation.explain` over the whole log, read from the entity index. Nil when no entity has that id
    /// on that day.
    ///
    /// The explanation credits every fact that changed the entity's document, whichever entities the fact
    /// names. The document (`StateDocument.entity`) reads the entity's own record and, through the events
    /// that name the entity, a few others: an institute's affiliated schools, its consortia and its
    /// director's name; a person's office seats and the institutes it directs. Those records (`relatedKeys`),
    /// with the schools a merger builds one from (`Event.recordKeys` of every merger met), are rebuilt from
    /// the facts that write them, which gives them as a fold of the whole log does after every fact (see
    /// `entityStates`): the other facts change nothing the document reads, so they credit nothing. The cost
    /// is the facts of those records, not the log.
    ///
    /// ```swift
    /// let explanation = try store.explanation(of: EntityID("tsn")!, at: Day("2020-02-07")!)
    /// ```
    /// - Throws: `StoreError.integrity` when a stored body does not decode or the index names a position the
    ///   log does not hold.
    public func explanation(of id: EntityID, at day: Day, upto: Int64? = nil) throws(StoreError) -> Explanation? {
        try guarded { try connection.transaction(immediate: false) { try readExplanation(of: id, at: day, upto: upto) } }
    }

    private func readExplanation(of id: EntityID, at day: Day, upto: Int64?) throws -> Explanation? {
        let upto = try upto ?? connection.statement("SELECT COALESCE(max(seq), 0) FROM events").first { $0.integer(0) } ?? 0
        // Target -> the correction that decides it at `upto`, and correction -> its target: every correction
        // is a few percent of the log, integers only.
        var deciding: [Int64: Int64] = [:]
        try connection.statement("SELECT seq, target FROM corrections WHERE seq <= ?1 ORDER BY seq").query([.integer(upto)]) { row in
            deciding[row.integer(1)] = row.integer(0)
            return true
        }
        var events: [Int64: StoredFact] = [:]
        func event(at seq: Int64) throws -> Event {
            if let known = events[seq] { return known.event }
            guard let fact = try fact(at: seq) else {
                throw StoreError.integrity("the entity index names event \(seq), which the log does not hold: run `carnot verify`")
            }
            events[seq] = fact
            return fact.event
        }

        // The entity's own rows: the records its document reads, and the corrections it may cite.
        var named: [Int64] = []
        try connection.statement("SELECT seq FROM entity_events WHERE entity = ?1 AND seq <= ?2").query([.text(id.rawValue), .integer(upto)]) { row in
            named.append(row.integer(0))
            return true
        }
        var pending: Set<String> = [id.rawValue]
        // Records the document reads only through the events that name the entity (its office seats, its
        // consortia): their other facts are folded, but cannot change the document.
        var throughNamed: Set<String> = []
        for seq in named {
            let related = Self.relatedKeys(of: id, in: try event(at: seq))
            pending.formUnion(related.whole)
            throughNamed.formUnion(related.throughNamed)
        }
        let watched = pending
        pending.formUnion(throughNamed)

        // Every fact writing those records on or before the day, and the records a merger among them joins.
        var visited: Set<String> = []
        var written: Set<Int64> = []
        var mergerKeys: Set<String> = []
        var writing: [String: [Int64]] = [:]
        let writes = try connection.statement("SELECT seq FROM entity_events WHERE entity = ?1 AND writes = 1 AND seq <= ?2 AND effective <= ?3")
        while let key = pending.popFirst() {
            guard visited.insert(key).inserted else { continue }
            var positions: [Int64] = []
            try writes.query([.text(key), .integer(upto), .integer(Int64(day.ordinal))]) { row in
                positions.append(row.integer(0))
                return true
            }
            writing[key] = positions
            for seq in positions where written.insert(seq).inserted {
                let filed = Self.filedEvent(try event(at: seq))
                if case .schoolsMerged = filed {
                    pending.formUnion(filed.recordKeys.subtracting(visited))
                    mergerKeys.formUnion(filed.recordKeys)
                }
            }
        }
        // The document can change only after a fact filed under the entity or writing a record it reads whole.
        var changing = Set(named)
        for key in watched.union(mergerKeys) { changing.formUnion(writing[key] ?? []) }
        func mayChange(_ fact: Timeline.Fact) -> Bool { changing.contains(fact.seq) }

        // The standing facts among them, in fold order, as `Timeline.facts` gives them.
        var facts: [Timeline.Fact] = []
        for seq in written {
            let stored = events[seq]!
            switch stored.event {
            case .eventRetracted:
                continue
            case .eventCorrected(let target, _, let replacement):
                guard deciding[target] == seq, replacement.effective <= day else { continue }
                facts.append(Timeline.Fact(event: replacement.event, effective: replacement.effective,
                                           precision: replacement.precision, seq: seq, replacing: target))
            default:
                guard deciding[seq] == nil, stored.effective <= day else { continue }
                facts.append(Timeline.Fact(event: stored.event, effective: stored.effective,
                                           precision: stored.precision, seq: seq, replacing: nil))
            }
        }
        facts.sort { ($0.effective, $0.seq) < ($1.effective, $1.seq) }

        // The corrected events the explanation may cite: those of the entity's rows (an original naming it),
        // and the targets of its corrections (a replacement naming it).
        var targets: Set<Int64> = []
        for seq in named {
            targets.insert(seq)
            if case .eventCorrected(let target, _, _) = try event(at: seq) { targets.insert(target) }
        }
        let recorded = try connection.statement("SELECT seq, body, prev, hash FROM events WHERE seq = ?1")
        func carrier(_ seq: Int64) throws -> RecordedEvent {
            guard let event = try recorded.first([.integer(seq)], { try Self.decode($0) }) else {
                throw StoreError.integrity("event \(seq) is missing from the log: run `carnot verify`")
            }
            return event
        }
        let corrected = try targets.sorted().compactMap { target -> (original: RecordedEvent, correction: RecordedEvent)? in
            guard let correction = deciding[target] else { return nil }
            return (try carrier(target), try carrier(correction))
        }
        return try Explanation.explain(id, at: day, facts: facts, carrier: carrier, corrected: corrected, mayChange: mayChange)
    }

    /// The event a stored event is filed under in the entity index: a correction's replacement.
    private static func filedEvent(_ event: Event) -> Event {
        if case .eventCorrected(_, _, let replacement) = event { replacement.event } else { event }
    }

    /// The records besides its own that the document of `id` reads through `event`, one of the events filed
    /// under `id` (`StateDocument.entity`): `whole`, records any of whose facts may change the document (an
    /// institute's schools, their names; its director, the name; a person's institutes, whom they name
    /// director); `throughNamed`, records only the events naming `id` change for it (a person's office seats,
    /// an institute's consortia).
    static func relatedKeys(of id: EntityID, in event: Event) -> (whole: [String], throughNamed: [String]) {
        switch filedEvent(event) {
        case .schoolAffiliated(let school, let institute, _), .schoolDisaffiliated(let school, let institute):
            (institute == id ? [school.rawValue] : [], [])
        case .consortiumJoined(let consortium, let institute, _), .consortiumLeft(let consortium, let institute):
            ([], institute == id ? [consortium.rawValue] : [])
        case .directorAppointed(let institute, let person):
            (institute == id ? [person.rawValue] : person == id ? [institute.rawValue] : [], [])
        case .officeHolderAppointed(let person, let office, _), .officeHolderLeft(let person, let office):
            ([], person == id ? [Event.officeKey(office)] : [])
        default:
            ([], [])
        }
    }
}
