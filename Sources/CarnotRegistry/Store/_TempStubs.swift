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
nonisolated(unsafe) var tempStates: [RegistryState] = []
enum StateCodec {
    static func encode(_ s: RegistryState) -> [UInt8] { tempStates.append(s); return Array(String(tempStates.count - 1).utf8) }
    static func decode(_ b: UnsafeRawBufferPointer) throws -> RegistryState { tempStates[Int(String(decoding: b, as: UTF8.self))!] }
}
