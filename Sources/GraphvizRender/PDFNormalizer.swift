/// Makes cairo's PDF output byte-stable.
///
/// Cairo 1.16 writes the render time into the document information dictionary
/// (`/CreationDate (D:20250101120000Z)`); nothing else varies. The fourteen digits are
/// replaced by `19700101000000` (the Unix epoch, as reproducible builds do with
/// `SOURCE_DATE_EPOCH=0`). The replacement has the same length, so the cross-reference
/// table's byte offsets stay valid. Anything that does not match that exact shape is
/// left alone.
enum PDFNormalizer {
    private static let marker = Array("/CreationDate (D:".utf8)
    private static let epoch = Array("19700101000000".utf8)

    static func normalize(_ pdf: [UInt8]) -> [UInt8] {
        guard let range = pdf.firstRange(of: marker) else { return pdf }
        let digits = range.upperBound..<(range.upperBound + epoch.count)
        guard digits.upperBound <= pdf.endIndex,
            pdf[digits].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return pdf }
        var result = pdf
        result.replaceSubrange(digits, with: epoch)
        return result
    }
}
