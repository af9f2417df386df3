import Testing
@testable import CarnotRegistry

/// How a memory limit is shared between SQLite and the rest of the process, and how an SQLite allocation
/// failure is remembered for the command line's message.
@Suite struct MemoryBudgetTests {
    @Test func sqliteGetsAShareOfTheRoomLeftUnderTheLimitNotOfTheLimit() {
        let budget = MemoryBudget(limit: 200 << 20, inUse: 100 << 20)

        #expect(budget.room == 100 << 20)
        #expect(budget.sqliteHardLimit == 60 << 20)
        #expect(budget.sqliteSoftLimit == 40 << 20)
        #expect(budget.sqliteSoftLimit < budget.sqliteHardLimit, "the page cache recycles before statements fail")
        #expect(!budget.isTooSmall)
    }

    @Test func aLimitWithLessRoomThanAnyCommandNeedsIsTooSmallAndNamesTheMinimum() {
        let budget = MemoryBudget(limit: 90 << 20, inUse: 88 << 20)

        #expect(budget.isTooSmall)
        #expect(budget.minimumLimitKiB == (88 << 10) + (MemoryBudget.minimumRoom >> 10))
        #expect(MemoryBudget(limit: 80 << 20, inUse: 88 << 20).room == 0)
    }

    @Test func anSQLiteOutOfMemoryErrorIsRememberedForTheProcess() {
        // SQLITE_NOMEM is 7. Remembered even when a caller wraps the error in its own words.
        let error = SQLiteError(code: 7, message: "out of memory")

        #expect(error.isOutOfMemory)
        #expect(MemoryGuard.shortageNoted)
    }
}
