// TEMPORARY: replaced by the real StateCodec and FactDecoder.
public struct StoredFact { public let event: Event; public let effective: Day; public let precision: DatePrecision
    public init(event: Event, effective: Day, precision: DatePrecision) { self.event = event; self.effective = effective; self.precision = precision } }
enum FactDecoder {
    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> StoredFact {
        let json = try JSONParser.parse(Array(bytes.bindMemory(to: UInt8.self)))
        guard case .object(var fields) = json else { throw StoreError.integrity("not an object") }
        fields["prev"] = .string(EventSchema.genesisHash); fields["hash"] = .string(EventSchema.genesisHash)
        let r = try EventSchema.decodeRecorded(.object(fields))
        return StoredFact(event: r.event, effective: r.effective, precision: r.precision)
    }
}
